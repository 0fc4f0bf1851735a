import { z } from 'zod';
import { AppError } from '../../app-error';
import type { ProviderDialect } from '../http';
import { WebhookSubscriptionTypeSchema } from './webhook-schemas';

/**
 * What the console may ask the platform to do, validated in main before anything is sent: a request the
 * platform would refuse never leaves the machine, and the operator gets the reason at once.
 */

/**
 * §6.1 / §6.9 channels. ⚠ The parameter table spells the bot channel `Telegram` while the callback (§6.7) and the
 * cascade text use `telegram`: both are accepted and sent lower-case.
 */
export const DISPATCH_CHANNELS = ['whatsapp', 'tdlib', 'telegram', 'notify', 'max', 'sms'] as const;
export const DispatchChannelSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(DISPATCH_CHANNELS, { error: `must be one of ${DISPATCH_CHANNELS.join(', ')}` }));
export type ChatpushChannel = (typeof DISPATCH_CHANNELS)[number];
const RoutingSchema = z.array(DispatchChannelSchema).min(1, 'needs at least one channel');

/** International number (§6.1: `995598464533`); spaces, dashes, brackets and a leading + are dropped. */
export const PhoneSchema = z
  .string()
  .transform((value) => value.replace(/[\s\-()+]/g, ''))
  .pipe(z.string().regex(/^\d{10,15}$/, 'must be an international phone number (10 to 15 digits)'));

/** §2 Create: "≥ 7 characters; letters and numbers are required". */
const InstancePasswordSchema = z
  .string()
  .min(7, 'must be at least 7 characters')
  .regex(/\p{L}/u, 'must contain a letter')
  .regex(/\d/, 'must contain a digit');

const ExternalIdSchema = z.string().trim().min(1, 'cannot be empty').max(255, 'is too long');

/** §2 Create. external_id is a string (the examples' "0001" keeps its zeros); renew_subscription defaults to true. */
export const CreateInstanceInputSchema = z.object({
  email: z.email('must be an email address'),
  phone: PhoneSchema,
  password: InstancePasswordSchema,
  externalId: ExternalIdSchema.optional(),
  dispatchRouting: RoutingSchema.optional(),
  renewSubscription: z.boolean().optional(),
});
export type CreateInstanceInput = z.input<typeof CreateInstanceInputSchema>;

/** §2 Update: any of the create fields, sent as query parameters. */
export const UpdateInstanceInputSchema = CreateInstanceInputSchema.partial().refine(
  (input) => Object.values(input).some((value) => value !== undefined),
  'nothing to change',
);
export type UpdateInstanceInput = z.input<typeof UpdateInstanceInputSchema>;

/** §6.1 scheduled_at: `YYYY-MM-DD HH:MM:SS` in UTC. A Date or any ISO string is converted. */
const ScheduledAtSchema = z.union([z.date(), z.string()]).transform((value, ctx) => {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)) return value;
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: 'custom', message: 'must be a date and time' });
    return z.NEVER;
  }
  return date.toISOString().slice(0, 19).replace('T', ' ');
});

const HttpUrlSchema = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const TdlibUserIdSchema = z.union([z.string().regex(/^-?\d+$/, 'must be a number'), z.number().int()]).transform(String);

/** §6.1 the recipient: a phone, or a Telegram username / user id, or a WhatsApp lid. */
const RecipientFields = {
  phone: PhoneSchema.optional(),
  username: z.string().trim().min(1).optional(),
  tdlibUserId: TdlibUserIdSchema.optional(),
  whatsappLid: z.string().trim().min(1).optional(),
};
const hasRecipient = (input: { phone?: string; username?: string; tdlibUserId?: string; whatsappLid?: string }) =>
  !!(input.phone || input.username || input.tdlibUserId || input.whatsappLid);
const RECIPIENT_MISSING = { message: 'needs a phone, a Telegram username or user id, or a WhatsApp lid', path: ['phone'] };

/** §6.1 the optional send parameters shared by send and send_file. */
const SendOptionFields = {
  senderName: z.string().trim().min(1).optional(),
  utmMark: z.string().trim().min(1).optional(),
  callbackUrl: HttpUrlSchema.optional(),
  externalId: ExternalIdSchema.optional(),
  dispatchRouting: RoutingSchema.optional(),
  scheduledAt: ScheduledAtSchema.optional(),
  priority: z.enum(['high', 'medium', 'low']).optional(),
  replyToMessageId: z.string().trim().min(1).optional(),
  simulateTyping: z.boolean().optional(),
};

export const SendDeliveryInputSchema = z
  .object({
    ...RecipientFields,
    ...SendOptionFields,
    // §1.5: the platform answers `text: ["the text cannot be empty"]`.
    text: z.string().refine((text) => text.trim().length > 0, 'cannot be empty'),
  })
  .refine(hasRecipient, RECIPIENT_MISSING);
export type SendDeliveryInput = z.input<typeof SendDeliveryInputSchema>;

/** §6.2 bulk: `phones_numbers[]` (sic) and/or `usernames[]` (tdlib). */
export const BulkDeliveryInputSchema = z
  .object({
    text: z.string().refine((text) => text.trim().length > 0, 'cannot be empty'),
    phones: z.array(PhoneSchema).optional(),
    usernames: z.array(z.string().trim().min(1)).optional(),
    tdlibUserId: TdlibUserIdSchema.optional(),
    senderName: SendOptionFields.senderName,
    scheduledAt: SendOptionFields.scheduledAt,
    utmMark: SendOptionFields.utmMark,
    dispatchRouting: SendOptionFields.dispatchRouting,
  })
  .refine((input) => !!(input.phones?.length || input.usernames?.length || input.tdlibUserId), {
    message: 'needs at least one phone number or Telegram username',
    path: ['phones'],
  });
export type BulkDeliveryInput = z.input<typeof BulkDeliveryInputSchema>;

/** §6.6 send_file; the file itself is checked separately (size and MIME type, send-file-rules.ts). */
export const SendFileInputSchema = z
  .object({
    ...RecipientFields,
    ...SendOptionFields,
    fileName: z.string().regex(/\.[^./\\]+$/, 'must include the file extension'),
    mimeType: z.string().optional(),
    caption: z.string().optional(),
    customerId: z.number().int().positive().optional(),
    type: z.enum(['document', 'image']).optional(),
  })
  .refine(hasRecipient, RECIPIENT_MISSING);
export type SendFileInput = z.input<typeof SendFileInputSchema> & { file: Blob | Uint8Array };

/** §5.1: `url` and `types[]`, both required; only the 5 subscribable types of §5.2. */
export const WebhookInputSchema = z.object({
  url: HttpUrlSchema,
  types: z
    .array(WebhookSubscriptionTypeSchema)
    .min(1, 'needs at least one event type')
    .transform((types) => [...new Set(types)]),
});
export type WebhookInput = z.input<typeof WebhookInputSchema>;

/** §4.3: menu_title and menu_link each require the other. api_token is a bot token (typed "integer" ⚠). */
export const TelegramBotInputSchema = z
  .object({
    instanceId: z.number().int().positive(),
    apiToken: z.string().trim().regex(/^\d+:[\w-]+$/, 'must be a bot token from @BotFather (digits, a colon, then letters)'),
    menuTitle: z.string().trim().min(1).optional(),
    menuLink: HttpUrlSchema.optional(),
  })
  .refine((input) => !input.menuTitle || input.menuLink, { message: 'is required when a menu title is set', path: ['menuLink'] })
  .refine((input) => !input.menuLink || input.menuTitle, { message: 'is required when a menu link is set', path: ['menuTitle'] });
export type TelegramBotInput = z.input<typeof TelegramBotInputSchema>;

/** §7.1 generate link: auth_type 0 (default) needs a password, 1 opens without one. */
export const IframeLinkInputSchema = z
  .object({ authType: z.union([z.literal(0), z.literal(1)]).default(0), password: z.string().optional() })
  .refine((input) => input.authType === 1 || !!input.password, { message: 'is required when auth_type is 0', path: ['password'] });
export type IframeLinkInput = z.input<typeof IframeLinkInputSchema>;

/**
 * §7.1 notes. Identity: at least one of phone, tdlib_username, tdlib_user_id. Title ≤ 255 and body ≤ 1000
 * characters. ⚠ Whether a note may carry only a title or only a body is contradictory in the docs; both are
 * allowed here and the platform decides. An empty list deletes every note.
 */
export const NotesInputSchema = z
  .object({
    phone: PhoneSchema.optional(),
    tdlibUsername: z.string().trim().min(1).optional(),
    tdlibUserId: TdlibUserIdSchema.optional(),
    notes: z.array(
      z
        .object({ title: z.string().max(255, 'must be at most 255 characters').optional(), body: z.string().max(1000, 'must be at most 1000 characters').optional() })
        .refine((note) => !!(note.title || note.body), 'needs a title or a body'),
    ),
  })
  .refine((input) => !!(input.phone || input.tdlibUsername || input.tdlibUserId), {
    message: 'needs a phone, a Telegram username or a Telegram user id',
    path: ['phone'],
  });
export type NotesInput = z.input<typeof NotesInputSchema>;

/** The parsed input, or an `invalid_input` AppError naming the provider, what was not sent and why. */
export function validateInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: { dialect: ProviderDialect; operation: string; action: string },
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  const summary = fields
    .slice(0, 3)
    .map((field) => (field.path ? `${field.path} ${field.message}` : field.message))
    .join('; ');
  throw new AppError(
    'invalid_input',
    `Nothing was sent to ${what.dialect.displayName} (${what.action}): ${summary}. Correct it and try again.`,
    { provider: what.dialect.provider, operation: what.operation, fields },
  );
}
