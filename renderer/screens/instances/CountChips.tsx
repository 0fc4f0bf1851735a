import type { FleetFilter } from '../../../shared/fleet';
import { useT } from '../../i18n/use-t';
import { EMPTY_FILTER, useFleetStore } from './fleet-store';

/**
 * Counts per state over the whole fleet. Each is also a quick filter: pressing one shows only those instances,
 * pressing it again shows all.
 */
export function CountChips() {
  const t = useT();
  const counts = useFleetStore((state) => state.counts);
  const filter = useFleetStore((state) => state.filter);
  const setFilter = useFleetStore((state) => state.setFilter);
  if (!counts) return null;

  const chips: { label: string; patch: Partial<FleetFilter>; active: boolean; tone: string }[] = [
    {
      label: t('instances.countAuthorized', { count: counts.whatsapp.authorized ?? 0 }),
      patch: { whatsapp: ['authorized'] },
      active: same(filter.whatsapp, ['authorized']),
      tone: 'ok',
    },
    {
      label: t('instances.countNotAuthorized', { count: counts.whatsapp.notAuthorized ?? 0 }),
      patch: { whatsapp: ['notAuthorized'] },
      active: same(filter.whatsapp, ['notAuthorized']),
      tone: 'failed',
    },
    {
      label: t('instances.countExpiring', { count: counts.expiringSoon }),
      patch: { expiringWithinDays: 7 },
      active: filter.expiringWithinDays === 7,
      tone: 'warning',
    },
    {
      label: t('instances.countLapsed', { count: (counts.subscription.inactive ?? 0) + (counts.subscription.expired ?? 0) }),
      patch: { subscription: ['inactive', 'expired'] },
      active: same(filter.subscription, ['inactive', 'expired']),
      tone: 'failed',
    },
    { label: t('instances.countProblems', { count: counts.problems }), patch: { problemsOnly: true }, active: filter.problemsOnly, tone: 'failed' },
  ];

  return (
    <div className="count-chips" role="group" aria-label={t('instances.countsLabel')}>
      <span className="count-total">{t('instances.total', { count: counts.total })}</span>
      {chips.map((chip, index) => (
        <button
          key={index}
          type="button"
          className={`chip chip-${chip.tone}`}
          aria-pressed={chip.active}
          onClick={() => setFilter(chip.active ? reset(chip.patch) : chip.patch)}
        >
          {chip.label}
        </button>
      ))}
    </div>
  );
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, index) => value === b[index]);
/** The patch that undoes a chip: the same fields, back to "any". */
const reset = (patch: Partial<FleetFilter>) =>
  Object.fromEntries(Object.keys(patch).map((key) => [key, EMPTY_FILTER[key as keyof FleetFilter]])) as Partial<FleetFilter>;
