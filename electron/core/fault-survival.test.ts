import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderId } from '../../shared/providers';
import type { Fault } from './sandbox/faults';
import { startTestCore } from './testing/test-core';

/**
 * Fault survival through the whole core, as the Accounts screen drives it: every fault the sandbox can inject, on
 * every provider, comes back as a specific typed error (never "internal"), and once the fault is gone the same
 * call works again with nothing re-entered. Reads are retried where safe, so some faults heal within one call.
 */
let core: Awaited<ReturnType<typeof startTestCore>>;
let accounts: Record<ProviderId, string>;

beforeAll(async () => {
  core = await startTestCore({ providerTimeoutMs: 400 });
  const created = await core.call('demo.create');
  accounts = Object.fromEntries(created.map((a: { provider: ProviderId; id: string }) => [a.provider, a.id])) as Record<ProviderId, string>;
}, 60_000);
afterAll(() => core.dispose());

const FAULTS: { name: string; fault: Fault; expected: string[]; holdsGreenApi?: boolean }[] = [
  { name: '401', fault: { kind: 'status', status: 401 }, expected: ['auth_failed'] },
  { name: '403', fault: { kind: 'status', status: 403 }, expected: ['forbidden', 'auth_failed', 'quota_exceeded'] },
  { name: '404', fault: { kind: 'status', status: 404 }, expected: ['provider_not_found'] },
  { name: '422', fault: { kind: 'status', status: 422 }, expected: ['provider_validation'] },
  { name: '466', fault: { kind: 'status', status: 466 }, expected: ['quota_exceeded', 'provider_error'] },
  { name: '500', fault: { kind: 'status', status: 500 }, expected: ['provider_unavailable'] },
  { name: '502 as an HTML page', fault: { kind: 'html', status: 502 }, expected: ['html_response', 'provider_unavailable'] },
  { name: 'a timeout', fault: { kind: 'timeout' }, expected: ['timeout'] },
  { name: 'a connection reset', fault: { kind: 'reset' }, expected: ['connection_reset'] },
  // Half of GREEN-API's bare `null` (an instance being created) is `nu`, which no longer looks like JSON at all.
  { name: 'truncated JSON', fault: { kind: 'truncated' }, expected: ['truncated_json', 'not_json'] },
  { name: 'a body that is not JSON', fault: { kind: 'notJson' }, expected: ['not_json'] },
  // Last, because GREEN-API's limiter then holds that instance for the full 120 s (§8.2), answering "try again in N s" at once.
  { name: '429 with Retry-After over the cap', fault: { kind: 'status', status: 429, retryAfter: 120 }, expected: ['rate_limited'], holdsGreenApi: true },
];
const PROVIDERS: ProviderId[] = ['chatpush', 'greenapi', 'chat2desk', 'chatti'];

describe.each(PROVIDERS)('%s survives', (provider) => {
  it('a 429 with a short Retry-After is waited out within the same call', async () => {
    const sandbox = await core.core.sandboxReady();
    sandbox.faults.inject(provider, { kind: 'status', status: 429, retryAfter: 1, times: 1 });
    const result = await core.call('accounts.test', { id: accounts[provider] });
    sandbox.faults.clear(provider);
    expect(result.ok).toBe(true);
  }, 30_000);

  it.each(FAULTS)('$name', async ({ fault, expected, holdsGreenApi }) => {
    const sandbox = await core.core.sandboxReady();
    sandbox.faults.inject(provider, fault);
    try {
      const failed = await core.call('accounts.test', { id: accounts[provider] });
      expect(failed.ok).toBe(false);
      const codes = failed.checks.filter((check: { ok: boolean }) => !check.ok).map((check: { error: { code: string } }) => check.error.code);
      expect(codes.length).toBeGreaterThan(0);
      for (const code of codes) expect(expected).toContain(code);
      for (const check of failed.checks) if (check.error) expect(check.error.message.length).toBeGreaterThan(20);
    } finally {
      sandbox.faults.clear(provider);
    }
    const recovered = await core.call('accounts.test', { id: accounts[provider] });
    if (holdsGreenApi && provider === 'greenapi') {
      expect(recovered.checks.every((check: { error?: { code: string; details?: { retryAfterSeconds?: number } } }) => check.error?.code === 'rate_limited' && (check.error.details?.retryAfterSeconds ?? 0) > 60)).toBe(true);
    } else {
      expect(recovered.ok).toBe(true);
    }
  }, 30_000);
});
