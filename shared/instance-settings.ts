import { z } from 'zod';
import { filled, problem } from './field-problems';
import { GREENAPI_NOTIFICATION_SWITCHES } from './greenapi-notification-rules';

/**
 * GREEN-API instance settings the Settings screen edits (specs/greenapi.md §2.1–§3). The webhook Authorization
 * header (webhookUrlToken) is a secret and is edited on the Webhooks screen only; it is never read into the renderer
 * and never copied between instances.
 */
export const GREENAPI_SETTING_SWITCHES = [
  'markIncomingMessagesReaded',
  'markIncomingMessagesReadedOnReply',
  ...GREENAPI_NOTIFICATION_SWITCHES,
] as const;
export type GreenApiSettingSwitch = (typeof GREENAPI_SETTING_SWITCHES)[number];

/** §3: the documented bounds of the send interval. */
export const SEND_DELAY_MIN_MS = 500;
export const SEND_DELAY_MAX_MS = 86_400_000;

/**
 * 1.3.13's recommended settings (specs/greenapi.md §3), without its placeholder webhookUrl (the operator gives
 * one, or keeps what is set). ⚠ It turns outgoingAPIMessageWebhook off although the status page needs it on; the
 * document's set is offered as printed, and the screen says so.
 */
export const GREENAPI_RECOMMENDED_SETTINGS = {
  delaySendMessagesMilliseconds: 3000,
  markIncomingMessagesReaded: 'no',
  markIncomingMessagesReadedOnReply: 'yes',
  outgoingWebhook: 'yes',
  outgoingMessageWebhook: 'yes',
  outgoingAPIMessageWebhook: 'no',
  incomingWebhook: 'yes',
  deviceWebhook: 'no',
  stateWebhook: 'yes',
  keepOnlineStatus: 'yes',
  pollMessageWebhook: 'yes',
  incomingBlockWebhook: 'yes',
} as const satisfies Partial<Record<GreenApiSettingSwitch | 'delaySendMessagesMilliseconds', string | number>>;

const YesNo = z.enum(['yes', 'no']);
const switchShape = Object.fromEntries(GREENAPI_SETTING_SWITCHES.map((key) => [key, YesNo.nullable()])) as Record<
  GreenApiSettingSwitch,
  z.ZodNullable<typeof YesNo>
>;

/** The values as read: null when the instance did not report the key. */
export const GreenApiInstanceSettingsSchema = z.object({
  webhookUrl: z.string(),
  delaySendMessagesMilliseconds: z.number().int().nullable(),
  ...switchShape,
});
export type GreenApiInstanceSettings = z.infer<typeof GreenApiInstanceSettingsSchema>;

const patchSwitches = Object.fromEntries(GREENAPI_SETTING_SWITCHES.map((key) => [key, YesNo.optional()])) as Record<
  GreenApiSettingSwitch,
  z.ZodOptional<typeof YesNo>
>;

/** What a save may change: any subset, each value within the documented bounds. */
export const GreenApiSettingsChangesSchema = z.strictObject({
  webhookUrl: z
    .string()
    .trim()
    .max(2048)
    .refine((url) => url === '' || /^https?:\/\/[^\s/]+/i.test(url), problem('webhook_url_or_empty'))
    .optional(),
  delaySendMessagesMilliseconds: z
    .number()
    .refine(Number.isInteger, problem('send_delay_whole'))
    .refine((ms) => ms >= SEND_DELAY_MIN_MS, problem('send_delay_min', { minimum: SEND_DELAY_MIN_MS }))
    .refine((ms) => ms <= SEND_DELAY_MAX_MS, problem('send_delay_max', { maximum: SEND_DELAY_MAX_MS }))
    .optional(),
  ...patchSwitches,
});
export type GreenApiSettingsChanges = z.infer<typeof GreenApiSettingsChangesSchema>;
export type GreenApiSettingKey = keyof GreenApiSettingsChanges;

/** The keys whose wanted value differs from the current one, with both values: the diff shown before saving. */
export function greenApiSettingsDiff(current: GreenApiInstanceSettings, wanted: GreenApiSettingsChanges) {
  return (Object.entries(wanted) as [GreenApiSettingKey, string | number | undefined][])
    .filter(([key, value]) => value !== undefined && current[key] !== value)
    .map(([key, value]) => ({ key, from: current[key], to: value as string | number }));
}

const Id = z.string().min(1).max(64);
export const GreenApiInstanceTargetSchema = z.object({ accountId: Id, instanceId: Id }).strict();
export type GreenApiInstanceTarget = z.infer<typeof GreenApiInstanceTargetSchema>;

export const CopySettingsInputSchema = z
  .object({
    source: GreenApiInstanceTargetSchema,
    targets: z.array(GreenApiInstanceTargetSchema).refine(filled, problem('copy_targets_required')).max(1000),
    /** Which settings to copy; the webhook URL is left out unless asked for (instances often post to different places). */
    keys: z.array(z.enum(['webhookUrl', 'delaySendMessagesMilliseconds', ...GREENAPI_SETTING_SWITCHES])).refine(filled, problem('copy_keys_required')),
  })
  .strict();

export const CopyResultSchema = z.object({
  accountId: z.string(),
  instanceId: z.string(),
  state: z.enum(['pending', 'changed', 'unchanged', 'failed', 'cancelled']),
  changed: z.array(z.string()),
  error: z.string().nullable(),
});
export type CopyResult = z.infer<typeof CopyResultSchema>;

/** Chategy/Jetapi §6.1 channels, in the order the cascade editor offers them. */
export const CHATPUSH_CHANNELS = ['whatsapp', 'tdlib', 'telegram', 'notify', 'max', 'sms'] as const;

/** A Chategy/Jetapi instance as the Settings screen lists it: only what the platform reads back. */
export const ChatpushInstanceFieldsSchema = z.object({
  id: z.number().int(),
  externalId: z.string().nullable(),
  renewSubscription: z.boolean().nullable(),
  whatsappPhone: z.string().nullable(),
});

/**
 * §2 Update: any subset. Main checks the documented rules (email, phone 10–15 digits, password ≥ 7 characters with
 * letters and digits, at least one channel) with the provider's own input schema and names each field.
 */
export const ChatpushInstanceChangesSchema = z.strictObject({
  renewSubscription: z.boolean().optional(),
  externalId: z.string().max(255).optional(),
  dispatchRouting: z.array(z.enum(CHATPUSH_CHANNELS)).max(CHATPUSH_CHANNELS.length).optional(),
  email: z.string().max(254).optional(),
  phone: z.string().max(32).optional(),
  password: z.string().max(128).optional(),
});
export type ChatpushInstanceChanges = z.infer<typeof ChatpushInstanceChangesSchema>;

/** Chat2Desk (A7): the company's working mode (it switches the auto-replies) and its three custom info fields. */
export const Chat2DeskCompanySettingsSchema = z.object({
  companyName: z.string(),
  workingMode: z.enum(['online', 'offline']).nullable(),
  customInfo: z.object({ '1': z.string(), '2': z.string(), '3': z.string() }),
});
export type Chat2DeskCompanySettings = z.infer<typeof Chat2DeskCompanySettingsSchema>;

export const Chat2DeskCompanyChangesSchema = z.strictObject({
  workingMode: z.enum(['online', 'offline']).optional(),
  customInfo: z.strictObject({ '1': z.string().max(255), '2': z.string().max(255), '3': z.string().max(255) }).partial().optional(),
});
export type Chat2DeskCompanyChanges = z.infer<typeof Chat2DeskCompanyChangesSchema>;
