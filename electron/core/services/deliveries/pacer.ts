import { AppError } from '../../app-error';
import { defaultSleep as sleep } from '../../providers/http/retry';

export interface PacingOptions {
  /** Requests in flight at once. */
  maxInFlight: number;
  /** Request starts per second at most; halved on every 429, then grows back by one per success. */
  maxPerSecond: number;
  /** The floor the rate never falls below after 429s. */
  minPerSecond: number;
  /** How often one item is tried again after a 429 before it is reported as rate-limited. */
  maxRetries: number;
}

/**
 * Chategy/Jetapi document no rate limit (spec §8: "unspecified"), so bulk lookups pace themselves: a fixed number
 * of requests in flight (with 50 ms per request that alone gives about 20 × one-at-a-time), starts spaced out to a
 * ceiling per second, and on a 429 the rate is halved and everyone pauses for Retry-After (AIMD, as TCP does).
 * The defaults stay below what the platform's nginx front is seen to allow, so a normal run gets no 429 at all.
 */
export const DEFAULT_PACING: PacingOptions = { maxInFlight: 20, maxPerSecond: 300, minPerSecond: 2, maxRetries: 4 };

export interface PacedOutcome<T> {
  results: T[];
  /** 429 answers that reached the pacer (the transport may already have absorbed some). */
  rateLimited: number;
}

/**
 * Runs `work` over every item with the pacing above and returns the results in item order. `work` must not throw
 * except for a rate limit (AppError `rate_limited`), which is retried later; cancellation stops new starts and
 * rethrows the cancel. An item still refused after `maxRetries` goes to `onRateLimited`, or fails the whole run.
 */
export async function runPaced<I, T>(
  items: readonly I[],
  work: (item: I) => Promise<T>,
  options: { pacing?: Partial<PacingOptions>; signal?: AbortSignal; onRateLimited?: (item: I) => T } = {},
): Promise<PacedOutcome<T>> {
  const pacing = { ...DEFAULT_PACING, ...options.pacing };
  const results = new Array<T>(items.length);
  const queue = items.map((item, index) => ({ item, index, tries: 0 }));
  let rate = pacing.maxPerSecond;
  let nextStart = 0;
  let pausedUntil = 0;
  let rateLimited = 0;

  const turn = async () => {
    // Each start books the next slot, so concurrent workers space themselves out without a timer per request.
    const now = Date.now();
    const at = Math.max(now, nextStart, pausedUntil);
    nextStart = at + 1000 / rate;
    if (at > now) await sleep(at - now, options.signal);
  };

  const worker = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      options.signal?.throwIfAborted();
      await turn();
      try {
        results[entry.index] = await work(entry.item);
        rate = Math.min(pacing.maxPerSecond, rate + 1);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'rate_limited') throw error;
        rateLimited += 1;
        rate = Math.max(pacing.minPerSecond, rate / 2);
        pausedUntil = Math.max(pausedUntil, Date.now() + (error.details.retryAfterSeconds ?? 1) * 1000);
        entry.tries += 1;
        if (entry.tries <= pacing.maxRetries) queue.push(entry);
        else if (options.onRateLimited) results[entry.index] = options.onRateLimited(entry.item);
        else throw error;
      }
    }
  };

  await Promise.all(Array.from({ length: Math.max(1, Math.min(pacing.maxInFlight, items.length)) }, worker));
  options.signal?.throwIfAborted();
  return { results, rateLimited };
}
