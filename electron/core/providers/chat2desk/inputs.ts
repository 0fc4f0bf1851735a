import { z } from 'zod';
import { problem } from '../../../../shared/field-problems';
import { EventNameSchema } from './events';
import { MessageTypeSchema, STATUS_CODES } from './message-schemas';
import { MAX_PAGE_SIZE } from './pagination';
import { CustomInfoKeySchema, WorkingModeSchema } from './schemas';
import { WebhookStatusSchema } from './webhook-schemas';

/** What the console may send: checked here, so a mistake is named before it reaches Chat2Desk. */

const Id = z.number().int().positive();
const HttpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

/** A3: limit 1–200 (default 20), offset ≥ 0. */
export const PageParamsSchema = z.object({
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  offset: z.number().int().min(0).optional(),
});
export type Chat2DeskPageParams = z.input<typeof PageParamsSchema>;

/**
 * A6 POST body. `url`: "any URL is allowed but we recommend https"; a null url deletes the hook, which this
 * console does with deleteWebhook instead. `channels` omitted: every channel.
 */
export const WebhookInputSchema = z.object({
  url: HttpUrl,
  name: z.string().trim().min(1, 'a name is required'),
  events: z.array(EventNameSchema, { error: 'must be documented event names (see the events catalogue)' }).min(1, 'choose at least one event'),
  channels: z.array(Id).optional(),
});
export type Chat2DeskWebhookInput = z.input<typeof WebhookInputSchema>;

/** A6 PUT: the same fields, each optional ([GAP] whether channels may change: sent when given). */
export const WebhookChangesSchema = WebhookInputSchema.partial();
export type Chat2DeskWebhookChanges = z.input<typeof WebhookChangesSchema>;

export { WebhookStatusSchema, WorkingModeSchema };

/** A7 PUT companies: three numbered text fields. */
export const CustomInfoInputSchema = z.partialRecord(CustomInfoKeySchema, z.string()).refine((fields) => Object.keys(fields).length > 0, 'give at least one of the fields 1, 2, 3');

/** A8 `GET /v1/messages` filters. */
export const MessageFilterSchema = z
  .object({
    order: z.enum(['asc', 'desc']).optional(),
    transport: z.string().min(1).optional(),
    channelId: Id.optional(),
    clientId: Id.optional(),
    operatorId: Id.optional(),
    dialogId: Id.optional(),
    type: MessageTypeSchema.exclude(['comment']).optional(),
    /** [GAP] A8 gives no format; passed as written. */
    startDate: z.string().min(1).optional(),
    finishDate: z.string().min(1).optional(),
    /** Messages with id ≥ startId: replaces offset (A8). */
    startId: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
    /** "from later to earlier" ([CONTRA] the example's copy says the opposite). */
    directionReverse: z.boolean().optional(),
  })
  .refine((filter) => filter.startId === undefined || (filter.startDate === undefined && filter.finishDate === undefined), {
    message: 'start_id cannot be combined with start_date/finish_date (they are mutually exclusive)',
    path: ['startId'],
  });
export type Chat2DeskMessageFilter = z.input<typeof MessageFilterSchema>;

const ButtonSchema = z.object({
  type: z.enum(['reply', 'location', 'phone', 'email', 'url']),
  text: z.string().min(1),
  payload: z.string().optional(),
  color: z.enum(['red', 'green', 'blue', 'yellow']).optional(),
  url: z.string().optional(),
});

/** A8 `POST /v1/messages`. */
export const SendMessageInputSchema = z
  .object({
    clientId: Id,
    text: z.string().min(1).optional(),
    attachment: HttpUrl.optional(),
    attachmentFilename: z.string().min(1).optional(),
    type: z.enum(['to_client', 'autoreply', 'system', 'comment']).optional(),
    channelId: Id.optional(),
    operatorId: Id.optional(),
    transport: z.string().min(1).optional(),
    openDialog: z.boolean().optional(),
    externalId: z.string().min(1).optional(),
    encrypted: z.boolean().optional(),
    replyMessageId: Id.optional(),
    keyboard: z.object({ buttons: z.array(ButtonSchema).min(1) }).loose().optional(),
    inlineButtons: z.array(ButtonSchema).min(1).optional(),
    /** "list" or "button" interactive messages (WhatsApp dialog transports). */
    interactive: z.object({ type: z.enum(['list', 'button']) }).loose().optional(),
  })
  .refine((input) => input.text !== undefined || input.attachment !== undefined, { ...problem('text_or_attachment'), path: ['text'] })
  .refine((input) => input.attachmentFilename === undefined || input.attachment !== undefined, {
    message: 'attachment_filename needs an attachment',
    path: ['attachmentFilename'],
  });
export type Chat2DeskSendMessageInput = z.input<typeof SendMessageInputSchema>;

/** A8 status names with a code; "scheduled" has none ([GAP]). */
export const SettableStatusSchema = z.enum(Object.keys(STATUS_CODES) as [keyof typeof STATUS_CODES, ...(keyof typeof STATUS_CODES)[]], {
  error: 'must be one of pending, sent, failed, canceled, delivered, seen ("scheduled" has no status code)',
});
export type Chat2DeskSettableStatus = z.infer<typeof SettableStatusSchema>;

export const IdSchema = Id;
export const ImageUrlSchema = HttpUrl;
