import { z } from 'zod';
import { IntLikeSchema } from '../http';
import { MetaSchema } from './schemas';

/** §5.2: the only types a webhook can subscribe to. */
export const WEBHOOK_SUBSCRIPTION_TYPES = [
  'whatsapp_log_out',
  'whatsapp_log_in',
  'whatsapp_incoming_msg',
  'tdlib_incoming_msg',
  'whatsapp_status_msg',
] as const;
export const WebhookSubscriptionTypeSchema = z.enum(WEBHOOK_SUBSCRIPTION_TYPES, {
  error: `must be one of ${WEBHOOK_SUBSCRIPTION_TYPES.join(', ')}`,
});
export type ChatpushWebhookType = z.infer<typeof WebhookSubscriptionTypeSchema>;

/** §5.1: `{"id":57,"types":["whatsapp_log_out"],"url":"https://example.com"}`. Unknown types are kept as sent. */
export const WebhookSchema = z.object({ id: IntLikeSchema, url: z.string(), types: z.array(z.string()) });
export type ChatpushWebhook = z.output<typeof WebhookSchema>;

export const WebhookEnvelopeSchema = z
  .object({ meta: MetaSchema.optional(), webhook: WebhookSchema })
  .transform(({ webhook }) => webhook);
export const WebhookListSchema = z
  .object({ meta: MetaSchema.optional(), webhooks: z.array(WebhookSchema) })
  .transform(({ webhooks }) => webhooks);

/**
 * §5.3: what the platform POSTs. The developer variant names the instance as `payload.instance{id, customer_id}`
 * (whatsapp_log_in puts every field inside `instance`); the individual variant has a top-level
 * `payload.customer_id`; ⚠ whatsapp_log_out has no `instance` even for developers. All three are read here.
 * `type` values differ from subscription types (§5.2: `message_status`, `whatsapp_call`, `tdlib_call`).
 */
export const WEBHOOK_EVENT_TYPES = [
  'whatsapp_log_in',
  'whatsapp_log_out',
  'whatsapp_incoming_msg',
  'tdlib_incoming_msg',
  'message_status',
  'whatsapp_call',
  'tdlib_call',
] as const;

const StatusSchema = z.object({ status_id: IntLikeSchema, description: z.string().nullish() });

/** ⚠ §5.3: the tables type `chat_phone` and `recipient_phone_number` as integer, the examples send strings: both read, as digits. */
const PhoneLikeSchema = z.union([z.string(), z.number().int()]).transform(String);

/** §5.3 whatsapp_incoming_msg `payload.new_message.message`: `text` for text, `file_data` for files (document, image). */
const WhatsAppMessageSchema = z.looseObject({
  id: z.string().min(1),
  timestamp: IntLikeSchema,
  type: z.string().min(1),
  text: z.string().nullish(),
  reply_to_message_id: z.string().nullish(),
  file_data: z.looseObject({ mime_type: z.string().nullish(), caption: z.string().nullish(), download_url: z.string() }).nullish(),
});

/**
 * §5.3 `payload.new_message`, incoming and outgoing alike (§5.2: the type carries both). Outgoing copies add
 * `recipient_id` / `recipient_phone_number`; the sender and chat ids are `…@c.us`, `chat_lid` `…@lid`.
 */
const NewMessageSchema = z.looseObject({
  message: WhatsAppMessageSchema,
  direction: z.enum(['incoming', 'outgoing']),
  sender_id: z.string(),
  chat_id: z.string(),
  sender_name: z.string().nullish(),
  chat_lid: z.string().nullish(),
  pushname: z.string().nullish(),
  chat_phone: PhoneLikeSchema.nullish(),
  sender_phone_number: PhoneLikeSchema.nullish(),
  recipient_id: z.string().nullish(),
  recipient_phone_number: PhoneLikeSchema.nullish(),
});

/**
 * §5.3 `payload.message_status`. The two readings are kept: the developer example has `{id, status, chat_id,
 * chat_lid}` only; the individual one adds `timestamp` (milliseconds) and `chat_phone` (⚠ "integer" in the table, a
 * string in the example). `status` is one of §5.3's list (sent, received, read, played, failed, expired,
 * content_gone, content_too_big, content_unuploadable, inactive); a status the list lacks is kept as sent. The
 * message id and its status are what the event is about and are required; the chat fields, printed in both readings,
 * are read when present (tolerant on input: the chat is known from the delivery anyway).
 */
const MessageStatusSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string().min(1),
  chat_id: z.string().nullish(),
  chat_lid: z.string().nullish(),
  chat_phone: PhoneLikeSchema.nullish(),
  timestamp: IntLikeSchema.nullish(),
});

const PayloadSchema = z.looseObject({
  customer_id: IntLikeSchema.nullish(),
  instance: z
    .looseObject({
      id: IntLikeSchema.nullish(),
      customer_id: IntLikeSchema.nullish(),
      status: StatusSchema.nullish(),
      phone: z.string().nullish(),
      email: z.string().nullish(),
    })
    .nullish(),
  status: StatusSchema.nullish(),
  phone: z.string().nullish(),
  email: z.string().nullish(),
  delivery_id: IntLikeSchema.nullish(),
  new_message: NewMessageSchema.nullish(),
  message_status: MessageStatusSchema.nullish(),
});

/** The event types whose content sits under one key (§5.3): an event of that type without it carries nothing. */
const CONTENT_KEY: Partial<Record<(typeof WEBHOOK_EVENT_TYPES)[number], 'new_message' | 'message_status'>> = {
  whatsapp_incoming_msg: 'new_message',
  message_status: 'message_status',
};

export const WebhookEventSchema = z
  .object({ type: z.enum(WEBHOOK_EVENT_TYPES), payload: PayloadSchema })
  .refine((event) => (event.payload.instance?.customer_id ?? event.payload.customer_id) != null, {
    message: 'an event without a customer id',
    path: ['payload', 'customer_id'],
  })
  .superRefine((event, ctx) => {
    const key = CONTENT_KEY[event.type];
    if (key && event.payload[key] == null) ctx.addIssue({ code: 'custom', message: `a ${event.type} event without ${key}`, path: ['payload', key] });
  })
  .transform(({ type, payload }) => {
    const { instance } = payload;
    const status = instance?.status ?? payload.status;
    return {
      type,
      variant: instance ? ('developer' as const) : ('individual' as const),
      customerId: (instance?.customer_id ?? payload.customer_id)!,
      instanceId: instance?.id ?? null,
      // whatsapp_log_in / log_out: 0 connected, 1 disconnected.
      session: status ? { statusId: status.status_id, description: status.description ?? null } : null,
      phone: instance?.phone ?? payload.phone ?? null,
      email: instance?.email ?? payload.email ?? null,
      deliveryId: payload.delivery_id ?? null,
      message: payload.new_message ? whatsAppMessage(payload.new_message) : null,
      messageStatus: payload.message_status ? messageStatus(payload.message_status) : null,
      payload: payload as Record<string, unknown>,
    };
  });
export type ChatpushWebhookEvent = z.output<typeof WebhookEventSchema>;

function whatsAppMessage(wire: z.output<typeof NewMessageSchema>) {
  const file = wire.message.file_data;
  return {
    id: wire.message.id,
    direction: wire.direction,
    type: wire.message.type,
    text: wire.message.text ?? null,
    /** Seconds. */
    timestamp: wire.message.timestamp,
    replyToMessageId: wire.message.reply_to_message_id ?? null,
    file: file ? { mimeType: file.mime_type ?? null, caption: file.caption ?? null, downloadUrl: file.download_url } : null,
    chatId: wire.chat_id,
    chatLid: wire.chat_lid ?? null,
    chatPhone: wire.chat_phone ?? null,
    senderId: wire.sender_id,
    senderName: wire.sender_name ?? null,
    senderPhone: wire.sender_phone_number ?? null,
    pushname: wire.pushname ?? null,
    recipientId: wire.recipient_id ?? null,
    recipientPhone: wire.recipient_phone_number ?? null,
  };
}

function messageStatus(wire: z.output<typeof MessageStatusSchema>) {
  return {
    id: wire.id,
    status: wire.status,
    chatId: wire.chat_id ?? null,
    chatLid: wire.chat_lid ?? null,
    chatPhone: wire.chat_phone ?? null,
    /** Milliseconds; only the individual reading carries it. */
    timestampMs: wire.timestamp ?? null,
  };
}
