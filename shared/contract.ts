import { z } from 'zod';
import {
  AccountDraftSchema,
  AccountIdSchema,
  AccountPatchSchema,
  AccountViewSchema,
  ConnectionTestResultSchema,
} from './accounts';
import { type Result } from './errors';
import { AppSettingsSchema } from './settings';
import { PassphraseSchema, QuarantinedFileSchema, VaultStatusSchema } from './vault';

/**
 * Every call between renderer and main: `namespace.method` → input and output schemas. The preload, the web
 * bridge and the main-process dispatcher are all generated from this object, so a call exists everywhere or
 * nowhere.
 */
const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const Empty = z.object({}).strict();
const Done = z.object({ done: z.literal(true) });

export const calls = {
  'app.info': call(
    Empty,
    z.object({
      version: z.string(),
      runtime: z.enum(['electron', 'web']),
      platform: z.string(),
      dataDir: z.string(),
      sandbox: z.object({ running: z.boolean() }),
      /** Files that could not be read at start-up and were moved aside, never reset. */
      quarantined: z.array(QuarantinedFileSchema),
    }),
  ),
  'settings.get': call(Empty, AppSettingsSchema),
  'settings.update': call(AppSettingsSchema.partial().strict(), AppSettingsSchema),

  'vault.status': call(Empty, VaultStatusSchema),
  'vault.setUpPassphrase': call(z.object({ passphrase: PassphraseSchema }).strict(), VaultStatusSchema),
  'vault.unlock': call(z.object({ passphrase: z.string().min(1).max(1024) }).strict(), VaultStatusSchema),
  /** After corruption or a lost keychain key: start an empty vault. The unreadable file stays where it was moved. */
  'vault.startFresh': call(z.object({ confirm: z.literal(true) }).strict(), VaultStatusSchema),

  'accounts.list': call(Empty, z.array(AccountViewSchema)),
  'accounts.create': call(z.object({ draft: AccountDraftSchema }).strict(), AccountViewSchema),
  'accounts.update': call(z.object({ id: AccountIdSchema, patch: AccountPatchSchema }).strict(), AccountViewSchema),
  'accounts.remove': call(z.object({ id: AccountIdSchema }).strict(), Done),
  'accounts.test': call(z.object({ id: AccountIdSchema }).strict(), ConnectionTestResultSchema),
  /** Test what is in the form before saving; secrets left blank are taken from `existingId`. */
  'accounts.testDraft': call(
    z.object({ patch: AccountPatchSchema, existingId: AccountIdSchema.optional() }).strict(),
    ConnectionTestResultSchema,
  ),

  'demo.status': call(Empty, z.object({ offered: z.boolean(), active: z.boolean() })),
  'demo.create': call(Empty, z.array(AccountViewSchema)),
  'demo.dismiss': call(Empty, Done),
} as const;

/** Every event main pushes to the renderer: `namespace.name` → payload schema. */
export const events = {
  'accounts.changed': z.object({ ids: z.array(z.string()) }),
  'vault.changed': VaultStatusSchema,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Calls[K]['output']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.output<Events[K]>;

export const callNames = Object.keys(calls) as CallName[];
export const eventNames = Object.keys(events) as EventName[];

/** IPC channel names: a fixed prefix so nothing else on ipcMain can be mistaken for a contract call. */
export const callChannel = (name: CallName) => `sb:call:${name}`;
export const eventChannel = (name: EventName) => `sb:event:${name}`;

/** `accounts.changed` → `onChanged`: the name under which the bridge exposes a subscription. */
export const subscriberName = (eventName: string) => {
  const member = eventName.slice(eventName.indexOf('.') + 1);
  return `on${member.charAt(0).toUpperCase()}${member.slice(1)}`;
};

// The typed shape of `window.switchboard`, derived from the two tables above.
type Namespace<K extends string> = K extends `${infer N}.${string}` ? N : never;
type Member<K extends string, N extends string> = K extends `${N}.${infer M}` ? M : never;
type Unsubscribe = () => void;

export type SwitchboardApi = {
  [N in Namespace<CallName | EventName>]: {
    [M in Member<CallName, N>]: (input: CallInput<`${N}.${M}` & CallName>) => Promise<Result<CallOutput<`${N}.${M}` & CallName>>>;
  } & {
    [M in Member<EventName, N> as `on${Capitalize<M>}`]: (
      listener: (payload: EventPayload<`${N}.${M}` & EventName>) => void,
    ) => Unsubscribe;
  };
};

/** Builds the nested bridge object from two transports; used by the preload and by the web shim alike. */
export function buildBridge(
  invoke: (name: CallName, input: unknown) => Promise<unknown>,
  subscribe: (name: EventName, listener: (payload: unknown) => void) => Unsubscribe,
): SwitchboardApi {
  const api: Record<string, Record<string, unknown>> = {};
  const slot = (name: string) => (api[name.slice(0, name.indexOf('.'))] ??= {});
  for (const name of callNames) slot(name)[name.slice(name.indexOf('.') + 1)] = (input: unknown) => invoke(name, input ?? {});
  for (const name of eventNames) {
    slot(name)[subscriberName(name)] = (listener: (payload: unknown) => void) => subscribe(name, listener);
  }
  return api as SwitchboardApi;
}
