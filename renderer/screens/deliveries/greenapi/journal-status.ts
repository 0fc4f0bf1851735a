import type { Translate } from '../../../i18n/translate';

/** specs/greenapi.md §5.3 / §6 statusMessage values; `failed` appears in webhooks only, `pending` in journals only. */
const STATUSES = ['pending', 'sent', 'delivered', 'read', 'failed', 'noAccount', 'notInGroup', 'yellowCard'] as const;
type JournalStatus = (typeof STATUSES)[number];

const isKnown = (status: string): status is JournalStatus => (STATUSES as readonly string[]).includes(status);

/** A journal status in words; one GREEN-API adds later is shown as it came. */
export function journalStatusText(status: string | null, t: Translate): string {
  if (!status) return t('common.none');
  return isKnown(status) ? `${status}: ${t(`deliveries.ga.status.${status}`)}` : status;
}
