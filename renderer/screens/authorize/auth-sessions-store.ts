import { create } from 'zustand';
import type { AuthEndReason, AuthEvent, AuthSession, AuthSessionMethod, AuthTarget } from '../../../shared/auth';
import { api, call } from '../../bridge/client';

export type SessionView = AuthSession & { ended: AuthEndReason | null };

type SessionsState = { sessions: Readonly<Record<string, SessionView>> };

/**
 * The authorization sessions this window started, as main reports them. Each session is its own object, replaced
 * only when its own event arrives, so a QR wall's tiles re-render one at a time. Events can overtake the answer
 * to `auth.start`: they wait in `early` and are applied once the snapshot is in, oldest revision first.
 */
export const useAuthSessions = create<SessionsState>()(() => ({ sessions: {} }));

const early = new Map<string, AuthEvent[]>();
/** Only while a start is in flight can an unknown session be ours; other windows' events are not kept. */
let startsInFlight = 0;
let subscribed = false;

function apply(event: AuthEvent): void {
  const current = useAuthSessions.getState().sessions[event.sessionId];
  if (!current) {
    if (startsInFlight > 0) early.set(event.sessionId, [...(early.get(event.sessionId) ?? []), event]);
    return;
  }
  if (event.revision <= current.revision) return;
  if (event.type === 'qr') markQr('qr-received', event.sessionId, event.qr);
  const next: SessionView = { ...current, revision: event.revision };
  if (event.type === 'state') next.state = event.state;
  if (event.type === 'qr') next.qr = event.qr;
  if (event.type === 'code') next.code = event.code;
  if (event.type === 'ended') next.ended = event.reason;
  put(next);
}

/**
 * A performance mark for the latency figures (bench/qr-latency.bench.ts reads them with a PerformanceObserver).
 * Cleared at once so a long session keeps no buffer of them.
 */
export function markQr(name: 'qr-received' | 'qr-painted', sessionId: string, qr: { serial: number; receivedAt: number }): void {
  performance.mark(name, { detail: { sessionId, serial: qr.serial, receivedAt: qr.receivedAt } });
  performance.clearMarks(name);
}

function put(view: SessionView): void {
  useAuthSessions.setState((state) => ({ sessions: { ...state.sessions, [view.sessionId]: view } }));
}

function adopt(session: AuthSession): void {
  const current = useAuthSessions.getState().sessions[session.sessionId];
  if (!current || session.revision > current.revision) put({ ...session, ended: current?.ended ?? null });
  const waiting = early.get(session.sessionId) ?? [];
  early.delete(session.sessionId);
  for (const event of waiting.sort((a, b) => a.revision - b.revision)) apply(event);
}

function ensureSubscribed(): void {
  if (subscribed) return;
  subscribed = true;
  api.auth.onEvent(apply);
}

/** What the screen does with sessions; every call returns once main answered. */
export const authSessions = {
  async start(target: AuthTarget, method: AuthSessionMethod): Promise<string> {
    ensureSubscribed();
    startsInFlight += 1;
    try {
      const session = await call('auth.start', { ...target, method });
      adopt(session);
      return session.sessionId;
    } finally {
      if (--startsInFlight === 0) early.clear();
    }
  },
  async stop(sessionId: string): Promise<void> {
    forget(sessionId);
    await call('auth.stop', { sessionId });
  },
  /** Sessions a previous renderer left running (a reload) are of no use to anyone. */
  stopAll: () => call('auth.stopAll', {}),
  renew: async (sessionId: string) => adopt(await call('auth.renew', { sessionId })),
  interrupt: async (sessionId: string) => adopt(await call('auth.interrupt', { sessionId })),
  requestPairingCode: async (sessionId: string, phone: string) => adopt(await call('auth.requestPairingCode', { sessionId, phone })),
  telegram: async (sessionId: string, command: 'sendPhone' | 'sendCode' | 'sendPassword' | 'reset', value?: string) =>
    adopt(await call('auth.telegram', { sessionId, command, ...(value === undefined ? {} : { value }) })),
};

function forget(sessionId: string): void {
  early.delete(sessionId);
  useAuthSessions.setState((state) => {
    const { [sessionId]: _gone, ...rest } = state.sessions;
    return { sessions: rest };
  });
}

export const useSessionView = (sessionId: string | null) => useAuthSessions((state) => (sessionId ? state.sessions[sessionId] : undefined));
