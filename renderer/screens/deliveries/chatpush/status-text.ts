import { deliveryStatus, type DeliveryOutcome, type DeliveryStatusInfo } from '../../../../shared/chatpush-delivery-statuses';
import { isMessageKey, type Translate } from '../../../i18n/translate';

/** A status id in the user's language: its meaning from the dictionary (§6.10), and what to do about it. */
export function statusMeaning(id: number, t: Translate): string {
  const key = `deliveries.meaning.${id}`;
  if (isMessageKey(key)) return t(key);
  return deliveryStatus(id)?.meaning ?? t('deliveries.unknownStatus', { id: String(id) });
}

export function statusAdvice(info: DeliveryStatusInfo, t: Translate): string {
  return t(`deliveries.advice.${info.advice}`);
}

export function outcomeText(outcome: DeliveryOutcome, t: Translate): string {
  return t(`deliveries.outcome.${outcome}`);
}

/** `45 whatsapp_session_doesnt_exist`: the id and the name developers search the docs for. */
export function statusLabel(id: number): string {
  const info = deliveryStatus(id);
  return info ? `${id} ${info.name}` : String(id);
}
