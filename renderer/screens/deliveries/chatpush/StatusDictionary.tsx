import { useId, useMemo, useState } from 'react';
import { DELIVERY_STATUSES } from '../../../../shared/chatpush-delivery-statuses';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/use-t';
import { DeliveryStatusBadge } from './DeliveryStatusBadge';
import { statusAdvice, statusMeaning } from './status-text';

type Kind = 'all' | 'final' | 'intermediate' | 'jetapi';
const KINDS: readonly Kind[] = ['all', 'final', 'intermediate', 'jetapi'];

/** Every documented delivery status (§6.10), searchable, each with its meaning and what to do, in the user's language. */
export function StatusDictionary() {
  const t = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<Kind>('all');
  const rows = useMemo(() => {
    const words = query.trim().toLowerCase();
    return DELIVERY_STATUSES.filter((status) => {
      if (kind === 'final' && !status.final) return false;
      if (kind === 'intermediate' && status.final) return false;
      if (kind === 'jetapi' && !status.jetapiOnly) return false;
      if (!words) return true;
      const text = `${status.id} ${status.name} ${status.description} ${statusMeaning(status.id, t)}`.toLowerCase();
      return text.includes(words);
    });
  }, [query, kind, t]);

  return (
    <div>
      <div className="field-grid">
        <TextField id={`${id}-search`} label={t('deliveries.dict.search')} hint={t('deliveries.dict.searchHint')} value={query} onChange={setQuery} />
        <SelectField id={`${id}-kind`} label={t('deliveries.dict.kind')} value={kind} onChange={setKind} options={KINDS.map((value) => ({ value, label: t(`deliveries.dict.kind.${value}`) }))} />
      </div>
      <p className="muted" role="status">
        {t('deliveries.dict.count', { count: rows.length })}
      </p>
      <div className="table-scroll">
        <table className="table" aria-label={t('deliveries.dict.table')}>
          <thead>
            <tr>
              <th scope="col">{t('deliveries.dict.id')}</th>
              <th scope="col">{t('deliveries.dict.name')}</th>
              <th scope="col">{t('deliveries.dict.kind')}</th>
              <th scope="col">{t('deliveries.meaning')}</th>
              <th scope="col">{t('deliveries.todo')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((status) => (
              <tr key={status.id}>
                <th scope="row" className="mono">
                  {status.id}
                </th>
                <td>
                  <span className="mono">{status.name}</span>
                  <br />
                  <span className="muted">{status.description}</span>
                </td>
                <td>
                  <DeliveryStatusBadge statusId={status.id} /> {status.final ? t('deliveries.final') : t('deliveries.intermediate')}
                  {status.jetapiOnly && (
                    <>
                      <br />
                      <span className="badge badge-neutral">{t('deliveries.jetapiOnly')}</span>
                    </>
                  )}
                </td>
                <td>{statusMeaning(status.id, t)}</td>
                <td>{statusAdvice(status, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
