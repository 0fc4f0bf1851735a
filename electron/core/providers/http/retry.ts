/** Waits `ms`, or rejects as soon as `signal` aborts. Tests inject their own to run without real delays. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RetryOptions {
  /** Attempts in total, the first included (default 3). Only idempotent calls ever get more than one. */
  maxAttempts?: number;
  /**
   * Attempts in total, the first included, for a read whose last answer had this status; undefined keeps the
   * default (maxAttempts for RETRYABLE_STATUSES, one for any other status). Where a provider's document sets its
   * own count, e.g. GREEN-API §8.3: "repeat a 502 three times". Writes still get one attempt.
   */
  attemptsFor?: (status: number) => number | undefined;
  /** First backoff step (default 300 ms); it doubles per attempt, with jitter. */
  baseDelayMs?: number;
  /** Ceiling for one backoff step (default 5 s). */
  maxDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the call fails with rate_limited at once (default 30 s). */
  maxRetryAfterSeconds?: number;
  sleep?: Sleep;
  /** 0 ≤ x < 1; injectable so tests can pin the jitter. */
  random?: () => number;
  /** Clock used to read Retry-After given as an HTTP date. */
  now?: () => number;
}

export type RetryPolicy = Required<RetryOptions>;

export const defaultSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export function retryPolicy(options: RetryOptions = {}): RetryPolicy {
  return {
    maxAttempts: Math.max(1, Math.floor(options.maxAttempts ?? 3)),
    attemptsFor: options.attemptsFor ?? (() => undefined),
    baseDelayMs: options.baseDelayMs ?? 300,
    maxDelayMs: options.maxDelayMs ?? 5_000,
    maxRetryAfterSeconds: options.maxRetryAfterSeconds ?? 30,
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
  };
}

/**
 * How many attempts in total a read may take, judged after a failed one: the provider's count for the status if it
 * documents one, else maxAttempts when the failure is worth another try (`retryable`: a timeout, a dropped
 * connection, a RETRYABLE_STATUSES answer), else one.
 */
export function attemptsAllowed(policy: RetryPolicy, status: number | undefined, retryable: boolean): number {
  const documented = status === undefined ? undefined : policy.attemptsFor(status);
  return Math.max(1, Math.floor(documented ?? (retryable ? policy.maxAttempts : 1)));
}

/** Exponential backoff with "equal jitter": half the step is fixed, half random, so retries spread out. */
export function backoffDelay(policy: RetryPolicy, failedAttempt: number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempt - 1));
  return Math.round(step / 2 + policy.random() * (step / 2));
}

/** RFC 9110 §10.2.3: delay-seconds or an HTTP date. Returns whole seconds, or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** The statuses worth another try for a read: throttling and gateway trouble. A plain 500 is not retried. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);
