import { useState } from 'react';
import type { ChatpushDeliveryView } from '../../../../shared/deliveries';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { DeleteDeliveryDialog } from './DeleteDeliveryDialog';
import { FollowDelivery } from './FollowDelivery';
import { StatusExplanation } from './StatusExplanation';
import type { ClientTarget } from './target';

/** One delivery as the platform reports it, its status explained, and what can be done with it. */
export function DeliveryCard({ delivery, target, onChanged }: { delivery: ChatpushDeliveryView; target: ClientTarget; onChanged: (delivery: ChatpushDeliveryView) => void }) {
  const t = useT();
  const format = useFormat();
  const [deleting, setDeleting] = useState(false);
  const none = t('common.none');
  const operator = delivery.operator ? [...new Set([delivery.operator.name, delivery.operator.brandName, delivery.operator.country].filter(Boolean))].join(' · ') : null;
  const facts: [string, string | null][] = [
    [t('deliveries.field.phone'), delivery.phone],
    [t('deliveries.field.operator'), operator],
    [t('deliveries.field.sum'), delivery.sum === null ? null : format.money(Number(delivery.sum))],
    [t('deliveries.field.totalSms'), delivery.totalSms === null ? null : format.number(delivery.totalSms)],
    [t('deliveries.field.sender'), delivery.senderName],
    [t('deliveries.field.routing'), delivery.dispatchRouting?.join(' → ') ?? null],
    [t('deliveries.field.priority'), delivery.priority],
    [t('deliveries.field.externalId'), delivery.externalId],
    [t('deliveries.field.scheduledAt'), delivery.scheduledAt],
    [t('deliveries.field.callbackUrl'), delivery.callbackUrl],
    [t('deliveries.field.traffic'), delivery.trafficCategory],
    [t('deliveries.field.utm'), delivery.utmMark],
  ];
  return (
    <section className="card" aria-labelledby={`delivery-${delivery.id}`} data-testid="delivery-card">
      <h2 id={`delivery-${delivery.id}`}>{t('deliveries.card.title', { id: String(delivery.id) })}</h2>
      <StatusExplanation statusId={delivery.statusId} description={delivery.statusDescription} />
      <dl className="facts">
        {facts
          .filter(([, value]) => value !== null && value !== '')
          .map(([label, value]) => (
            <div key={label} className="facts-row">
              <dt>{label}</dt>
              <dd className="mono">{value ?? none}</dd>
            </div>
          ))}
      </dl>
      <div className="button-row">
        <button type="button" className="button button-danger-quiet" onClick={() => setDeleting(true)}>
          {t('deliveries.delete')}
        </button>
      </div>
      <p className="field-hint">{t('deliveries.delete.conditions')}</p>
      <FollowDelivery target={target} deliveryId={delivery.id} final={delivery.final} onUpdate={onChanged} />
      {deleting && (
        <DeleteDeliveryDialog
          target={target}
          deliveryId={delivery.id}
          onClose={() => setDeleting(false)}
          onDeleted={() => onChanged({ ...delivery, statusId: 4, statusDescription: 'Deleted', final: true })}
        />
      )}
    </section>
  );
}
