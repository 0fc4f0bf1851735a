import { z } from 'zod';
import { accountCalls } from './calls/accounts';
import { appCalls } from './calls/app';
import { auditCalls } from './calls/audit';
import { AlertSchema } from './balances';
import { authCalls } from './calls/auth';
import { fleetCalls } from './calls/fleet';
import { balanceCalls } from './calls/balances';
import { deliveryCalls } from './calls/deliveries';
import { jobCalls } from './calls/jobs';
import { notificationCalls } from './calls/notifications';
import { networkCalls } from './calls/network';
import { webhookCalls } from './calls/webhooks';
import { instanceSettingsCalls } from './calls/instance-settings';
import { workbenchCalls } from './calls/workbench';
import { sandboxCalls } from './calls/sandbox';
import { DeliveryFollowEventSchema } from './deliveries';
import { AuthEventSchema } from './auth';
import { type Result } from './errors';
import { JobProgressSchema } from './jobs';
import { VaultStatusSchema } from './vault';

/**
 * Every call between renderer and main: `namespace.method` → input and output schemas (one file per area in
 * calls/). The preload, the web bridge and the main-process dispatcher are all generated from this object, so a
 * call exists everywhere or nowhere.
 */
export const calls = {
  ...appCalls,
  ...accountCalls,
  ...auditCalls,
  ...jobCalls,
  ...workbenchCalls,
  ...authCalls,
  ...fleetCalls,
  ...balanceCalls,
  ...deliveryCalls,
  ...webhookCalls,
  ...instanceSettingsCalls,
  ...notificationCalls,
  ...networkCalls,
  ...sandboxCalls,
} as const;

/** Every event main pushes to the renderer: `namespace.name` → payload schema. */
export const events = {
  'accounts.changed': z.object({ ids: z.array(z.string()) }),
  'vault.changed': VaultStatusSchema,
  /** Progress of long work, throttled; the last one for a job has a state other than `running`. */
  'jobs.progress': JobProgressSchema,
  /** Authorization sessions: state, QR and pairing code (each only when it changes), end. */
  'auth.event': AuthEventSchema,
  /** The fleet's rows changed (a refresh committed an account, an action patched rows): older pages are stale. */
  'fleet.changed': z.object({ revision: z.number().int() }),
  /** A refresh found something to warn about (low balance, subscriptions ending, instances logged out); each once. */
  'balances.alerted': z.object({ alerts: z.array(AlertSchema) }),
  'deliveries.followed': DeliveryFollowEventSchema,
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
