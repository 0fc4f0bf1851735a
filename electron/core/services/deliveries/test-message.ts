import type { TestMessage } from '../../../../shared/deliveries';
import type { FieldIssue } from '../../../../shared/errors';
import { fieldIssue } from '../../../../shared/field-problems';
import { checkWebhookUrl, WEBHOOK_URL_PROBLEMS } from '../../../../shared/webhook-url';
import { AppError } from '../../app-error';
import type { SendDeliveryInput } from '../../providers/chatpush/inputs';

const MINUTE_MS = 60_000;
/** §6.1 scheduled_at: "between 1 minute and 1 month ahead"; a month read as 31 days. */
const LATEST_MS = 31 * 24 * 60 * MINUTE_MS;

/**
 * The form's test message as the provider client's send input: blank fields are left out (not sent, so not in the
 * checksum either). The provider client checks the rest (phone, channels, priority, text); the two rules it does
 * not know are checked here: the schedule window and the callback URL (the user's own server, like a webhook).
 */
export function testMessageInput(message: TestMessage, now = Date.now()): SendDeliveryInput {
  const fields: FieldIssue[] = [];
  if (message.callbackUrl.trim()) {
    const { problem } = checkWebhookUrl(message.callbackUrl);
    if (problem) fields.push(fieldIssue('callbackUrl', WEBHOOK_URL_PROBLEMS[problem]));
  }
  let scheduledAt: string | undefined;
  if (message.scheduledAt.trim()) {
    const at = Date.parse(message.scheduledAt);
    if (Number.isNaN(at)) fields.push(fieldIssue('scheduledAt', 'date_time'));
    else if (at < now + MINUTE_MS || at > now + LATEST_MS) fields.push(fieldIssue('scheduledAt', 'schedule_window'));
    // §6.1: `YYYY-MM-DD HH:MM:SS` in UTC.
    else scheduledAt = new Date(at).toISOString().slice(0, 19).replace('T', ' ');
  }
  if (fields.length) {
    throw new AppError('invalid_input', `Nothing was sent: ${fields.map((field) => `${field.path} ${field.message}`).join('; ')}.`, {
      provider: 'chatpush',
      operation: 'sendDelivery',
      fields,
    });
  }
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    phone: optional(message.phone),
    text: message.text,
    dispatchRouting: message.dispatchRouting.length ? message.dispatchRouting : undefined,
    priority: message.priority || undefined,
    scheduledAt,
    callbackUrl: optional(message.callbackUrl),
    externalId: optional(message.externalId),
    senderName: optional(message.senderName),
  };
}
