import { deliveryStatus, type DeliveryOutcome } from '../../../../shared/chatpush-delivery-statuses';
import { useT } from '../../../i18n/use-t';
import { outcomeText } from './status-text';

const SYMBOL: Record<DeliveryOutcome, string> = { pending: '… ', delivered: '✓ ', failed: '✕ ', stopped: '■ ' };
const CLASS: Record<DeliveryOutcome, string> = { pending: 'badge-pending', delivered: 'badge-ok', failed: 'badge-failed', stopped: 'badge-stopped' };

/** Where a status leaves the message, in a symbol and words (never colour alone). */
export function DeliveryStatusBadge({ statusId }: { statusId: number }) {
  const t = useT();
  const outcome = deliveryStatus(statusId)?.outcome ?? 'pending';
  return (
    <span className={`badge ${CLASS[outcome]}`}>
      <span aria-hidden="true">{SYMBOL[outcome]}</span>
      {outcomeText(outcome, t)}
    </span>
  );
}
