import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConnectionTestResultSchema } from '../../../shared/accounts';
import { Redactor } from '../redactor';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';
import { concurrencyLimit } from './check-runner';
import { testAccountConnection } from './connection-test';
import { capturingLogger, draftFor, instantRetry } from './test-support';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 11 });
  // The checks run with instant retry sleeps, which also skip the GREEN-API limiter's waits (§8.2): test after test
  // asks the same instances at once, so the sandbox's own rate enforcement is switched off here.
  sandbox.state.greenapi.enforceRateLimits = false;
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.requests.clear();
});

const options = () => ({ redactor: new Redactor(), timeoutMs: 2000, retry: instantRetry().retry });
const facts = (check: { facts: { key: string; value: string }[] }) => Object.fromEntries(check.facts.map((f) => [f.key, f.value]));

describe('testAccountConnection against the sandbox', () => {
  it('chatpush: developer key and every client token pass, with instances, balance and customer id', async () => {
    const result = await testAccountConnection(draftFor(sandbox, 'chatpush'), options());
    expect(ConnectionTestResultSchema.parse(result)).toEqual(result);
    expect(result.ok).toBe(true);
    expect(result.checks.map((c) => c.kind)).toEqual(['developerKey', 'clientToken', 'clientToken', 'clientToken', 'clientToken']);
    expect(facts(result.checks[0]!)).toEqual({ instances: '12' });
    const first = sandbox.state.chatpush.instances[0]!;
    expect(facts(result.checks[1]!)).toEqual({ balance: first.account.totalAmount, customerId: String(first.customerId) });
    expect(result.checks[1]!.label).toBe('Sales desk');
    // The demo's last token is the developer's own account: the balance renewals are paid from.
    const master = result.checks[4]!;
    expect(master.label).toBe('Master account');
    expect(facts(master)).toEqual({ balance: sandbox.state.chatpush.developer.totalAmount, customerId: String(sandbox.state.chatpush.developer.customerId) });
    for (const check of result.checks) expect(check.latencyMs).toBeGreaterThanOrEqual(0);
    // §2: list instances asked for one item only.
    expect(sandbox.requests.list('chatpush')[0]!.path).toContain('per_page=1');
  });

  it('chatpush: a wrong api_key and a wrong client token fail with auth_failed, the rest still pass', async () => {
    const draft = draftFor(sandbox, 'chatpush');
    draft.apiKey = 'not-the-developer-key';
    draft.clientTokens[1]!.token = 'eyJhbGciOiJIUzI1NiJ9.eyJjdXN0b21lcl9pZCI6MX0.forged-signature';
    const result = await testAccountConnection(draft, options());
    expect(result.ok).toBe(false);
    expect(result.checks.map((c) => c.ok)).toEqual([false, true, false, true, true]);
    const developer = result.checks[0]!.error!;
    expect(developer.code).toBe('auth_failed');
    expect(developer.details).toMatchObject({ provider: 'chatpush', operation: 'listInstances', status: 401, providerMessage: 'Not authorized!' });
    expect(developer.message).toMatch(/rejected the developer api_key \(401\) while listing the developer instances on 127\.0\.0\.1:\d+/);
    expect(result.checks[2]!.error!.code).toBe('auth_failed');
  });

  it('greenapi: each instance reports its state; the `null` body of a new instance is "creating"', async () => {
    const result = await testAccountConnection(draftFor(sandbox, 'greenapi'), options());
    expect(result.ok).toBe(true);
    expect(result.checks.map((c) => facts(c).state)).toEqual(['authorized', 'notAuthorized', 'starting', 'creating']);
    expect(result.checks.map((c) => c.kind)).toEqual(['instance', 'instance', 'instance', 'instance']);
  });

  it('names each check by its kind and subject: a label typed stays as typed, else the idInstance or position', async () => {
    const draft = draftFor(sandbox, 'greenapi');
    draft.instances[0]!.label = 'Instance of the front desk';
    draft.instances[1]!.label = '';
    const result = await testAccountConnection(draft, options());
    expect(result.checks[0]).toMatchObject({ kind: 'instance', label: 'Instance of the front desk', subject: 'Instance of the front desk' });
    const id = draft.instances[1]!.idInstance;
    expect(result.checks[1]).toMatchObject({ kind: 'instance', label: `Instance ${id}`, subject: id });

    const chatpush = draftFor(sandbox, 'chatpush');
    chatpush.clientTokens[1]!.label = '';
    const tokens = await testAccountConnection(chatpush, options());
    expect(tokens.checks[0]).toMatchObject({ kind: 'developerKey', label: 'Developer api_key', subject: '' });
    expect(tokens.checks[2]).toMatchObject({ kind: 'clientToken', label: 'Client token 2', subject: '2' });
  });

  it('greenapi: wrong token → auth_failed (401), unknown idInstance → forbidden (403)', async () => {
    const draft = draftFor(sandbox, 'greenapi');
    draft.instances[0]!.apiTokenInstance = 'f'.repeat(50);
    draft.instances[1]!.idInstance = '1234';
    const result = await testAccountConnection(draft, options());
    expect(result.ok).toBe(false);
    const [wrongToken, unknownId] = result.checks;
    expect(wrongToken!.error).toMatchObject({ code: 'auth_failed', details: { status: 401, operation: 'getStateInstance' } });
    expect(wrongToken!.error!.message).toMatch(
      /^GREEN-API rejected the instance token \(401\) while reading the instance state of instance \d+ on 127\.0\.0\.1:\d+\. Check apiTokenInstance\.$/,
    );
    // The provider's bare "Unauthorized" only restates the status: kept in details, left out of the sentence.
    expect(wrongToken!.error!.details!.providerMessage).toBe('Unauthorized');
    expect(unknownId!.error).toMatchObject({ code: 'forbidden', details: { status: 403 } });
    expect(unknownId!.error!.message).toContain('Check idInstance');
    expect(result.checks[2]!.ok).toBe(true);
  });

  it('greenapi: the instance token never appears in messages, details or logs (canary)', async () => {
    const draft = draftFor(sandbox, 'greenapi');
    const canary = draft.instances.map((i) => i.apiTokenInstance);
    const logger = capturingLogger();
    const run = async () => {
      const result = await testAccountConnection(draft, { ...options(), timeoutMs: 300, logger });
      return JSON.stringify(result);
    };
    const outputs: string[] = [];
    sandbox.faults.inject('greenapi', { kind: 'status', status: 401 });
    outputs.push(await run());
    sandbox.faults.clear();
    for (const fault of [
      { kind: 'html' as const },
      { kind: 'timeout' as const },
      { kind: 'reset' as const },
      { kind: 'truncated' as const },
      { kind: 'notJson' as const },
      { kind: 'status' as const, status: 466 },
      { kind: 'status' as const, status: 400, body: `bad request data for ${canary[0]}` },
    ]) {
      sandbox.faults.inject('greenapi', fault);
      outputs.push(await run());
      sandbox.faults.clear();
    }
    const everything = [...outputs, ...logger.lines].join('\n');
    for (const token of canary) expect(everything).not.toContain(token);
    // Built from host and operation, not redacted after the fact: no mask appears except where the provider echoed it.
    expect(outputs.slice(0, -1).join('\n')).not.toContain('••••');
    expect(outputs.at(-1)).toContain('bad request data for ••••');
  });

  it('chat2desk: api_info gives apiMode and requestsLeft; a wrong token is auth_failed', async () => {
    const result = await testAccountConnection(draftFor(sandbox, 'chat2desk'), options());
    expect(result.ok).toBe(true);
    const calls = sandbox.state.chat2desk.company.apiCalls;
    expect(facts(result.checks[0]!)).toMatchObject({
      apiMode: 'standard',
      requestsLeft: String(calls.leftFreeRequests + calls.leftPaidRequests),
    });

    const draft = draftFor(sandbox, 'chat2desk');
    draft.apiToken = 'wrong-token';
    const failed = await testAccountConnection(draft, options());
    expect(failed.checks[0]!.error).toMatchObject({ code: 'auth_failed', details: { providerMessage: 'Invalid API token' } });
  });

  it('chatti: the probe reports status 200 and the total; a wrong key is auth_failed', async () => {
    const result = await testAccountConnection(draftFor(sandbox, 'chatti'), options());
    expect(result.ok).toBe(true);
    expect(facts(result.checks[0]!)).toEqual({ status: '200', total: '27' });

    const draft = draftFor(sandbox, 'chatti');
    draft.apiKey = 'wrong-key-123';
    const failed = await testAccountConnection(draft, options());
    expect(failed.ok).toBe(false);
    expect(failed.checks[0]!.error!.code).toBe('auth_failed');
  });

  it('a cancelled test reports cancelled checks instead of throwing', async () => {
    sandbox.faults.inject('chat2desk', { kind: 'timeout' });
    const controller = new AbortController();
    const pending = testAccountConnection(draftFor(sandbox, 'chat2desk'), { ...options(), signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const result = await pending;
    expect(result.checks[0]!.error!.code).toBe('cancelled');
  });

  it('tests a big GREEN-API list, one check per instance, every instance asked once', async () => {
    // Distinct instances: GREEN-API's limit is per instance (§8.2), so one instance repeated 20 times would only
    // measure the rate limiter. The cap of 8 at a time is concurrencyLimit's own test below.
    const seeded = sandbox.controls.greenapi.seedInstances(20, { state: 'authorized' });
    const draft = draftFor(sandbox, 'greenapi');
    draft.instances = seeded.map((instance) => ({ ...draft.instances[0]!, ...instance }));
    sandbox.faults.inject('greenapi', { kind: 'latency', ms: 80 });
    sandbox.requests.clear();
    const result = await testAccountConnection(draft, options());
    expect(result.ok).toBe(true);
    expect(result.checks).toHaveLength(20);
    expect(result.checks.every((check) => facts(check).state === 'authorized')).toBe(true);
    expect(sandbox.requests.list('greenapi')).toHaveLength(20);
  });
});

describe('concurrencyLimit', () => {
  it('never runs more than the cap at once and runs everything', async () => {
    const limit = concurrencyLimit(3);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        limit(async () => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((resolve) => setTimeout(resolve, 5));
          running--;
          return i;
        }),
      ),
    );
    expect(results).toEqual([...Array(10).keys()]);
    expect(peak).toBe(3);
  });
});
