import { deliveryStatus } from '../../../../shared/chatpush-delivery-statuses';
import { useT } from '../../../i18n/use-t';
import { DeliveryStatusBadge } from './DeliveryStatusBadge';
import { statusAdvice, statusMeaning } from './status-text';

/** One status explained: name and wire description, final or not, its meaning and the next step. */
export function StatusExplanation({ statusId, description }: { statusId: number; description: string | null }) {
  const t = useT();
  const info = deliveryStatus(statusId);
  return (
    <div className="status-explanation" data-testid="status-explanation">
      <p className="status-line">
        <DeliveryStatusBadge statusId={statusId} />{' '}
        <strong>
          {statusId} · {info?.name ?? description ?? '?'}
        </strong>
        {description && info && description.toLowerCase() !== info.name.replace(/_/g, ' ') && <span className="muted"> — {description}</span>}{' '}
        {info && <span className="badge badge-neutral">{info.final ? t('deliveries.final') : t('deliveries.intermediate')}</span>}{' '}
        {info?.jetapiOnly && <span className="badge badge-neutral">{t('deliveries.jetapiOnly')}</span>}
      </p>
      {info ? (
        <dl className="facts">
          <dt>{t('deliveries.meaning')}</dt>
          <dd>{statusMeaning(statusId, t)}</dd>
          <dt>{t('deliveries.todo')}</dt>
          <dd>{statusAdvice(info, t)}</dd>
        </dl>
      ) : (
        <p className="message message-warning">{t('deliveries.unknownStatus', { id: String(statusId) })}</p>
      )}
      <p className="field-hint">{info?.final ? t('deliveries.finalHint') : t('deliveries.intermediateHint')}</p>
    </div>
  );
}
