import { z } from 'zod';
import { filled, problem } from './field-problems';
import { AccountIdSchema } from './accounts';
import { AppErrorSchema } from './errors';
import type { Capability } from './providers';
import { HttpUrlSchema } from './url';

/**
 * Authorization: linking a messenger to an instance (WhatsApp QR, pairing code, Telegram, MAX, Telegram bot).
 * The schemas the contract carries; main runs the sessions and the renderer only draws what they report.
 */

/** The tabs of the authorization dialog, each offered when the account's provider has one of its capabilities. */
export const AuthMethodSchema = z.enum(['qr', 'pairingCode', 'telegram', 'max', 'telegramBot']);
export type AuthMethod = z.infer<typeof AuthMethodSchema>;

const METHOD_CAPABILITIES: Record<AuthMethod, readonly Capability[]> = {
  qr: ['auth.qrSocket', 'auth.qrHttp'],
  pairingCode: ['auth.pairingCode'],
  telegram: ['auth.telegram'],
  max: ['auth.max'],
  telegramBot: ['auth.telegramBot'],
};

/** The methods an account offers, in tab order. */
export function authMethodsOf(capabilities: readonly Capability[]): AuthMethod[] {
  return AuthMethodSchema.options.filter((method) => METHOD_CAPABILITIES[method].some((c) => capabilities.includes(c)));
}

/** Methods that run as a live session in main (the others are single requests). */
export const AuthSessionMethodSchema = z.enum(['qr', 'pairingCode', 'telegram']);
export type AuthSessionMethod = z.infer<typeof AuthSessionMethodSchema>;

/**
 * One instance of one account. `instance` is opaque to the renderer: main reads it per provider (Chategy/Jetapi:
 * the customer_id; GREEN-API: the instance's entry id in the account). Flat, so the audit log names the account.
 */
export const AuthTargetSchema = z
  .object({ accountId: AccountIdSchema, instance: z.string().trim().min(1).max(64) })
  .strict();
export type AuthTarget = z.infer<typeof AuthTargetSchema>;

/** Whether WhatsApp is linked, in GREEN-API's words (specs/greenapi.md §4); Chategy/Jetapi maps 0/1 onto them. */
export const LinkStateSchema = z.enum(['authorized', 'notAuthorized', 'blocked', 'sleepMode', 'starting', 'yellowCard', 'creating', 'unknown']);
export type LinkState = z.infer<typeof LinkStateSchema>;

/** TDLib authorization state (specs/chatpush-chategy-jetapi.md §2 tdlib_session). */
export const TelegramStateSchema = z.enum(['wait_phone', 'wait_code', 'wait_password', 'authorized', 'wait_qr_code', 'unknown']);

/** Instance-level actions besides the tabs: GREEN-API logout and reboot. Main decides which an instance has. */
export const InstanceActionSchema = z.enum(['logout', 'reboot']);
export type InstanceAction = z.infer<typeof InstanceActionSchema>;

export const AuthInstanceSchema = z.object({
  target: AuthTargetSchema,
  label: z.string(),
  /** The provider's own ids, for reading aloud to support: "customer 20322", "idInstance 1101000001". */
  ids: z.array(z.object({ key: z.enum(['customerId', 'instanceId', 'idInstance', 'externalId']), value: z.string() })),
  whatsapp: LinkStateSchema.nullable(),
  telegram: TelegramStateSchema.nullable(),
  phone: z.string().nullable(),
  /** Reading this instance's state failed (the row still opens: the session will say more). */
  stateError: AppErrorSchema.nullable(),
  methods: z.array(AuthMethodSchema),
  actions: z.array(InstanceActionSchema),
});
export type AuthInstance = z.infer<typeof AuthInstanceSchema>;

/** How the provisioning wizard adds an instance to this account: create one, or add an existing one by credentials. */
export const ProvisioningKindSchema = z.enum(['create', 'addExisting']);

export const AuthInstanceListSchema = z.object({
  accountId: AccountIdSchema,
  instances: z.array(AuthInstanceSchema),
  /** Listing failed in part (the developer list) while what the account itself holds is still shown. */
  listError: AppErrorSchema.nullable(),
  sandbox: z.boolean(),
  provisioning: ProvisioningKindSchema.nullable(),
});
export type AuthInstanceList = z.infer<typeof AuthInstanceListSchema>;

/** Where a session is; the renderer words each phase. */
export const AuthPhaseSchema = z.enum([
  'connecting',
  'waiting_for_qr',
  'showing_qr',
  'qr_unavailable',
  'linking',
  'reconnecting',
  /** The scan window closed with no scan; a new code is one click away. */
  'expired',
  'already_authorized',
  'needs_logout',
  /** GREEN-API: the instance is being created or is starting; the session waits for it. */
  'instance_not_ready',
  'waiting_for_phone',
  'requesting_code',
  'showing_code',
  'wait_phone',
  'wait_code',
  'wait_password',
  'wait_qr_code',
  'unknown_status',
  'authorized',
  'failed',
  'stopped',
]);
export type AuthPhase = z.infer<typeof AuthPhaseSchema>;

/** What went wrong, for the next step the dialog offers; the error itself carries the provider's words. */
export const AuthProblemSchema = z.enum([
  'token_rejected',
  'origin_refused',
  'socket_refused',
  'join_refused',
  'heartbeat_missed',
  'unreachable',
  'already_authorized',
  'needs_logout',
  'qr_unavailable',
  'qr_timeout',
  'instance_starting',
  'instance_creating',
  'instance_blocked',
  'code_refused',
  'credentials',
  'provider',
  /** The proxy refused to carry the connection (its user name and password, or its policy): Network settings. */
  'proxy',
]);
export type AuthProblem = z.infer<typeof AuthProblemSchema>;

export const AuthActionSchema = z.enum([
  'retry',
  'newCode',
  'interrupt',
  'logout',
  'reboot',
  'requestCode',
  'sendPhone',
  'sendCode',
  'sendPassword',
  'reset',
]);
export type AuthAction = z.infer<typeof AuthActionSchema>;

export const TelegramCommandSchema = z.enum(['sendPhone', 'sendCode', 'sendPassword', 'reset']);
export type TelegramCommandName = z.infer<typeof TelegramCommandSchema>;

export const AuthStateSchema = z.object({
  phase: AuthPhaseSchema,
  /** GREEN-API QR: the websocket, or HTTP polling after the socket failed. */
  transport: z.enum(['socket', 'http']).nullable(),
  problem: AuthProblemSchema.nullable(),
  /** Why the session stopped or is stuck; worded by the renderer from its code. */
  error: AppErrorSchema.nullable(),
  /** A passing problem the session is recovering from by itself. */
  notice: AppErrorSchema.nullable(),
  actions: z.array(AuthActionSchema),
  /** A Telegram command waiting for its reply: no other may be sent. */
  pending: TelegramCommandSchema.nullable(),
  /** The last command's refusal ("invalid code"), shown next to its input. */
  commandError: AppErrorSchema.nullable(),
  /** Once authorized: the linked number, when the provider tells it. */
  phone: z.string().nullable(),
});
export type AuthState = z.infer<typeof AuthStateSchema>;

/** A QR code to draw: Chategy/Jetapi send its text (drawn with `qrcode`), GREEN-API a base64 PNG. */
export const AuthQrSchema = z.object({
  format: z.enum(['text', 'png']),
  data: z.string().max(200_000),
  /** Increments with every new code of the session. */
  serial: z.number().int().nonnegative(),
  /** When main received the frame (epoch ms), for the latency figures. */
  receivedAt: z.number(),
  /** When the countdown reaches zero (epoch ms): the code's life, or GREEN-API's scan window. */
  expiresAt: z.number(),
  lifetimeMs: z.number().int().positive(),
});
export type AuthQr = z.infer<typeof AuthQrSchema>;

/** A GREEN-API pairing code (§2.9), valid about 2.5 minutes. */
export const PairingCodeSchema = z.object({ code: z.string(), expiresAt: z.number(), lifetimeMs: z.number().int().positive() });
export type PairingCode = z.infer<typeof PairingCodeSchema>;

export const AuthSessionIdSchema = z.string().min(1).max(64);

/** Counts a session's pushes: the renderer ignores an event no newer than what it holds. */
const RevisionSchema = z.number().int().nonnegative();

export const AuthSessionSchema = z.object({
  sessionId: AuthSessionIdSchema,
  revision: RevisionSchema,
  accountId: AccountIdSchema,
  instance: z.string(),
  method: AuthSessionMethodSchema,
  state: AuthStateSchema,
  qr: AuthQrSchema.nullable(),
  code: PairingCodeSchema.nullable(),
});
export type AuthSession = z.infer<typeof AuthSessionSchema>;

export const AuthEndReasonSchema = z.enum(['stopped', 'authorized', 'replaced', 'abandoned']);
export type AuthEndReason = z.infer<typeof AuthEndReasonSchema>;

/** Pushed by main: the QR and the pairing code only when they change, the state when any of it changes. */
const EventBase = { sessionId: AuthSessionIdSchema, revision: RevisionSchema };
export const AuthEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('state'), ...EventBase, state: AuthStateSchema }),
  z.object({ type: z.literal('qr'), ...EventBase, qr: AuthQrSchema }),
  z.object({ type: z.literal('code'), ...EventBase, code: PairingCodeSchema }),
  z.object({ type: z.literal('ended'), ...EventBase, reason: AuthEndReasonSchema }),
]);
export type AuthEvent = z.infer<typeof AuthEventSchema>;

/** §2.9: the full international number in digits only: no +, 00, spaces or dashes. */
export const PairingPhoneSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (!/^\d+$/.test(value)) ctx.addIssue({ code: 'custom', ...problem('pairing_phone_digits') });
    else if (!/^[1-9]\d{6,14}$/.test(value)) ctx.addIssue({ code: 'custom', ...problem('pairing_phone_length') });
  });

/** Telegram and MAX phone numbers: international; spaces, dashes, brackets and a leading + are allowed. */
export const LoginPhoneSchema = z
  .string()
  .trim()
  .refine((value) => /^\+?[\d\s()-]{7,24}$/.test(value), problem('login_phone'));

export const LoginCodeSchema = z.string().trim().refine(filled, problem('required')).max(32);

/** §4.3: a bot token from @BotFather; menu title and link go together. */
export const TelegramBotFormSchema = z
  .object({
    botToken: z
      .string()
      .trim()
      .refine((value) => /^\d+:[\w-]+$/.test(value), problem('bot_token')),
    menuTitle: z.string().trim().max(64).optional(),
    menuLink: HttpUrlSchema.optional(),
  })
  .strict()
  .refine((input) => !input.menuTitle || input.menuLink, { ...problem('menu_link_required'), path: ['menuLink'] })
  .refine((input) => !input.menuLink || input.menuTitle, { ...problem('menu_title_required'), path: ['menuTitle'] });

export const TelegramBotResultSchema = z.object({
  accountId: AccountIdSchema,
  botLink: z.string().nullable(),
  status: z.string().nullable(),
  menuTitle: z.string().nullable(),
  menuLink: z.string().nullable(),
});

// ——— Provisioning wizard ———

/**
 * Chategy/Jetapi: create → authorize → webhooks → test message. GREEN-API: add by credentials → wait while it is
 * being created → recommended settings → authorize. The progress is kept in main, so a wizard closed half-way
 * resumes where it stopped.
 */
export const WizardStepSchema = z.enum(['authorize', 'webhooks', 'testMessage', 'wait', 'settings', 'done']);
export type WizardStep = z.infer<typeof WizardStepSchema>;

export const WIZARD_STEPS = {
  chatpush: ['create', 'authorize', 'webhooks', 'testMessage'],
  greenapi: ['create', 'wait', 'settings', 'authorize'],
} as const;

/**
 * What the provider answered at a wizard step, as a code with its params: the renderer words each one when the step
 * finishes and in the summary. A failure that did not stop the step (the new client token not saved in the account)
 * carries its AppError, worded like any other error.
 */
export const WizardAnswerSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('instanceCreated'), instanceId: z.string(), customerId: z.string() }),
  z.object({ code: z.literal('tokenAdded'), label: z.string() }),
  z.object({ code: z.literal('tokenNotAdded'), error: AppErrorSchema }),
  z.object({ code: z.literal('instanceAdded'), idInstance: z.string() }),
  z.object({ code: z.literal('stateReached'), state: LinkStateSchema }),
  z.object({ code: z.literal('settingsChanged'), keys: z.array(z.string().max(64)).max(64) }),
  z.object({ code: z.literal('settingsUnchanged') }),
  z.object({ code: z.literal('authorized'), method: AuthMethodSchema, phone: z.string().max(32).nullable() }),
  z.object({ code: z.literal('webhookCreated'), webhookId: z.string().max(32), types: z.array(z.string().max(64)).max(16) }),
  z.object({ code: z.literal('testSent'), deliveryId: z.string().max(32), statusId: z.number().int(), statusDescription: z.string().max(200).nullable() }),
]);
export type WizardAnswer = z.infer<typeof WizardAnswerSchema>;

/** The steps the screen finishes itself, and the one answer each may report when it is done. */
export const WIZARD_SCREEN_ANSWERS = { authorize: 'authorized', webhooks: 'webhookCreated', testMessage: 'testSent' } as const satisfies Partial<
  Record<WizardStep, WizardAnswer['code']>
>;

export const WizardLogEntrySchema = z.object({
  step: z.string(),
  outcome: z.enum(['done', 'skipped']),
  /** Progress saved before answers were codes had a free-text `detail`: it is dropped, and the step reads "done". */
  answers: z.array(WizardAnswerSchema).default([]),
  at: z.string(),
});
export type WizardLogEntry = z.infer<typeof WizardLogEntrySchema>;

export const WizardProgressSchema = z.object({
  kind: ProvisioningKindSchema,
  accountId: AccountIdSchema,
  /** The new instance as an authorization target's `instance`. */
  instance: z.string(),
  label: z.string(),
  /** Chategy/Jetapi: the account's client-token entry added for the new instance (webhooks, test message). */
  tokenId: z.string().nullable(),
  step: WizardStepSchema,
  /** Finished steps, oldest first: done or skipped, with what the provider answered. */
  log: z.array(WizardLogEntrySchema),
  startedAt: z.string(),
});
export type WizardProgress = z.infer<typeof WizardProgressSchema>;

/**
 * The `operation` of the `conflict` main answers when a new wizard would overwrite one that is not finished: the
 * screen then offers to resume or discard that one instead.
 */
export const WIZARD_UNFINISHED_OPERATION = 'wizard.unfinished';

/** What the create form sends; main checks it by the platform's own rules (§2 Create) and names each field. */
export const ChatpushCreateFormSchema = z
  .object({
    email: z.string().trim().max(254),
    phone: z.string().trim().max(32),
    password: z.string().max(128),
    externalId: z.string().trim().max(255),
    dispatchRouting: z.array(z.string().max(20)).max(6),
    renewSubscription: z.boolean(),
  })
  .strict();
export type ChatpushCreateForm = z.infer<typeof ChatpushCreateFormSchema>;

export const RecommendedSettingsSchema = z.object({
  rows: z.array(z.object({ key: z.string(), current: z.string().nullable(), recommended: z.string() })),
  webhookUrl: z.string().nullable(),
});
