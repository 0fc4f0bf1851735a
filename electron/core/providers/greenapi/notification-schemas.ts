import { z } from 'zod';
import { IntLikeSchema } from '../http';

/**
 * specs/greenapi.md §5.3: incoming notifications, as receiveNotification returns them in `body` and as the webhook
 * endpoint receives them. Per the doc's own advice (1.3.13 "validate, but do not reject extra fields"), every object
 * keeps unknown keys, and a `typeWebhook` the document does not list parses as an `unknown` notification instead of
 * failing: it must still be deleted from the queue.
 *
 * Damage the examples carry and that is accepted here: `idInstance` and `timestamp` printed as strings in the button
 * examples (§13.14); `statusInstance` printed `onLine` (§13.6); the call status `hungUp` (§13.9); `used`/`total`
 * typed string but printed as numbers (§13.10); quotaExceeded without a timestamp (§13.10).
 */

/** `instanceData` of every envelope: idInstance an int64 of 1–10 digits, wid, typeInstance "whatsapp". */
export const InstanceDataSchema = z.looseObject({
  idInstance: IntLikeSchema,
  wid: z.string().nullish(),
  typeInstance: z.string().nullish(),
});

const envelope = {
  instanceData: InstanceDataSchema,
  /** UNIX seconds. */
  timestamp: IntLikeSchema,
};

const SenderDataSchema = z.looseObject({
  chatId: z.string(),
  sender: z.string().nullish(),
  chatName: z.string().nullish(),
  senderName: z.string().nullish(),
  senderContactName: z.string().nullish(),
});

/** Any message may quote another (§5.3 "quotedMessage{stanzaId, participant, typeMessage, …}"). */
const QuotedMessageSchema = z.looseObject({
  stanzaId: z.string().nullish(),
  participant: z.string().nullish(),
  typeMessage: z.string().nullish(),
});

/** §5.3 `messageData`: one payload object per `typeMessage`; extra fields (ads, forwarding) are kept. */
export const MessageDataSchema = z.looseObject({
  typeMessage: z.string(),
  textMessageData: z.looseObject({ textMessage: z.string(), isTemplateMessage: z.boolean().nullish() }).optional(),
  extendedTextMessageData: z.looseObject({ text: z.string().nullish() }).optional(),
  fileMessageData: z.looseObject({
    downloadUrl: z.string(),
    caption: z.string().nullish(),
    fileName: z.string().nullish(),
    mimeType: z.string().nullish(),
    isAnimated: z.boolean().nullish(),
  }).optional(),
  locationMessageData: z.looseObject({ latitude: z.number().nullish(), longitude: z.number().nullish() }).optional(),
  contactMessageData: z.looseObject({ displayName: z.string().nullish(), vcard: z.string().nullish() }).optional(),
  pollMessageData: z.looseObject({ name: z.string().nullish() }).optional(),
  groupInviteMessageData: z.looseObject({ groupJid: z.string().nullish() }).optional(),
  quotedMessage: QuotedMessageSchema.optional(),
});

/** §5.3: the three message notifications share one format. */
export const MESSAGE_NOTIFICATION_TYPES = ['incomingMessageReceived', 'outgoingMessageReceived', 'outgoingAPIMessageReceived'] as const;

const MessageNotificationSchema = z.looseObject({
  typeWebhook: z.enum(MESSAGE_NOTIFICATION_TYPES),
  ...envelope,
  idMessage: z.string(),
  senderData: SenderDataSchema,
  messageData: MessageDataSchema,
});

/** §5.3 outgoingMessageStatus values; `failed` and `noAccount` cannot be switched off. */
export const OUTGOING_STATUSES = ['sent', 'delivered', 'read', 'failed', 'noAccount', 'notInGroup', 'yellowCard'] as const;

const OutgoingStatusSchema = z.looseObject({
  typeWebhook: z.literal('outgoingMessageStatus'),
  ...envelope,
  chatId: z.string(),
  idMessage: z.string(),
  status: z.string(),
  description: z.string().nullish(),
  sendByApi: z.boolean().nullish(),
});

const StateChangedSchema = z.looseObject({
  typeWebhook: z.literal('stateInstanceChanged'),
  ...envelope,
  stateInstance: z.string(),
});

const StatusChangedSchema = z.looseObject({
  typeWebhook: z.literal('statusInstanceChanged'),
  ...envelope,
  // §13.6: `online` in the table, `onLine` in one example.
  statusInstance: z.string().transform((status) => status.toLowerCase()),
});

const IncomingCallSchema = z.looseObject({
  typeWebhook: z.literal('incomingCall'),
  ...envelope,
  from: z.string(),
  // §13.9: `hangUp` in the notification section, `hungUp` in 1.3.13.
  status: z.string().transform((status) => (status === 'hungUp' ? 'hangUp' : status)),
  idMessage: z.string().nullish(),
});

/** §5.3 deviceInfo: "temporarily not working"; its example even shows `avatarInfo` (§13.15). Kept as sent. */
const DeviceInfoSchema = z.looseObject({ typeWebhook: z.literal('deviceInfo'), ...envelope });

/** §5.3 incomingBlock: "temporarily not working". */
const IncomingBlockSchema = z.looseObject({
  typeWebhook: z.literal('incomingBlock'),
  ...envelope,
  chatId: z.string().nullish(),
  chatState: z.string().nullish(),
});

/** §5.3 quotaExceeded: the Developer tariff's chat limit. */
const QuotaExceededSchema = z.looseObject({
  typeWebhook: z.literal('quotaExceeded'),
  instanceData: InstanceDataSchema,
  timestamp: IntLikeSchema.optional(),
  quotaData: z.looseObject({
    method: z.string(),
    used: IntLikeSchema,
    total: IntLikeSchema,
    status: z.string(),
    description: z.string().nullish(),
  }),
});

export const KNOWN_NOTIFICATION_TYPES: ReadonlySet<string> = new Set([
  ...MESSAGE_NOTIFICATION_TYPES,
  'outgoingMessageStatus',
  'stateInstanceChanged',
  'statusInstanceChanged',
  'incomingCall',
  'deviceInfo',
  'incomingBlock',
  'quotaExceeded',
]);

/** A type the document does not list (1.3.13: "drop unknown types, but still acknowledge them"). */
const UnknownNotificationSchema = z.looseObject({
  typeWebhook: z.string().refine((type) => !KNOWN_NOTIFICATION_TYPES.has(type)),
});

export const NotificationSchema = z.union([
  z.discriminatedUnion('typeWebhook', [
    MessageNotificationSchema,
    OutgoingStatusSchema,
    StateChangedSchema,
    StatusChangedSchema,
    IncomingCallSchema,
    DeviceInfoSchema,
    IncomingBlockSchema,
    QuotaExceededSchema,
  ]),
  UnknownNotificationSchema,
]);
export type GreenApiNotification = z.output<typeof NotificationSchema>;

/**
 * §5.1 receiveNotification: `{receiptId, body}`, or nothing when the wait ran out — an "empty response" on the
 * method page, `null` in 1.3.13 (§13.12): both are read as `null`. A body that does not match its type is not an
 * error of the call: the receipt must still be deletable, so it comes back with `notification: null` and the
 * problems found, next to the raw body.
 */
export const ReceivedNotificationSchema = z
  .union([z.null(), z.undefined(), z.looseObject({ receiptId: IntLikeSchema, body: z.unknown() })])
  .transform((wire) => {
    if (!wire) return null;
    const parsed = NotificationSchema.safeParse(wire.body);
    return {
      receiptId: wire.receiptId,
      notification: parsed.success ? parsed.data : null,
      body: wire.body,
      problems: parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`),
    };
  });
export type GreenApiReceivedNotification = z.output<typeof ReceivedNotificationSchema>;

/** §5.1 deleteNotification: `{"result": true}`, or false when the receipt was already deleted or unknown. */
export const DeleteNotificationSchema = z.object({ result: z.boolean() });
