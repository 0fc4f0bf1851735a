import { Redactor } from '../../redactor';
import type { Sandbox } from '../../sandbox/sandbox';
import { capturingLogger } from '../test-support';
import { GreenApiInstanceApi } from './instance-api';
import { GreenApiRateLimiter } from './rate-limiter';

const limiters = new WeakMap<Sandbox, GreenApiRateLimiter>();

/**
 * One limiter per sandbox, like the app's one shared limiter: the sandbox enforces §8.2 by default, so a kit made
 * for the next test must know what the previous test's calls booked on the same instance and method.
 */
function sharedLimiterOf(sandbox: Sandbox, create: () => GreenApiRateLimiter): GreenApiRateLimiter {
  let limiter = limiters.get(sandbox);
  if (!limiter) limiters.set(sandbox, (limiter = create()));
  return limiter;
}

/**
 * Test wiring for GREEN-API clients against the sandbox in virtual time: every wait (rate-limit slot, retry delay)
 * moves the sandbox clock forward instead of sleeping, and the limiter reads the same clock, so the limiter and the
 * simulator agree about time without real delays. Use it for sequential calls: concurrent waits would all move the
 * one clock. `limiter` is the sandbox's one limiter (shared by every kit of that sandbox); `newLimiter()` makes
 * another, for "another program calls at the same time".
 */
export function greenApiKit(sandbox: Sandbox) {
  const redactor = new Redactor();
  const logger = capturingLogger();
  const sleeps: number[] = [];
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    sandbox.clock.advance(ms);
  };
  const newLimiter = () => new GreenApiRateLimiter({ now: () => sandbox.clock.now() });
  const limiter = sharedLimiterOf(sandbox, newLimiter);
  const transport = { redactor, logger, timeoutMs: 5000, retry: { sleep, random: () => 0.5 } };
  const credentials = (index: number) => ({
    apiUrl: sandbox.urls.greenapi.apiUrl,
    mediaUrl: sandbox.urls.greenapi.mediaUrl,
    ...sandbox.demo.greenapi[index]!,
  });
  /** A client for demo instance `index` (or any credentials), sharing the kit's limiter unless given another. */
  const client = (instance: number | { idInstance: string; apiTokenInstance: string }, options: { limiter?: GreenApiRateLimiter } = {}) =>
    new GreenApiInstanceApi(
      typeof instance === 'number' ? credentials(instance) : { apiUrl: sandbox.urls.greenapi.apiUrl, mediaUrl: sandbox.urls.greenapi.mediaUrl, ...instance },
      transport,
      { limiter: options.limiter ?? limiter },
    );
  return { client, credentials, redactor, logger, sleeps, sleep, limiter, newLimiter, transport };
}

/** Resolves once the sandbox has seen a request whose path contains `fragment` (the request is then being held). */
export async function requestSeen(sandbox: Sandbox, fragment: string, count = 1): Promise<void> {
  for (let tries = 0; tries < 500; tries++) {
    if (sandbox.requests.list('greenapi').filter((request) => request.path.includes(fragment)).length >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`the sandbox never saw a request for ${fragment}`);
}

/** The smallest valid JPEG header and then some bytes: enough for the client's and the sandbox's checks. */
export const JPEG_BYTES = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

export { rejection } from '../test-support';
