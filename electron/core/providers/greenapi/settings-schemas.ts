import { z } from 'zod';
import { GREENAPI_SETTING_SWITCHES, SEND_DELAY_MAX_MS, SEND_DELAY_MIN_MS } from '../../../../shared/instance-settings';

/**
 * specs/greenapi.md §2.1 getSettings. Every key is optional (tolerant). [CONTRADICTION §13.1] The field table says
 * `markIncomingMessagesReaded(OnReply)`, the example `markIncomingMessagesRead(OnReply)`: both are accepted and
 * normalised to the table's spelling, which is also what setSettings takes.
 */
export const SettingsSchema = z
  .object({
    wid: z.string().nullish(),
    webhookUrl: z.string().nullish(),
    webhookUrlToken: z.string().nullish(),
    delaySendMessagesMilliseconds: z.number().nullish(),
    markIncomingMessagesReaded: z.string().nullish(),
    markIncomingMessagesRead: z.string().nullish(),
    markIncomingMessagesReadedOnReply: z.string().nullish(),
    markIncomingMessagesReadOnReply: z.string().nullish(),
    outgoingWebhook: z.string().nullish(),
    outgoingMessageWebhook: z.string().nullish(),
    outgoingAPIMessageWebhook: z.string().nullish(),
    incomingWebhook: z.string().nullish(),
    deviceWebhook: z.string().nullish(),
    stateWebhook: z.string().nullish(),
    keepOnlineStatus: z.string().nullish(),
    pollMessageWebhook: z.string().nullish(),
    incomingBlockWebhook: z.string().nullish(),
    incomingCallWebhook: z.string().nullish(),
  })
  .transform(({ markIncomingMessagesRead, markIncomingMessagesReadOnReply, ...rest }) => ({
    ...rest,
    markIncomingMessagesReaded: rest.markIncomingMessagesReaded ?? markIncomingMessagesRead,
    markIncomingMessagesReadedOnReply: rest.markIncomingMessagesReadedOnReply ?? markIncomingMessagesReadOnReply,
  }));
export type GreenApiSettings = z.output<typeof SettingsSchema>;

const YesNoSchema = z.enum(['yes', 'no']);
const switches = Object.fromEntries(GREENAPI_SETTING_SWITCHES.map((key) => [key, YesNoSchema.optional()])) as Record<
  (typeof GREENAPI_SETTING_SWITCHES)[number],
  z.ZodOptional<typeof YesNoSchema>
>;

const PatchFieldsSchema = z.strictObject({
  ...switches,
  markIncomingMessagesRead: YesNoSchema.optional(),
  markIncomingMessagesReadOnReply: YesNoSchema.optional(),
  // §3: empty disables webhooks (and is required for HTTP API polling); otherwise the address GREEN-API POSTs to.
  webhookUrl: z
    .string()
    .trim()
    .refine((url) => url === '' || /^https?:\/\/[^\s/]+/i.test(url), {
      message: 'webhookUrl must be empty (HTTP API polling) or an http(s) URL',
    })
    .optional(),
  webhookUrlToken: z.string().optional(),
  delaySendMessagesMilliseconds: z
    .number()
    .int()
    .min(SEND_DELAY_MIN_MS, { message: `delaySendMessagesMilliseconds must be at least ${SEND_DELAY_MIN_MS} ms` })
    .max(SEND_DELAY_MAX_MS, {
      message: `delaySendMessagesMilliseconds must be at most ${SEND_DELAY_MAX_MS} ms (24 h): a longer interval never sends`,
    })
    .optional(),
});
type PatchFields = Omit<z.output<typeof PatchFieldsSchema>, 'markIncomingMessagesRead' | 'markIncomingMessagesReadOnReply'>;

/**
 * What setSettings sends (§2.2): any non-empty subset, strict. The example spelling `markIncomingMessagesRead(OnReply)`
 * is accepted as an alias (§13.1) and written the way the setSettings table spells it, `…Readed(OnReply)`.
 */
export const SettingsPatchSchema = PatchFieldsSchema.refine(
  (patch) => !conflicts(patch.markIncomingMessagesReaded, patch.markIncomingMessagesRead),
  { message: 'markIncomingMessagesReaded and markIncomingMessagesRead are the same setting and were given different values' },
)
  .refine((patch) => !conflicts(patch.markIncomingMessagesReadedOnReply, patch.markIncomingMessagesReadOnReply), {
    message: 'markIncomingMessagesReadedOnReply and markIncomingMessagesReadOnReply are the same setting and were given different values',
  })
  .transform(({ markIncomingMessagesRead, markIncomingMessagesReadOnReply, ...rest }): Partial<PatchFields> => {
    const patch: Partial<PatchFields> = {
      ...rest,
      markIncomingMessagesReaded: rest.markIncomingMessagesReaded ?? markIncomingMessagesRead,
      markIncomingMessagesReadedOnReply: rest.markIncomingMessagesReadedOnReply ?? markIncomingMessagesReadOnReply,
    };
    return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  })
  // §2.2: "at least one parameter must be given".
  .refine((patch) => Object.keys(patch).length > 0, { message: 'setSettings needs at least one setting to change' });
export type GreenApiSettingsPatchInput = z.input<typeof SettingsPatchSchema>;
export type GreenApiSettingsPatch = z.output<typeof SettingsPatchSchema>;

function conflicts(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a !== b;
}

/**
 * Only the keys whose desired value differs from the current one: setSettings restarts the instance (§2.2), so a
 * save that changes nothing should send nothing.
 */
export function changedSettings(current: GreenApiSettings, desired: GreenApiSettingsPatch): GreenApiSettingsPatch {
  return Object.fromEntries(
    Object.entries(desired).filter(([key, value]) => value !== undefined && current[key as keyof GreenApiSettings] !== value),
  );
}
