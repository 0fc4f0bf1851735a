import type { BulkLookupItem } from '../../../../shared/deliveries';
import { describeError } from '../../../errors/describe-error';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { DeliveryStatusBadge } from './DeliveryStatusBadge';
import { statusLabel } from './status-text';

/** Rendering every one of 10,000 rows helps nobody: the table shows the first ones, the CSV has them all. */
const MAX_ROWS = 500;

export function BulkResultsTable({ items }: { items: readonly BulkLookupItem[] }) {
  const t = useT();
  const format = useFormat();
  const rows = items.slice(0, MAX_ROWS);
  return (
    <>
      {items.length > MAX_ROWS && <p className="muted">{t('deliveries.bulk.shown', { shown: MAX_ROWS, total: items.length })}</p>}
      <div className="table-scroll">
        <table className="table" aria-label={t('deliveries.bulk.table')}>
          <thead>
            <tr>
              <th scope="col">{t('deliveries.deliveryId')}</th>
              <th scope="col">{t('deliveries.field.status')}</th>
              <th scope="col">{t('deliveries.field.phone')}</th>
              <th scope="col">{t('deliveries.field.sum')}</th>
              <th scope="col">{t('deliveries.field.externalId')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((item) => (
              <tr key={item.id}>
                <th scope="row" className="mono">
                  {item.id}
                </th>
                {item.ok ? (
                  <>
                    <td>
                      <DeliveryStatusBadge statusId={item.delivery.statusId} /> <span className="mono">{statusLabel(item.delivery.statusId)}</span>
                    </td>
                    <td className="mono">{item.delivery.phone ?? t('common.none')}</td>
                    <td>{item.delivery.sum === null ? t('common.none') : format.money(Number(item.delivery.sum))}</td>
                    <td className="mono">{item.delivery.externalId ?? t('common.none')}</td>
                  </>
                ) : (
                  <td colSpan={4} className={item.unknown ? 'muted' : 'cell-error'}>
                    {item.unknown ? t('deliveries.bulk.unknownId') : describeError(item.error, t)}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
