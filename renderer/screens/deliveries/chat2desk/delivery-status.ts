import type { Translate } from '../../../i18n/translate';

/** A8 gateway statuses (`pending, sent, failed, scheduled, canceled, delivered, seen`). */
const STATUSES = ['pending', 'sent', 'failed', 'scheduled', 'canceled', 'delivered', 'seen'] as const;
type Status = (typeof STATUSES)[number];
const isKnown = (value: string): value is Status => (STATUSES as readonly string[]).includes(value);

export function c2dStatusText(status: string | null, raw: string | null, t: Translate): string {
  if (status && isKnown(status)) return t(`deliveries.c2d.status.${status}`);
  return raw ?? t('deliveries.c2d.deliveryUnknown');
}
