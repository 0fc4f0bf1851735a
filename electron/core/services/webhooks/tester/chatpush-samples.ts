import { deliveryStatus } from '../../../../../shared/chatpush-delivery-statuses';
import { CHATPUSH_STATUS_CALLBACK } from '../../../../../shared/webhook-tester';
import { WEBHOOK_EVENT_TYPES } from '../../../providers/chatpush/webhook-schemas';

export type ChatpushVariant = 'developer' | 'individual';

/** Identity as the two variants carry it (spec §5.3): `instance{id, customer_id}` or a top-level `customer_id`. */
const identity = (variant: ChatpushVariant) => (variant === 'developer' ? { instance: { id: 368, customer_id: 591 } } : { customer_id: 591 });

/**
 * Sample payloads of every §5.3 type, shaped like the documents' examples (their invalid JSON repaired). Times are
 * now; ids and numbers are the documents' own.
 */
const BUILDERS: Record<(typeof WEBHOOK_EVENT_TYPES)[number], (variant: ChatpushVariant, nowSeconds: number) => Record<string, unknown>> = {
  // ⚠ §5.3: log_out has no `instance` wrapper even for developers.
  whatsapp_log_out: () => ({ customer_id: 591, email: 'client591@example.com', phone: '+995598464533', status: { status_id: 1, description: 'disconnected' } }),
  whatsapp_log_in: (variant) =>
    variant === 'developer'
      ? { instance: { id: 368, customer_id: 591, status: { status_id: 0, description: 'connected' }, phone: '+995598464533', email: 'client591@example.com' } }
      : { customer_id: 591, status: { status_id: 0, description: 'connected' }, phone: null, email: 'client591@example.com' },
  whatsapp_incoming_msg: (variant, now) => ({
    ...identity(variant),
    delivery_id: null,
    new_message: {
      message: { id: 'false_995598464533@c.us_3EB0C767D097B7C7C030', timestamp: now, type: 'text', text: 'Hello! Is my order on its way?', reply_to_message_id: null },
      direction: 'incoming',
      sender_id: '995598464533@c.us',
      chat_id: '995598464533@c.us',
      sender_name: '\u202a+995 598 46 45 33\u202c',
      chat_lid: '43445322325@lid',
      pushname: 'Nino',
      chat_phone: '995598464533',
      sender_phone_number: '995598464533',
    },
  }),
  tdlib_incoming_msg: (variant, now) => ({
    ...identity(variant),
    chat_id: 5_112_345_678,
    chat_type: 'person',
    delivery_id: null,
    direction: 'incoming',
    message: { id: 1_048_576, text: 'Hi, can I change the delivery address?', timestamp: now, type: 'formattedText', reply_to_message_id: null },
    sender_id: 5_112_345_678,
    sender_name: 'Giorgi',
    sender_phone_number: '995598464534',
  }),
  message_status: (variant, now) => ({
    ...identity(variant),
    delivery_id: 94_396_942,
    message_status: { id: 'true_995598464533@c.us_3EB0608D6A2901063D63THISISBOT', status: 'read', timestamp: now * 1000, chat_id: '995598464533@c.us', chat_lid: '43445322325@lid', chat_phone: '995598464533' },
  }),
  whatsapp_call: (variant, now) => ({
    ...identity(variant),
    incoming_call: {
      call: { id: '8C1D4A0B27E95F3A6D2C', timestamp: now, type: 'audio', is_group: false },
      direction: 'incoming',
      sender_id: '995598464533@c.us',
      chat_id: '995598464533@c.us',
      chat_lid: '43445322325@lid',
      chat_phone: '995598464533',
      sender_phone_number: '995598464533',
    },
  }),
  tdlib_call: (variant) => ({
    ...identity(variant),
    call: { id: 42, is_video: false, reason: 'callDiscardReasonMissed', state: 'callStateDiscarded' },
    chat_id: 5_112_345_678,
    chat_type: 'person',
    direction: 'incoming',
    sender_id: 5_112_345_678,
    sender_name: 'Giorgi',
    sender_phone_number: '995598464534',
  }),
};

/**
 * §6.7: the status callback POSTed to a delivery's callback_url once its status is final, in the example's shape
 * (status nested under `delivery`; ⚠ the table puts it at the top level). The delivery and its final status are
 * the message_status sample's: read (16, final), over WhatsApp.
 */
function statusCallback(): Record<string, unknown> {
  const read = deliveryStatus(16)!;
  return { delivery: { sender_name: 'JETAPI.IO', id: 94_396_942, status: { status_id: read.id, description: read.description, dispatch_routing: 'whatsapp' } } };
}

/** Every webhook payload type, then the status callback (no webhook, so without a variant). */
export const CHATPUSH_SAMPLE_TYPES: readonly string[] = [...WEBHOOK_EVENT_TYPES, CHATPUSH_STATUS_CALLBACK];

/** The body of one sample, or undefined for a type there is none of; the status callback has no variant and ignores it. */
export function chatpushSample(type: string, variant: ChatpushVariant, nowSeconds: number): Record<string, unknown> | undefined {
  if (type === CHATPUSH_STATUS_CALLBACK) return statusCallback();
  const build = BUILDERS[type as keyof typeof BUILDERS];
  return build ? { type, payload: build(variant, nowSeconds) } : undefined;
}
