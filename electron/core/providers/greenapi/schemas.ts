import { z } from 'zod';

/** specs/greenapi.md §4: the documented `stateInstance` values. */
export const GREENAPI_STATES = ['notAuthorized', 'authorized', 'blocked', 'sleepMode', 'starting', 'yellowCard'] as const;
export type GreenApiKnownState = (typeof GREENAPI_STATES)[number];
/**
 * `creating`: the body was `null`, the instance is still being created (§2.3, 1.3.13).
 * `unknown`: a value the document does not list; `raw` keeps it for display.
 */
export type GreenApiState = GreenApiKnownState | 'creating' | 'unknown';

/** §2.3: `{"stateInstance":"authorized"}`, or the whole body `null` while the instance is being created. */
export const StateInstanceSchema = z
  .union([z.null(), z.object({ stateInstance: z.string().nullable() })])
  .transform((wire): { state: GreenApiState; raw: string | null } => {
    const raw = wire === null ? null : wire.stateInstance;
    if (raw === null) return { state: 'creating', raw: null };
    const known = GREENAPI_STATES.find((state) => state === raw);
    return { state: known ?? 'unknown', raw };
  });
export type GreenApiStateResult = z.output<typeof StateInstanceSchema>;

const YesNo = z.string();

/**
 * §2.1 getSettings. Every key is optional (tolerant). [CONTRADICTION] The field table says
 * `markIncomingMessagesReaded(OnReply)`, the example `markIncomingMessagesRead(OnReply)`: both are accepted and
 * normalised to the table's spelling, which is also what setSettings takes.
 */
export const SettingsSchema = z
  .object({
    wid: z.string().nullish(),
    webhookUrl: z.string().nullish(),
    webhookUrlToken: z.string().nullish(),
    delaySendMessagesMilliseconds: z.number().nullish(),
    markIncomingMessagesReaded: YesNo.nullish(),
    markIncomingMessagesRead: YesNo.nullish(),
    markIncomingMessagesReadedOnReply: YesNo.nullish(),
    markIncomingMessagesReadOnReply: YesNo.nullish(),
    outgoingWebhook: YesNo.nullish(),
    outgoingMessageWebhook: YesNo.nullish(),
    outgoingAPIMessageWebhook: YesNo.nullish(),
    incomingWebhook: YesNo.nullish(),
    deviceWebhook: YesNo.nullish(),
    stateWebhook: YesNo.nullish(),
    keepOnlineStatus: YesNo.nullish(),
    pollMessageWebhook: YesNo.nullish(),
    incomingBlockWebhook: YesNo.nullish(),
    incomingCallWebhook: YesNo.nullish(),
  })
  .transform(({ markIncomingMessagesRead, markIncomingMessagesReadOnReply, ...rest }) => ({
    ...rest,
    markIncomingMessagesReaded: rest.markIncomingMessagesReaded ?? markIncomingMessagesRead,
    markIncomingMessagesReadedOnReply: rest.markIncomingMessagesReadedOnReply ?? markIncomingMessagesReadOnReply,
  }));
export type GreenApiSettings = z.output<typeof SettingsSchema>;
