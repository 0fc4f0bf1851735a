import type { SandboxContext } from '../clock';
import { isoDate } from '../world-kit';
import { settleDeliveries } from './deliveries';
import { pumpOutbound } from './outbound';
import { rebaseSeededDates, settleSubscriptions } from './subscriptions';
import type { ChatpushWorld } from './world';

/**
 * What moves the simulated platform on by itself: subscriptions that renew or lapse, deliveries that change
 * status, callbacks and webhooks that get POSTed and retried. All of it is due by the sandbox clock, and is
 * applied on every request, on every clock advance, and on a short real-time tick (so the demo lives without
 * anyone asking).
 *
 * One engine per world: the servers and the controls share it, so `flush()` waits for the POSTs either started.
 */
export interface ChatpushEngine {
  now(): number;
  /** Applies everything due now and starts the POSTs that are due. */
  settle(): void;
  /** Settles, then waits until no POST is in flight (tests and controls await this instead of sleeping). */
  flush(): Promise<void>;
  /** Starts the real-time tick (idempotent). */
  start(): void;
  /** Stops the tick and aborts POSTs in flight. */
  stop(): void;
}

const TICK_MS = 250;
const engines = new WeakMap<ChatpushWorld, ChatpushEngine>();

export function chatpushEngine(world: ChatpushWorld, context: SandboxContext): ChatpushEngine {
  const existing = engines.get(world);
  if (existing) return existing;

  const inFlight = new Set<Promise<void>>();
  let closing = new AbortController();
  let tick: ReturnType<typeof setInterval> | undefined;

  /** One POST: the status, or 0 when none came back (refused, reset, timed out). */
  const post = async (url: string, body: unknown): Promise<number> => {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        redirect: 'manual',
        signal: AbortSignal.any([closing.signal, AbortSignal.timeout(world.settings.outboundTimeoutMs)]),
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.status;
    } catch {
      return 0;
    }
  };

  const settle = () => {
    const now = context.clock.now();
    const today = isoDate(now);
    rebaseSeededDates(world, today);
    settleSubscriptions(world, today);
    settleDeliveries(world, now);
    for (const attempt of pumpOutbound(world, now, post)) {
      inFlight.add(attempt);
      void attempt.finally(() => inFlight.delete(attempt));
    }
  };

  const engine: ChatpushEngine = {
    now: () => context.clock.now(),
    settle,
    async flush() {
      for (;;) {
        settle();
        if (inFlight.size === 0) return;
        await Promise.all(inFlight);
      }
    },
    start() {
      if (closing.signal.aborted) closing = new AbortController();
      tick ??= setInterval(settle, TICK_MS);
      tick.unref();
    },
    stop() {
      if (tick) clearInterval(tick);
      tick = undefined;
      closing.abort();
    },
  };
  context.clock.onAdvance(() => settle());
  engines.set(world, engine);
  return engine;
}
