import { z } from 'zod';
import { AccountIdSchema, IdInstanceSchema, SecretInputSchema } from '../accounts';
import {
  AuthInstanceListSchema,
  AuthSessionIdSchema,
  AuthSessionMethodSchema,
  AuthSessionSchema,
  AuthTargetSchema,
  ChatpushCreateFormSchema,
  LoginCodeSchema,
  LoginPhoneSchema,
  PairingPhoneSchema,
  TelegramBotFormSchema,
  TelegramBotResultSchema,
  TelegramCommandSchema,
  RecommendedSettingsSchema,
  WizardAnswerSchema,
  WizardProgressSchema,
  WizardStepSchema,
} from '../auth';
import { HttpUrlSchema } from '../url';
import { call, Done, Empty } from './define';

const Session = z.object({ sessionId: AuthSessionIdSchema }).strict();
const Confirmed = AuthTargetSchema.extend({ confirm: z.literal(true) }).strict();

/**
 * Authorization (issue 4): sessions that link a messenger to an instance, run in main and reported through the
 * `auth.event` event. Calls that change something at the provider are audited.
 */
export const authCalls = {
  /** The instances of one account that can be authorized, with their current link state. */
  'auth.instances': call(z.object({ accountId: AccountIdSchema }).strict(), AuthInstanceListSchema),
  /** Starts a session; one that was running for the same instance and method is replaced. */
  'auth.start': call(AuthTargetSchema.extend({ method: AuthSessionMethodSchema }).strict(), AuthSessionSchema),
  'auth.stop': call(Session, Done),
  /** Ends every session (a renderer that reloaded leaves none running behind it). */
  'auth.stopAll': call(Empty, Done),
  /** A new code after the scan window closed, or a fresh start after a failure. */
  'auth.renew': call(Session, AuthSessionSchema),
  /** Chategy/Jetapi: delete_container_session, then a new QR session. */
  'auth.interrupt': call(Session, AuthSessionSchema, { audit: true }),
  'auth.requestPairingCode': call(Session.extend({ phone: PairingPhoneSchema }).strict(), AuthSessionSchema, { audit: true }),
  'auth.telegram': call(
    Session.extend({ command: TelegramCommandSchema, value: z.string().max(256).optional() }).strict(),
    AuthSessionSchema,
    { audit: true },
  ),
  /** GREEN-API logout (the linked phone is disconnected). */
  'auth.logout': call(Confirmed, Done, { audit: true }),
  'auth.reboot': call(Confirmed, Done, { audit: true }),
  /** MAX (§4.4): send_phone, then send_code; close_session resets. */
  'auth.max': call(
    z.discriminatedUnion('step', [
      AuthTargetSchema.extend({ step: z.literal('sendPhone'), value: LoginPhoneSchema }).strict(),
      AuthTargetSchema.extend({ step: z.literal('sendCode'), value: LoginCodeSchema }).strict(),
      AuthTargetSchema.extend({ step: z.literal('closeSession') }).strict(),
    ]),
    Done,
    { audit: true },
  ),
  /** Telegram bot (§4.3): connects a bot to the instance and returns its link. */
  'auth.telegramBot': call(AuthTargetSchema.extend({ bot: TelegramBotFormSchema }).strict(), TelegramBotResultSchema, { audit: true }),

  /** The provisioning wizard's progress, kept in main so a wizard closed half-way resumes; null when none runs. */
  'auth.wizard': call(Empty, WizardProgressSchema.nullable()),
  /** Chategy/Jetapi §2 Create; the new instance's client token is added to the account. */
  'auth.wizardCreate': call(z.object({ accountId: AccountIdSchema, form: ChatpushCreateFormSchema }).strict(), WizardProgressSchema, { audit: true }),
  /** GREEN-API: an existing instance added to the account by its credentials. */
  'auth.wizardAddExisting': call(
    z
      .object({
        accountId: AccountIdSchema,
        label: z.string().trim().max(80),
        idInstance: IdInstanceSchema,
        apiTokenInstance: SecretInputSchema,
        apiUrl: HttpUrlSchema,
        mediaUrl: HttpUrlSchema,
      })
      .strict(),
    WizardProgressSchema,
    { audit: true },
  ),
  /** Waits while getStateInstance says the instance is being created, polling every 5 s, as a cancellable job. */
  'auth.wizardWait': call(Empty, z.object({ jobId: z.string() })),
  'auth.wizardRecommended': call(Empty, RecommendedSettingsSchema),
  /** setSettings with the recommended values that differ (and the webhook URL, when one is given). */
  'auth.wizardApplySettings': call(z.object({ webhookUrl: z.string().trim().max(2048) }).strict(), WizardProgressSchema, { audit: true }),
  /** A step finished in the screen (authorized, webhook set, test sent) or skipped; `answer` is what the provider answered. */
  'auth.wizardAdvance': call(
    z.object({ from: WizardStepSchema, outcome: z.enum(['done', 'skipped']), answer: WizardAnswerSchema.optional() }).strict(),
    WizardProgressSchema,
  ),
  'auth.wizardDiscard': call(Empty, Done),

  /** Sandbox accounts only: what the phone would do. Refused for real accounts. */
  'sandbox.scanQr': call(AuthTargetSchema, Done, { audit: true }),
  'sandbox.enterPairingCode': call(AuthTargetSchema, Done, { audit: true }),
  /** Sandbox accounts only: the codes the simulated Telegram and MAX "sent". */
  'sandbox.authCodes': call(AuthTargetSchema, z.object({ telegramCode: z.string().nullable(), maxCode: z.string().nullable() })),
} as const;
