import { z } from 'zod';
import { fieldIssueOf, problem } from '../../../../shared/field-problems';
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
  .pipe(z.string().refine((digits) => /^\d{10,15}$/.test(digits), problem('international_phone')));

/** §2 Create: "≥ 7 characters; letters and numbers are required". */
const InstancePasswordSchema = z
  .string()
  .min(7, 'must be at least 7 characters')
  .refine((password) => /\p{L}/u.test(password), problem('password_letter'))
  .refine((password) => /\d/.test(password), problem('password_digit'));

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
  problem('nothing_to_change'),
);
export type UpdateInstanceInput = z.input<typeof UpdateInstanceInputSchema>;

/** §6.1 scheduled_at: `YYYY-MM-DD HH:MM:SS` in UTC. A Date or any ISO string is converted. */
const ScheduledAtSchema = z.union([z.date(), z.string()]).transform((value, ctx) => {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)) return value;
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: 'custom', ...problem('date_time') });
    return z.NEVER;
  }
  return date.toISOString().slice(0, 19).replace('T', ' ');
});

const HttpUrlSchema = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const TdlibUserIdSchema = z.union([z.string().regex(/^-?\d+$/, 'must be a number'), z.number().int()]).transform(String);

/** §1.5: the platform answers `text: ["the text cannot be empty"]`. */
const TextSchema = z.string().refine((text) => text.trim().length > 0, problem('text_required'));

/** §6.1 the recipient: a phone, or a Telegram username / user id, or a WhatsApp lid. */
const RecipientFields = {
  phone: PhoneSchema.optional(),
  username: z.string().trim().min(1).optional(),
  tdlibUserId: TdlibUserIdSchema.optional(),
  whatsappLid: z.string().trim().min(1).optional(),
};
const hasRecipient = (input: { phone?: string; username?: string; tdlibUserId?: string; whatsappLid?: string }) =>
  !!(input.phone || input.username || input.tdlibUserId || input.whatsappLid);
const RECIPIENT_MISSING = { ...problem('recipient_required'), path: ['phone'] };

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
    text: TextSchema,
  })
  .refine(hasRecipient, RECIPIENT_MISSING);
export type SendDeliveryInput = z.input<typeof SendDeliveryInputSchema>;

/** §6.2 bulk: `phones_numbers[]` (sic) and/or `usernames[]` (tdlib). */
export const BulkDeliveryInputSchema = z
  .object({
    text: TextSchema,
    phones: z.array(PhoneSchema).optional(),
    usernames: z.array(z.string().trim().min(1)).optional(),
    tdlibUserId: TdlibUserIdSchema.optional(),
    senderName: SendOptionFields.senderName,
    scheduledAt: SendOptionFields.scheduledAt,
    utmMark: SendOptionFields.utmMark,
    dispatchRouting: SendOptionFields.dispatchRouting,
  })
  .refine((input) => !!(input.phones?.length || input.usernames?.length || input.tdlibUserId), {
    ...problem('bulk_recipients_required'),
    path: ['phones'],
  });
export type BulkDeliveryInput = z.input<typeof BulkDeliveryInputSchema>;

/** §6.6 send_file; the file itself is checked separately (size and MIME type, send-file-rules.ts). */
export const SendFileInputSchema = z
  .object({
    ...RecipientFields,
    ...SendOptionFields,
    fileName: z.string().refine((name) => /\.[^./\\]+$/.test(name), problem('file_extension')),
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
    apiToken: z.string().trim().refine((token) => /^\d+:[\w-]+$/.test(token), problem('bot_token')),
    menuTitle: z.string().trim().min(1).optional(),
    menuLink: HttpUrlSchema.optional(),
  })
  .refine((input) => !input.menuTitle || input.menuLink, { ...problem('menu_link_required'), path: ['menuLink'] })
  .refine((input) => !input.menuLink || input.menuTitle, { ...problem('menu_title_required'), path: ['menuTitle'] });
export type TelegramBotInput = z.input<typeof TelegramBotInputSchema>;

/** §7.1 generate link: auth_type 0 (default) needs a password, 1 opens without one. */
export const IframeLinkInputSchema = z
  .object({ authType: z.union([z.literal(0), z.literal(1)]).default(0), password: z.string().optional() })
  .refine((input) => input.authType === 1 || !!input.password, { ...problem('iframe_password'), path: ['password'] });
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
        .refine((note) => !!(note.title || note.body), problem('note_content')),
    ),
  })
  .refine((input) => !!(input.phone || input.tdlibUsername || input.tdlibUserId), {
    ...problem('note_recipient'),
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
  const fields = result.error.issues.map((issue) => fieldIssueOf(issue, { input }));
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
