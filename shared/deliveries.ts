import { z } from 'zod';
import { filled, problem } from './field-problems';
import { MAX_BULK_IDS } from './delivery-ids';
import { AppErrorSchema } from './errors';

/** "What happened to message X": the Deliveries screen's shapes, per provider. */

const Id = z.string().min(1).max(64);
/** A Chategy/Jetapi client token of an account (deliveries are read with the token that sent them). */
export const ChatpushClientTargetSchema = z.object({ accountId: Id, tokenId: Id }).strict();
/** One GREEN-API instance of an account. */
export const GreenApiTargetSchema = z.object({ accountId: Id, instanceId: Id }).strict();
export const AccountTargetSchema = z.object({ accountId: Id }).strict();

export const DeliveryIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const ChatpushOperatorSchema = z.object({
  id: z.number(),
  name: z.string().nullable(),
  brandName: z.string().nullable(),
  country: z.string().nullable(),
  slug: z.string().nullable(),
});

/** One delivery as §6.1 (send) and §6.3 (lookup) return it, both readings merged. */
export const ChatpushDeliveryViewSchema = z.object({
  id: z.number(),
  phone: z.string().nullable(),
  statusId: z.number(),
  statusDescription: z.string().nullable(),
  final: z.boolean(),
  dispatchRouting: z.array(z.string()).nullable(),
  externalId: z.string().nullable(),
  callbackUrl: z.string().nullable(),
  priority: z.string().nullable(),
  scheduledAt: z.string().nullable(),
  senderName: z.string().nullable(),
  /** Decimal string, as the wire carries it. */
  sum: z.string().nullable(),
  totalSms: z.number().nullable(),
  trafficCategory: z.string().nullable(),
  utmMark: z.string().nullable(),
  operator: ChatpushOperatorSchema.nullable(),
});
export type ChatpushDeliveryView = z.infer<typeof ChatpushDeliveryViewSchema>;

export const BulkLookupItemSchema = z.discriminatedUnion('ok', [
  z.object({ id: z.number(), ok: z.literal(true), delivery: ChatpushDeliveryViewSchema }),
  /** `unknown`: the platform does not know the id for this token (404); any other failure is kept as it came. */
  z.object({ id: z.number(), ok: z.literal(false), unknown: z.boolean(), error: AppErrorSchema }),
]);
export type BulkLookupItem = z.infer<typeof BulkLookupItemSchema>;

export const BulkLookupResultsSchema = z.object({
  jobId: z.string(),
  /** Ids in the order given; items arrive as they finish. */
  total: z.number().int(),
  items: z.array(BulkLookupItemSchema),
  /** 429 answers seen (the pacing aims for none). */
  rateLimited: z.number().int(),
});
export type BulkLookupResults = z.infer<typeof BulkLookupResultsSchema>;

export const BulkLookupInputSchema = ChatpushClientTargetSchema.extend({
  ids: z
    .array(DeliveryIdSchema)
    .refine(filled, problem('delivery_ids_required'))
    .refine((ids) => ids.length <= MAX_BULK_IDS, problem('delivery_ids_too_many', { maximum: MAX_BULK_IDS })),
}).strict();

export const FollowInputSchema = ChatpushClientTargetSchema.extend({
  deliveryId: DeliveryIdSchema,
  /** Seconds between lookups. */
  intervalSeconds: z.number().int().min(1).max(300).default(5),
}).strict();

/** Pushed while a delivery is followed: each lookup that changed something, and the last one. */
export const DeliveryFollowEventSchema = z.object({
  jobId: z.string(),
  deliveryId: z.number(),
  delivery: ChatpushDeliveryViewSchema.nullable(),
  error: AppErrorSchema.nullable(),
});
export type DeliveryFollowEvent = z.infer<typeof DeliveryFollowEventSchema>;

export const OperatorSearchResultSchema = z.object({ formattedPhone: z.string().nullable(), operator: ChatpushOperatorSchema.nullable() });

/**
 * §6.1 a test message as the form has it. Checked in main by the provider's own rules (phone digits, channels,
 * priority, schedule 1 minute to 1 month ahead, callback URL), so the form gets field errors by these names.
 */
export const TestMessageSchema = z
  .object({
    phone: z.string().max(64),
    text: z.string().max(10_000),
    /** The cascade, in attempt order (§6.9); empty = the account's default. */
    dispatchRouting: z.array(z.string().max(20)).max(6),
    priority: z.enum(['', 'high', 'medium', 'low']),
    /** `YYYY-MM-DD HH:MM` local or ISO; empty = now. */
    scheduledAt: z.string().max(40),
    callbackUrl: z.string().max(2048),
    externalId: z.string().max(255),
    senderName: z.string().max(64),
  })
  .strict();
export type TestMessage = z.infer<typeof TestMessageSchema>;

/** Which idempotency key signs the `checksum` header (§6.8): the account's, one typed for this send, or none. */
export const IdempotencyChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('account') }).strict(),
  z.object({ kind: z.literal('given'), key: z.string().trim().refine(filled, problem('required')).max(256) }).strict(),
  z.object({ kind: z.literal('none') }).strict(),
]);
export type IdempotencyChoice = z.infer<typeof IdempotencyChoiceSchema>;

export const TestSendInputSchema = ChatpushClientTargetSchema.extend({
  message: TestMessageSchema,
  idempotency: IdempotencyChoiceSchema,
}).strict();

/** The §6.8 computation shown before sending: the parameters in key order, the joined values and the digest. */
export const ChecksumPreviewSchema = z.object({
  parameters: z.array(z.object({ name: z.string(), value: z.string() })),
  source: z.string(),
  /** Null when no idempotency key is used: then no checksum header is sent. */
  checksum: z.string().nullable(),
  key: z.enum(['account', 'given', 'none']),
  /** The account has an idempotency key stored (its value never leaves main). */
  accountHasKey: z.boolean(),
});
export type ChecksumPreview = z.infer<typeof ChecksumPreviewSchema>;

export const TestSendResultSchema = z.object({ delivery: ChatpushDeliveryViewSchema, checksum: z.string().nullable() });

// ——— GREEN-API (specs/greenapi.md §6, §7) ———

/** One journal entry (getMessage, lastOutgoingMessages): the fields the screen shows. */
export const GreenApiJournalEntryViewSchema = z.object({
  type: z.string(),
  idMessage: z.string(),
  timestamp: z.number(),
  typeMessage: z.string(),
  chatId: z.string(),
  textMessage: z.string().nullable(),
  statusMessage: z.string().nullable(),
  sendByApi: z.boolean().nullable(),
  senderName: z.string().nullable(),
  caption: z.string().nullable(),
  fileName: z.string().nullable(),
});
export type GreenApiJournalEntryView = z.infer<typeof GreenApiJournalEntryViewSchema>;

export const GreenApiQueueItemViewSchema = z.object({
  type: z.string(),
  /** messageID, or the messagesIDs of a forward. */
  messageIds: z.array(z.string()),
  chatId: z.string().nullable(),
  message: z.string().nullable(),
});
export type GreenApiQueueItemView = z.infer<typeof GreenApiQueueItemViewSchema>;

export const GreenApiSendInputSchema = GreenApiTargetSchema.extend({
  chatId: z.string().max(128),
  message: z.string().max(20_000),
  linkPreview: z.boolean(),
}).strict();

// ——— Chat2Desk (spec A8) ———

export const Chat2DeskMessageViewSchema = z.object({
  id: z.number(),
  type: z.string(),
  text: z.string().nullable(),
  transport: z.string().nullable(),
  channelId: z.number().nullable(),
  clientId: z.number().nullable(),
  operatorId: z.number().nullable(),
  dialogId: z.number().nullable(),
  created: z.string().nullable(),
  read: z.boolean().nullable(),
  /** One of pending, sent, failed, scheduled, canceled, delivered, seen, or null where not supported. */
  deliveryStatus: z.string().nullable(),
  /** `recipient_status` as it came, when it was not one of the known words. */
  recipientStatus: z.string().nullable(),
  attachments: z.number().int(),
});
export type Chat2DeskMessageView = z.infer<typeof Chat2DeskMessageViewSchema>;

export const Chat2DeskMessageFilterSchema = z
  .object({
    clientId: z.number().int().positive().optional(),
    channelId: z.number().int().positive().optional(),
    type: z.enum(['to_client', 'from_client', 'autoreply', 'system']).optional(),
    /** [GAP] A8 gives no date format: passed as typed. */
    startDate: z.string().trim().min(1).max(40).optional(),
    finishDate: z.string().trim().min(1).max(40).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type Chat2DeskMessageFilter = z.infer<typeof Chat2DeskMessageFilterSchema>;

export const Chat2DeskChannelViewSchema = z.object({ id: z.number(), name: z.string().nullable(), transports: z.array(z.string()) });
export type Chat2DeskChannelView = z.infer<typeof Chat2DeskChannelViewSchema>;
