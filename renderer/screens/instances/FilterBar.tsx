import { useEffect, useState } from 'react';
import { SubscriptionStatusSchema, TelegramStateSchema, WhatsappStateSchema, type FleetFilter } from '../../../shared/fleet';
import { SelectField } from '../../components/SelectField';
import type { MessageKey } from '../../i18n/catalog';
import { providerName } from '../../i18n/provider-names';
import { useT } from '../../i18n/use-t';
import { EMPTY_FILTER, useFleetStore } from './fleet-store';

const ANY = '';
/** How long typing pauses before the search runs. */
const SEARCH_DELAY_MS = 250;

/**
 * A filter main takes as a list of alternatives, shown as one select: "any", one value, or the combination a count
 * chip set (inactive + expired), which gets an option of its own so the select never claims "any" wrongly.
 */
const single = (values: readonly string[]) => values.join(',');
const asList = <T extends string>(value: string): T[] => (value === ANY ? [] : (value.split(',') as T[]));

/**
 * Search and filters. Every change is a new query to main, which filters the whole fleet; the chips above set the
 * same fields, so the two always agree.
 */
export function FilterBar() {
  const t = useT();
  const filter = useFleetStore((state) => state.filter);
  const accounts = useFleetStore((state) => state.accounts);
  const setFilter = useFleetStore((state) => state.setFilter);
  const clearFilters = useFleetStore((state) => state.clearFilters);
  const [search, setSearch] = useState(filter.search);

  useEffect(() => setSearch(filter.search), [filter.search]);
  useEffect(() => {
    if (search === filter.search) return;
    const timer = setTimeout(() => setFilter({ search }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, filter.search, setFilter]);

  const any = { value: ANY, label: t('instances.any') };
  const providers = [...new Set(accounts.map((account) => account.provider))];
  const word = (prefix: string, value: string) => t(`fleet.${prefix}.${value}` as MessageKey);
  const states = (prefix: 'whatsapp' | 'telegram' | 'subscription', values: readonly string[]) => {
    const options = [...values, 'none'].map((value) => ({ value, label: word(prefix, value) }));
    const current = filter[prefix];
    return current.length > 1 ? [...options, { value: single(current), label: current.map((value) => word(prefix, value)).join(' + ') }] : options;
  };
  const changed = JSON.stringify({ ...filter, search }) !== JSON.stringify(EMPTY_FILTER);

  return (
    <section className="filter-bar" aria-label={t('instances.filters')}>
      <div className="field filter-search">
        <label htmlFor="fleet-search" className="field-label">
          {t('instances.search')}
        </label>
        <input
          id="fleet-search"
          type="search"
          className="input"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => event.key === 'Enter' && setFilter({ search })}
          aria-describedby="fleet-search-hint"
          autoComplete="off"
          spellCheck={false}
        />
        <p id="fleet-search-hint" className="field-hint">
          {t('instances.searchHint')}
        </p>
      </div>
      <SelectField
        id="fleet-provider"
        label={t('instances.filterProvider')}
        value={single(filter.providers)}
        options={[any, ...providers.map((provider) => ({ value: provider, label: providerName(provider) }))]}
        onChange={(value) => setFilter({ providers: asList(value) })}
      />
      <SelectField
        id="fleet-account"
        label={t('instances.filterAccount')}
        value={single(filter.accountIds)}
        options={[any, ...accounts.map((account) => ({ value: account.accountId, label: account.accountName }))]}
        onChange={(value) => setFilter({ accountIds: asList(value) })}
      />
      <SelectField
        id="fleet-whatsapp"
        label={t('instances.filterWhatsapp')}
        value={single(filter.whatsapp)}
        options={[any, ...states('whatsapp', WhatsappStateSchema.options)]}
        onChange={(value) => setFilter({ whatsapp: asList<FleetFilter['whatsapp'][number]>(value) })}
      />
      <SelectField
        id="fleet-telegram"
        label={t('instances.filterTelegram')}
        value={single(filter.telegram)}
        options={[any, ...states('telegram', TelegramStateSchema.options)]}
        onChange={(value) => setFilter({ telegram: asList<FleetFilter['telegram'][number]>(value) })}
      />
      <SelectField
        id="fleet-subscription"
        label={t('instances.filterSubscription')}
        value={single(filter.subscription)}
        options={[any, ...states('subscription', SubscriptionStatusSchema.options)]}
        onChange={(value) => setFilter({ subscription: asList<FleetFilter['subscription'][number]>(value) })}
      />
      <SelectField
        id="fleet-auto-renew"
        label={t('instances.filterAutoRenew')}
        value={filter.autoRenew}
        options={[
          { value: 'any', label: t('instances.any') },
          { value: 'on', label: t('instances.autoRenewOn') },
          { value: 'off', label: t('instances.autoRenewOff') },
        ]}
        onChange={(autoRenew) => setFilter({ autoRenew })}
      />
      <SelectField
        id="fleet-expiring"
        label={t('instances.filterExpiring')}
        value={filter.expiringWithinDays === null ? ANY : String(filter.expiringWithinDays)}
        options={[any, ...[3, 7, 30].map((days) => ({ value: String(days), label: t('instances.expiringIn', { count: days }) }))]}
        onChange={(value) => setFilter({ expiringWithinDays: value === ANY ? null : Number(value) })}
      />
      <label className="checkbox filter-problems">
        <input type="checkbox" checked={filter.problemsOnly} onChange={(event) => setFilter({ problemsOnly: event.target.checked })} />
        {t('instances.problemsOnly')}
      </label>
      <button type="button" className="button button-quiet" onClick={() => (setSearch(''), clearFilters())} disabled={!changed}>
        {t('instances.clearFilters')}
      </button>
    </section>
  );
}
