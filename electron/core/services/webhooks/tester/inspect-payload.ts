import { timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import { fieldIssueOf } from '../../../../../shared/field-problems';
import { CHATPUSH_STATUS_CALLBACK, type InspectProblem, type InspectProblemCode, type InspectResult } from '../../../../../shared/webhook-tester';
import { CHAT2DESK_EVENTS, parseChat2DeskEvent } from '../../../providers/chat2desk/events';
import { signChat2DeskPayload, verifyChat2DeskSignature } from '../../../providers/chat2desk/signature';
import { DeliveryCallbackSchema } from '../../../providers/chatpush/delivery-schemas';
import { WebhookEventSchema } from '../../../providers/chatpush/webhook-schemas';
import { NotificationSchema } from '../../../providers/greenapi/schemas';
import type { AccountsService } from '../../accounts/accounts-service';
import { resolveChat2Desk } from '../../deliveries/account-targets';
import { jsonErrorPosition } from './json-error-position';

type Key = { kind: 'none' } | { kind: 'account'; accountId: string } | { kind: 'md5'; key: string };
type Recognised = Pick<InspectResult, 'provider' | 'type' | 'variant' | 'valid' | 'problems'>;

/** Shape problems shown at most: the first few say what is wrong; a hundred say only that much is. */
const MAX_PROBLEMS = 10;

/**
 * A payload a receiver got, recognised by the field each provider's notifications are keyed by: Chat2Desk's
 * `hook_type`, GREEN-API's `typeWebhook`, Chategy/Jetapi's `type` + `payload` (or the §6.7 status callback's
 * `delivery.status`). Each provider's own parser then says whether it has the documented shape. Problems go back
 * as codes with params (shared/webhook-tester.ts), worded by the window.
 */
export async function inspectPayload(
  accounts: AccountsService,
  input: { body: string; signature: string; timestamp: string; key: Key },
): Promise<InspectResult> {
  let json: unknown = null;
  let parseError: InspectProblem | null = null;
  try {
    json = JSON.parse(input.body);
  } catch {
    const at = jsonErrorPosition(input.body);
    const params = at ? { line: at.line, column: at.column, ...(at.found === null ? {} : { found: at.found }) } : undefined;
    parseError = { path: '', code: 'not_json', ...(params ? { params } : {}) };
  }
  const recognised: Recognised = parseError ? { provider: null, type: null, variant: null, valid: false, problems: [] } : recognise(json);
  return { json, parseError, ...recognised, signature: await checkSignature(accounts, input) };
}

function recognise(value: unknown): Recognised {
  const record = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  if (typeof record.hook_type === 'string') return recogniseChat2Desk(value, record.hook_type);
  if (typeof record.typeWebhook === 'string') {
    const parsed = NotificationSchema.safeParse(value);
    if (parsed.success) return { provider: 'greenapi', type: record.typeWebhook, variant: null, valid: true, problems: [] };
    // NotificationSchema is "a documented type, or any type it does not list" (unknown types are acknowledged). When
    // a documented type is malformed, zod reports only the second branch's refusal (typeWebhook "is documented"),
    // which hides what is wrong; the documented types' own union names the fields.
    const documented = NotificationSchema.options[0].safeParse(value);
    return { provider: 'greenapi', type: record.typeWebhook, variant: null, valid: false, problems: documented.success ? [] : problemsOf(documented.error.issues, value) };
  }
  if (typeof record.type === 'string' && 'payload' in record) {
    const parsed = WebhookEventSchema.safeParse(value);
    return parsed.success
      ? { provider: 'chatpush', type: parsed.data.type, variant: parsed.data.variant, valid: true, problems: [] }
      : { provider: 'chatpush', type: record.type, variant: null, valid: false, problems: problemsOf(parsed.error.issues, value) };
  }
  if (record.delivery && typeof record.delivery === 'object') {
    const parsed = DeliveryCallbackSchema.safeParse(value);
    return { provider: 'chatpush', type: CHATPUSH_STATUS_CALLBACK, variant: null, valid: parsed.success, problems: parsed.success ? [] : problemsOf(parsed.error.issues, value) };
  }
  return { provider: null, type: null, variant: null, valid: false, problems: [{ path: '', code: 'no_provider_field' }] };
}

/**
 * parseChat2DeskEvent gives the verdict; its reason is an English sentence, so the details come from the matched
 * event's own schema (looked up as the parser does: the payload's hook_type, else a subscription name).
 */
function recogniseChat2Desk(value: unknown, hookType: string): Recognised {
  const parsed = parseChat2DeskEvent(value);
  if (parsed.ok) return { provider: 'chat2desk', type: parsed.event.name, variant: null, valid: true, problems: [] };
  const event = CHAT2DESK_EVENTS.find((entry) => entry.hookType === hookType) ?? CHAT2DESK_EVENTS.find((entry) => entry.name === hookType);
  if (!event) return { provider: 'chat2desk', type: hookType, variant: null, valid: false, problems: [{ path: 'hook_type', code: 'unknown_event', params: { value: hookType } }] };
  const shape = event.payload.safeParse(value);
  return { provider: 'chat2desk', type: event.name, variant: null, valid: false, problems: shape.success ? [] : problemsOf(shape.error.issues, value) };
}

/**
 * The provider schemas' own refinements (a customer id in one of two places, a status in one of two places) are
 * custom issues with English messages; they get codes of their own here, by where they point.
 */
const CUSTOM_PROBLEMS: Record<string, InspectProblemCode> = {
  'payload.customer_id': 'customer_id_missing',
  'delivery.status': 'callback_status_missing',
};

function problemsOf(issues: readonly z.core.$ZodIssue[], input: unknown): InspectProblem[] {
  return issues.slice(0, MAX_PROBLEMS).map((issue) => {
    const { path, code = 'custom', params } = fieldIssueOf(issue, { input });
    const own = code === 'custom' ? CUSTOM_PROBLEMS[path] : undefined;
    if (own) return { path, code: own };
    return { path, code, ...(params ? { params } : {}) };
  });
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
