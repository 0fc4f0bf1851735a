import type { SandboxResponse } from '../http-server';
import { failure } from './wire';
import type { ChatpushWorld } from './world';

/**
 * ⚠ Chategy/Jetapi document no rate limit. `settings.customerRequestsPerSecond` (off by default) lets benchmarks and
 * tests give the sandbox one, per client token over any second, so a client's pacing can be checked: a request over
 * it gets a 429 in the platform's failure envelope with `Retry-After: 1`. Arrival times are runtime state, kept
 * beside the world rather than in it.
 */
const arrivals = new WeakMap<ChatpushWorld, Map<number, number[]>>();

export function customerRateLimited(world: ChatpushWorld, customerId: number, now: number): SandboxResponse | null {
  const limit = world.settings.customerRequestsPerSecond;
  if (limit === null) return null;
  const byCustomer = arrivals.get(world) ?? new Map<number, number[]>();
  arrivals.set(world, byCustomer);
  const recent = (byCustomer.get(customerId) ?? []).filter((at) => at > now - 1000);
  byCustomer.set(customerId, recent);
  if (recent.length >= limit) {
    const answer = failure(429, 'Too Many Requests');
    return { ...answer, headers: { ...answer.headers, 'Retry-After': '1' } };
  }
  recent.push(now);
  return null;
}
