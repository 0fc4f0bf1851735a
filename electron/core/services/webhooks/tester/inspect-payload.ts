import { timingSafeEqual } from 'node:crypto';
import type { InspectResult } from '../../../../../shared/webhook-tester';
import { parseChat2DeskEvent } from '../../../providers/chat2desk/events';
import { signChat2DeskPayload, verifyChat2DeskSignature } from '../../../providers/chat2desk/signature';
import { DeliveryCallbackSchema } from '../../../providers/chatpush/delivery-schemas';
import { WebhookEventSchema } from '../../../providers/chatpush/webhook-schemas';
import { NotificationSchema } from '../../../providers/greenapi/schemas';
import type { AccountsService } from '../../accounts/accounts-service';
import { resolveChat2Desk } from '../../deliveries/account-targets';

type Key = { kind: 'none' } | { kind: 'account'; accountId: string } | { kind: 'md5'; key: string };
type Recognised = Pick<InspectResult, 'provider' | 'type' | 'variant' | 'valid' | 'problems'>;

/**
 * A payload a receiver got, recognised by the field each provider's notifications are keyed by: Chat2Desk's
 * `hook_type`, GREEN-API's `typeWebhook`, Chategy/Jetapi's `type` + `payload` (or the §6.7 status callback's
 * `delivery.status`). Each provider's own parser then says whether it has the documented shape.
 */
export async function inspectPayload(
  accounts: AccountsService,
  input: { body: string; signature: string; timestamp: string; key: Key },
): Promise<InspectResult> {
  let json: unknown = null;
  let parseError: string | null = null;
  try {
    json = JSON.parse(input.body);
  } catch (error) {
    parseError = error instanceof Error ? error.message : 'not JSON';
  }
  const recognised: Recognised = parseError ? { provider: null, type: null, variant: null, valid: false, problems: [] } : recognise(json);
  return { json, parseError, ...recognised, signature: await checkSignature(accounts, input) };
}

function recognise(value: unknown): Recognised {
  const record = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  if (typeof record.hook_type === 'string') {
    const parsed = parseChat2DeskEvent(value);
    return parsed.ok
      ? { provider: 'chat2desk', type: parsed.event.name, variant: null, valid: true, problems: [] }
      : { provider: 'chat2desk', type: record.hook_type, variant: null, valid: false, problems: [parsed.reason] };
  }
  if (typeof record.typeWebhook === 'string') {
    const parsed = NotificationSchema.safeParse(value);
    return { provider: 'greenapi', type: record.typeWebhook, variant: null, valid: parsed.success, problems: parsed.success ? [] : issues(parsed.error.issues) };
  }
  if (typeof record.type === 'string' && 'payload' in record) {
    const parsed = WebhookEventSchema.safeParse(value);
    return parsed.success
      ? { provider: 'chatpush', type: parsed.data.type, variant: parsed.data.variant, valid: true, problems: [] }
      : { provider: 'chatpush', type: record.type, variant: null, valid: false, problems: issues(parsed.error.issues) };
  }
  if (record.delivery && typeof record.delivery === 'object') {
    const parsed = DeliveryCallbackSchema.safeParse(value);
    return { provider: 'chatpush', type: 'delivery_status_callback', variant: null, valid: parsed.success, problems: parsed.success ? [] : issues(parsed.error.issues) };
  }
  return { provider: null, type: null, variant: null, valid: false, problems: ['No field says which provider sent this (hook_type, typeWebhook, or type with payload).'] };
}

/**
 * Chat2Desk A6: HMAC-SHA256 over the raw body followed by X-Timestamp, keyed by the MD5 of the API token. With an
 * account the token stays in main; with a key the MD5 form is used as given (the spec's vector uses the literal
 * key "md5_api_token").
 */
async function checkSignature(accounts: AccountsService, input: { body: string; signature: string; timestamp: string; key: Key }): Promise<InspectResult['signature']> {
  if (input.key.kind === 'none' && !input.signature && !input.timestamp) return { checked: false, valid: false, reason: null };
  if (input.key.kind === 'none') return { checked: false, valid: false, reason: 'no_key' };
  if (!input.signature || !input.timestamp) return { checked: true, valid: false, reason: 'missing_headers' };
  if (!/^\d{1,12}$/.test(input.timestamp)) return { checked: true, valid: false, reason: 'bad_timestamp' };
  if (input.key.kind === 'account') {
    const { apiToken } = await resolveChat2Desk(accounts, input.key.accountId);
    const check = verifyChat2DeskSignature({ apiToken, rawBody: input.body, signature: input.signature, timestamp: input.timestamp });
    return { checked: true, valid: check.valid, reason: check.valid ? null : check.reason };
  }
  const expected = Buffer.from(signChat2DeskPayload(input.key.key, input.body, input.timestamp), 'utf8');
  const received = Buffer.from(input.signature.toLowerCase(), 'utf8');
  const valid = expected.length === received.length && timingSafeEqual(expected, received);
  return { checked: true, valid, reason: valid ? null : 'mismatch' };
}

function issues(list: readonly { path: PropertyKey[]; message: string }[]): string[] {
  return list.slice(0, 10).map((issue) => `${issue.path.map(String).join('.') || '(body)'}: ${issue.message}`);
}
