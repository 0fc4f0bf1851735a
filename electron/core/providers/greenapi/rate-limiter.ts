import { defaultSleep, type Sleep } from '../http/retry';
import { DOCUMENTED_RPS, documentedRps } from './documented-limits';

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
 *
 * Spacing the starts is not enough on its own: the server counts arrivals, and a request that left on a new
 * connection (a TLS handshake, a busy event loop) can arrive late while the next one, on a warm connection, arrives
 * at once — two 1-RPS reads a second apart by their starts arrived 990 ms apart against the sandbox and drew a 429.
 * So callers also report when a request was answered (`answered`): the server saw it by then at the latest, and the
 * request that would be one too many in a window with it does not start before that answer plus the window.
 */
export class GreenApiRateLimiter {
  private readonly nextSlot = new Map<string, number>();
  /** Per key, the times of the latest answers (ascending), at most as many as one window allows. */
  private readonly answers = new Map<string, number[]>();
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
    const at = Math.max(now + delayMs, this.nextSlot.get(key) ?? Number.NEGATIVE_INFINITY, this.answeredFloor(key, method));
    this.nextSlot.set(key, at + this.intervalMs(method));
    if (this.nextSlot.size + this.answers.size >= this.sweepAt) this.sweep(now);
    return at;
  }

  /**
   * A request of this key was answered (or failed, or timed out) now. Calls that never report stay spaced by their
   * starts alone.
   */
  answered(idInstance: string, method: string): void {
    const key = keyOf(idInstance, method);
    const list = this.answers.get(key) ?? [];
    list.push(this.now());
    const { allowed } = windowOf(method);
    if (list.length > allowed) list.splice(0, list.length - allowed);
    this.answers.set(key, list);
  }

  /** Books a slot and waits for it. */
  async acquire(idInstance: string, method: string, options: AcquireOptions = {}): Promise<void> {
    const key = keyOf(idInstance, method);
    if (options.maxWaitMs !== undefined) {
      const earliest = Math.max(
        this.now() + (options.delayMs ?? 0),
        this.nextSlot.get(key) ?? Number.NEGATIVE_INFINITY,
        this.answeredFloor(key, method),
      );
      if (earliest - this.now() > options.maxWaitMs) throw new SlotTooFarError(earliest - this.now());
    }
    let at = this.reserve(idInstance, method, options.delayMs);
    for (let rebooked = 0; ; rebooked++) {
      const wait = at - this.now();
      if (wait > 0) await (options.sleep ?? defaultSleep)(wait, options.signal);
      // An answer that came in while this caller slept may have moved the floor past its slot: it books again (a
      // fresh slot, so callers who wake together do not all go at the floor). A sleep that did not move this clock
      // (a test skipping waits) is taken at its word, and a few re-bookings are enough: neither may spin.
      const now = this.now();
      if (now < at || rebooked >= MAX_REBOOKINGS || this.answeredFloor(key, method) <= now) return;
      at = this.reserve(idInstance, method);
    }
  }

  /** After a 429 the provider names a wait (Retry-After) or not: nothing more starts for this key before it ends. */
  holdOff(idInstance: string, method: string, ms: number): void {
    const key = keyOf(idInstance, method);
    this.nextSlot.set(key, Math.max(this.nextSlot.get(key) ?? Number.NEGATIVE_INFINITY, this.now() + ms));
  }

  /** How many keys are tracked (for the "cheap with thousands of instances" test). */
  get size(): number {
    return this.nextSlot.size + this.answers.size;
  }

  /** Not before this: the oldest answer that still counts in a full window, plus the window. */
  private answeredFloor(key: string, method: string): number {
    const list = this.answers.get(key);
    const { allowed, windowMs } = windowOf(method);
    return list && list.length >= allowed ? list[list.length - allowed]! + windowMs : Number.NEGATIVE_INFINITY;
  }

  private sweep(now: number): void {
    for (const [key, next] of this.nextSlot) if (next <= now) this.nextSlot.delete(key);
    // An answer older than the longest window (10 s, setProfilePicture) no longer holds anything back.
    for (const [key, list] of this.answers) if (list.at(-1)! + LONGEST_WINDOW_MS <= now) this.answers.delete(key);
    // Sweep again only when the maps have doubled past what is still live: amortised O(1) per request.
    this.sweepAt = Math.max(1024, (this.nextSlot.size + this.answers.size) * 2);
  }
}

/** How often one caller books again after a later answer moved the floor (each time a full interval later). */
const MAX_REBOOKINGS = 3;

/** The server's window for a method (§8.2): `allowed` requests in `windowMs` (0.1 RPS: one in 10 s), as the sandbox counts. */
function windowOf(method: string): { allowed: number; windowMs: number } {
  const rps = documentedRps(method);
  return { allowed: Math.max(1, Math.floor(rps)), windowMs: rps >= 1 ? 1000 : 1000 / rps };
}

const LONGEST_WINDOW_MS = Math.max(...Object.values(DOCUMENTED_RPS).map((rps) => (rps >= 1 ? 1000 : 1000 / rps)));

function keyOf(idInstance: string, method: string): string {
  return `${idInstance}/${method.toLowerCase()}`;
}

/**
 * The one limiter of the main process. Services pass it to every GreenApiInstanceApi they create, so an instance's
 * budget is shared however many client objects talk to it.
 */
export const sharedGreenApiLimiter = new GreenApiRateLimiter();
