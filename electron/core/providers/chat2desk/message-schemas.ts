import { z } from 'zod';
import { IntLikeSchema } from '../http';
import { dataOf, dataOrBare } from './envelope';
import { GatewayStatusSchema, type Chat2DeskGatewayStatus } from './events';

/** A8 message types of `GET /v1/messages` and `help/message_types`. */
export const MessageTypeSchema = z.enum(['to_client', 'from_client', 'autoreply', 'system', 'comment']);

/** A8 `PUT /v1/messages/<id>/status/<n>` codes. [GAP] there is no 4, and "scheduled" has no code. */
export const STATUS_CODES: Readonly<Record<Exclude<Chat2DeskGatewayStatus, 'scheduled'>, number>> = {
  pending: 1,
  sent: 2,
  failed: 3,
  canceled: 5,
  delivered: 6,
  seen: 7,
};
const STATUS_BY_CODE = new Map(Object.entries(STATUS_CODES).map(([name, code]) => [code, name as Chat2DeskGatewayStatus]));

/**
 * `recipient_status` is "info about delivery status of the message (where supported)", `None` in every example
 * (A8 [GAP]). Read tolerantly: a status word, a status code, or an object carrying either; anything else is kept
 * as text.
 */
const RecipientStatusSchema = z.unknown().transform((value): { status: Chat2DeskGatewayStatus | null; raw: string | null } => {
  if (value === null || value === undefined || value === '') return { status: null, raw: null };
  const inner = typeof value === 'object' && !Array.isArray(value) ? ((value as Record<string, unknown>).status ?? (value as Record<string, unknown>).gateway_status) : value;
  const word = GatewayStatusSchema.safeParse(typeof inner === 'string' ? inner.toLowerCase() : inner);
  if (word.success) return { status: word.data, raw: String(inner) };
  const code = typeof inner === 'number' || (typeof inner === 'string' && /^\d$/.test(inner)) ? STATUS_BY_CODE.get(Number(inner)) : undefined;
  return { status: code ?? null, raw: typeof value === 'string' ? value : JSON.stringify(value) };
});

/** A8: one message as `GET /v1/messages` and `GET /v1/messages/<id>` return it. `created` is "… UTC" text. */
export const MessageSchema = z
  .object({
    id: IntLikeSchema,
    type: z.string(),
    text: z.string().nullish(),
    transport: z.string().nullish(),
    channel_id: IntLikeSchema.nullish(),
    client_id: IntLikeSchema.nullish(),
    operator_id: IntLikeSchema.nullish(),
    dialog_id: IntLikeSchema.nullish(),
    request_id: IntLikeSchema.nullish(),
    created: z.string().nullish(),
    read: z.union([IntLikeSchema, z.boolean()]).nullish(),
    is_new: z.union([IntLikeSchema, z.boolean()]).nullish(),
    recipient_status: RecipientStatusSchema,
    remote_id: z.union([z.string(), z.number()]).nullish(),
    attachments: z.array(z.unknown()).nullish(),
    photo: z.unknown().optional(),
    video: z.unknown().optional(),
    audio: z.unknown().optional(),
    pdf: z.unknown().optional(),
    coordinates: z.unknown().optional(),
    extra_data: z.record(z.string(), z.unknown()).nullish(),
    ai_tips: z.unknown().optional(),
  })
  .transform((wire) => ({
    id: wire.id,
    type: wire.type,
    text: wire.text ?? null,
    transport: wire.transport ?? null,
    channelId: wire.channel_id ?? null,
    clientId: wire.client_id ?? null,
    operatorId: wire.operator_id ?? null,
    dialogId: wire.dialog_id ?? null,
    requestId: wire.request_id ?? null,
    created: wire.created ?? null,
    /** Read by an operator (A8). */
    read: wire.read === null || wire.read === undefined ? null : Boolean(Number(wire.read)),
    deliveryStatus: wire.recipient_status.status,
    recipientStatus: wire.recipient_status.raw,
    attachments: wire.attachments ?? [],
    extraData: wire.extra_data ?? {},
  }));
export type Chat2DeskMessage = z.output<typeof MessageSchema>;

/** `GET /v1/messages`: enveloped (with or without meta) or a bare array (A4 [AMBIG]). */
export const MessageListSchema = z.union([
  z
    .object({ data: z.array(MessageSchema), meta: z.object({ total: IntLikeSchema.optional(), limit: IntLikeSchema.optional() }).loose().optional() })
    .loose()
    .transform(({ data, meta }) => ({ messages: data, total: meta?.total ?? null, limit: meta?.limit ?? null })),
  z.array(MessageSchema).transform((messages) => ({ messages, total: null, limit: null })),
]);
export type Chat2DeskMessageList = z.output<typeof MessageListSchema>;

export const MessageByIdSchema = dataOrBare(MessageSchema);

/** The `POST /v1/messages` answer is undocumented (A8 [GAP]); the id is looked for as `message_id` or `id`. */
export const SentMessageSchema = dataOf(
  z
    .object({
      message_id: IntLikeSchema.optional(),
      id: IntLikeSchema.optional(),
      channel_id: IntLikeSchema.nullish(),
      client_id: IntLikeSchema.nullish(),
      operator_id: IntLikeSchema.nullish(),
      dialog_id: IntLikeSchema.nullish(),
      request_id: IntLikeSchema.nullish(),
      transport: z.string().nullish(),
      type: z.string().nullish(),
    })
    .loose(),
).transform((data) => ({
  messageId: data.message_id ?? data.id ?? null,
  channelId: data.channel_id ?? null,
  clientId: data.client_id ?? null,
  operatorId: data.operator_id ?? null,
  dialogId: data.dialog_id ?? null,
  requestId: data.request_id ?? null,
  transport: data.transport ?? null,
  type: data.type ?? null,
}));
export type Chat2DeskSentMessage = z.output<typeof SentMessageSchema>;

/** `POST /v1/qr_decode`: the answer is undocumented (A7 [GAP]); the decoded text is looked for in the usual places. */
export const QrDecodeSchema = z.unknown().transform((value) => {
  const data = value && typeof value === 'object' && 'data' in value ? (value as { data: unknown }).data : value;
  if (typeof data === 'string') return { text: data };
  if (data && typeof data === 'object') {
    const record = data as Record<string, unknown>;
    const text = [record.text, record.data, record.decoded, record.result, record.qr].find((candidate) => typeof candidate === 'string');
    return { text: (text as string | undefined) ?? null };
  }
  return { text: null };
});
