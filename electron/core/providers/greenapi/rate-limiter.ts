import { defaultSleep, type Sleep } from '../http/retry';
import { documentedRps } from './documented-limits';

export interface RateLimiterOptions {
  /** The limiter's clock (default Date.now); tests pass a fake one and assert on the schedule. */
  now?: () => number;
  /**
   * The share of the documented rate the console allows itself (default 0.9): the server counts arrivals, and
   * network jitter can bunch requests that left evenly spaced.
   */
  headroom?: number;
}

export interface AcquireOptions {
  /** How to wait for the slot (the transport's sleep, so tests run without real delays). */
  sleep?: Sleep;
  signal?: AbortSignal;
  /** Not before this many ms from now: a Retry-After or a backoff step. */
  delayMs?: number;
  /**
   * Refuse (SlotTooFarError, nothing booked) rather than wait longer than this: after a long Retry-After a person
   * clicking a button should hear "try again in N s" at once, not watch a spinner for two minutes.
   */
  maxWaitMs?: number;
}

/** The next slot for this instance and method is further away than the caller is willing to wait. */
export class SlotTooFarError extends Error {
  constructor(readonly waitMs: number) {
    super(`the next request slot is ${Math.ceil(waitMs / 1000)} s away`);
    this.name = 'SlotTooFarError';
  }
}

/**
 * GREEN-API's per-instance, per-method request rate (specs/greenapi.md §8.2: "limits apply per instance"; a 51st
 * sendMessage in a second is rejected with 429, other instances carry on).
 *
 * A token bucket of depth one (GCRA): every (instance, method) key keeps only the time its next request may start,
 * and each request takes the slot `1 / rate` after the previous one. No timers are kept per instance — a caller that
 * must wait sleeps for itself — so thousands of idle instances cost one map entry each, and entries whose time has
 * passed are swept as the map grows.
 */
export class GreenApiRateLimiter {
  private readonly nextSlot = new Map<string, number>();
  private readonly now: () => number;
  private readonly headroom: number;
  private sweepAt = 1024;

  constructor(options: RateLimiterOptions = {}) {
    this.now = options.now ?? Date.now;
    this.headroom = options.headroom ?? 0.9;
  }

  /** Milliseconds between two starts of `method` on one instance. */
  intervalMs(method: string): number {
    return 1000 / (documentedRps(method) * this.headroom);
  }

  /**
   * Books the next slot for this instance and method and returns when it starts (limiter clock). Pure bookkeeping:
   * the caller waits until then.
   */
  reserve(idInstance: string, method: string, delayMs = 0): number {
    const key = keyOf(idInstance, method);
    const now = this.now();
    const at = Math.max(now + delayMs, this.nextSlot.get(key) ?? Number.NEGATIVE_INFINITY);
    this.nextSlot.set(key, at + this.intervalMs(method));
    if (this.nextSlot.size >= this.sweepAt) this.sweep(now);
    return at;
  }

  /** Books a slot and waits for it. */
  async acquire(idInstance: string, method: string, options: AcquireOptions = {}): Promise<void> {
    if (options.maxWaitMs !== undefined) {
      const earliest = Math.max(this.now() + (options.delayMs ?? 0), this.nextSlot.get(keyOf(idInstance, method)) ?? Number.NEGATIVE_INFINITY);
      if (earliest - this.now() > options.maxWaitMs) throw new SlotTooFarError(earliest - this.now());
    }
    const wait = this.reserve(idInstance, method, options.delayMs) - this.now();
    if (wait > 0) await (options.sleep ?? defaultSleep)(wait, options.signal);
  }

  /** After a 429 the provider names a wait (Retry-After) or not: nothing more starts for this key before it ends. */
  holdOff(idInstance: string, method: string, ms: number): void {
    const key = keyOf(idInstance, method);
    this.nextSlot.set(key, Math.max(this.nextSlot.get(key) ?? Number.NEGATIVE_INFINITY, this.now() + ms));
  }

  /** How many keys are tracked (for the "cheap with thousands of instances" test). */
  get size(): number {
    return this.nextSlot.size;
  }

  private sweep(now: number): void {
    for (const [key, next] of this.nextSlot) if (next <= now) this.nextSlot.delete(key);
    // Sweep again only when the map has doubled past what is still live: amortised O(1) per request.
    this.sweepAt = Math.max(1024, this.nextSlot.size * 2);
  }
}

function keyOf(idInstance: string, method: string): string {
  return `${idInstance}/${method.toLowerCase()}`;
}

/**
 * The one limiter of the main process. Services pass it to every GreenApiInstanceApi they create, so an instance's
 * budget is shared however many client objects talk to it.
 */
export const sharedGreenApiLimiter = new GreenApiRateLimiter();
