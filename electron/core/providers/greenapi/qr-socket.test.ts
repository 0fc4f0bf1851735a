import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Fault } from '../../sandbox/faults';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';
import { greenApiKit } from './greenapi-test-kit';
import { openQrSocket, QR_SCAN_TIMEOUT_MS, type GreenApiQrEvent, type QrSocketSession } from './qr-socket';

let sandbox: Sandbox;
let kit: ReturnType<typeof greenApiKit>;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 35 });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.clear();
  kit = greenApiKit(sandbox);
  greenapi().setState(id(1), 'notAuthorized');
  greenapi().setStaleAuth(id(1), false);
  greenapi().dropNotifications(id(1));
});

const id = (index: number) => sandbox.demo.greenapi[index]!.idInstance;
const greenapi = () => sandbox.controls.greenapi;

/** Opens a session and records its events; `next(type)` waits for the next event of that type. */
function watch(index: number | { idInstance: string; apiTokenInstance: string }, options: { connectTimeoutMs?: number } = {}) {
  const credentials = typeof index === 'number' ? kit.credentials(index) : { apiUrl: sandbox.urls.greenapi.apiUrl, ...index };
  const session: QrSocketSession = openQrSocket(credentials, {
    redactor: kit.redactor,
    logger: kit.logger,
    limiter: kit.limiter,
    sleep: kit.sleep,
    now: () => sandbox.clock.now(),
    ...options,
  });
  const events: GreenApiQrEvent[] = [];
  let seen = 0;
  session.on((event) => events.push(event));
  const next = async <T extends GreenApiQrEvent['type']>(type: T): Promise<Extract<GreenApiQrEvent, { type: T }>> => {
    for (let tries = 0; tries < 400; tries++) {
      const index = events.findIndex((event, position) => position >= seen && event.type === type);
      if (index >= 0) {
        seen = index + 1;
        return events[index] as Extract<GreenApiQrEvent, { type: T }>;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`no ${type} event; saw ${events.map((event) => event.type).join(', ')}`);
  };
  return { session, events, next };
}

describe('scanqrcode websocket (§2.8) against the sandbox', () => {
  it('pushes the QR code at once and a new one every 20 s; a scan ends it with accountData and links the instance', async () => {
    sandbox.state.greenapi.instances[1]!.settings.stateWebhook = 'yes';
    const { next, events, session } = watch(1);
    const open = await next('open');
    expect(open).toEqual({ type: 'open', expiresAt: expect.any(Number), timeoutMs: QR_SCAN_TIMEOUT_MS });
    const first = await next('qrCode');
    expect(Buffer.from(first.image, 'base64').subarray(1, 4).toString()).toBe('PNG');
    sandbox.clock.advance(sandbox.state.greenapi.timings.qrRefreshMs);
    const second = await next('qrCode');
    expect(second.image).not.toBe(first.image);

    const wid = greenapi().scanQr(id(1), '79001112233');
    expect(await next('accountData')).toEqual({ type: 'accountData', account: { wid, phone: '79001112233', raw: { wid, phone: '79001112233' } } });
    await next('closed');
    await session.ended;
    expect(events.map((event) => event.type)).toEqual(['open', 'qrCode', 'qrCode', 'accountData', 'closed']);
    expect(await kit.client(1).getStateInstance()).toMatchObject({ state: 'authorized' });
    expect(greenapi().queuedNotifications(id(1)).at(-1)!.body).toMatchObject({ typeWebhook: 'stateInstanceChanged', stateInstance: 'authorized' });
  });

  it('sends `timeout` after 100 s of sandbox time without a scan, and closes', async () => {
    const { next, events } = watch(1);
    await next('qrCode');
    // The sandbox clock also runs in real time, so the "not yet" check keeps a margin of seconds.
    sandbox.clock.advance(QR_SCAN_TIMEOUT_MS - 10_000);
    await next('qrCode');
    expect(events.some((event) => event.type === 'timeout')).toBe(false);
    sandbox.clock.advance(10_000);
    expect(await next('timeout')).toEqual({ type: 'timeout', message: 'timeout' });
    await next('closed');
    expect((await kit.client(1).getStateInstance()).state).toBe('notAuthorized');
  });

  it('an authorized instance gets alreadyLogged; stale auth gets the error that asks for a logout', async () => {
    const linked = watch(0);
    expect(await linked.next('alreadyLogged')).toEqual({ type: 'alreadyLogged', message: 'instance account already authorized' });
    await linked.next('closed');
    greenapi().setStaleAuth(id(1));
    const stale = watch(1);
    expect(await stale.next('error')).toEqual({ type: 'error', message: 'Instance has auth. You need to make log out', needsLogout: true });
  });

  it('a wrong token or idInstance fails with the typed error, without the token (401 / 403)', async () => {
    const token = 'a1b2c3d4e5'.repeat(5);
    const wrong = watch({ idInstance: id(1), apiTokenInstance: token });
    const failed = await wrong.next('failed');
    expect(failed.error).toMatchObject({ code: 'auth_failed', details: { status: 401, operation: 'scanqrcode', provider: 'greenapi' } });
    expect(JSON.stringify(failed.error.toShape())).not.toContain(token);
    const unknown = watch({ idInstance: '1', apiTokenInstance: token });
    expect((await unknown.next('failed')).error.code).toBe('forbidden');
    expect(kit.logger.lines.join('\n')).not.toContain(token);
  });

  it('close() from the console ends the session', async () => {
    const { next, session } = watch(1);
    await next('qrCode');
    session.close();
    expect(await next('closed')).toMatchObject({ code: 1000 });
    await session.ended;
  });
});

describe('scanqrcode websocket: injected faults on the upgrade request', () => {
  const socketPath = '/scanqrcode/';
  const cases: [name: string, fault: Fault, code: string, status?: number][] = [
    ['a bare 503', { kind: 'status', status: 503 }, 'provider_unavailable', 503],
    ['a 502 as an nginx HTML page', { kind: 'html', status: 502 }, 'html_response', 502],
    ['the documented 466 quota body (§8.1)', { kind: 'status', status: 466 }, 'quota_exceeded', 466],
    ['a TCP reset', { kind: 'reset' }, 'connection_reset'],
    ['a body fault, refused like a gateway', { kind: 'truncated' }, 'provider_unavailable', 502],
  ];
  it.each(cases)('%s ends the session with one `failed` event (%s)', async (_name, fault, code, status) => {
    sandbox.requests.clear();
    sandbox.faults.inject('greenapi', { ...fault, path: socketPath, times: 1 });
    const { next, events, session } = watch(1);
    const failed = await next('failed');
    expect(failed.error).toMatchObject({ code, details: { provider: 'greenapi', operation: 'scanqrcode', ...(status ? { status } : {}) } });
    await session.ended;
    expect(events.map((event) => event.type)).toEqual(['failed']);
    const logged = sandbox.requests.list('greenapi').filter((request) => request.path.includes('/scanqrcode/'));
    expect(logged).toEqual([expect.objectContaining({ method: 'GET', fault: fault.kind })]);
    expect(JSON.stringify(logged)).not.toContain(kit.credentials(1).apiTokenInstance);
  });

  it('a held upgrade (timeout fault) fails with `timeout` when the connect timeout runs out', async () => {
    sandbox.faults.inject('greenapi', { kind: 'timeout', path: socketPath, times: 1 });
    const { next, session } = watch(1, { connectTimeoutMs: 150 });
    expect((await next('failed')).error).toMatchObject({ code: 'timeout', details: { operation: 'scanqrcode' } });
    await session.ended;
  });

  it('latency delays the upgrade; within the connect timeout the session runs, beyond it the attempt times out', async () => {
    sandbox.faults.inject('greenapi', { kind: 'latency', ms: 40, path: socketPath, times: 1 });
    const slow = watch(1);
    await slow.next('open');
    await slow.next('qrCode');
    slow.session.close();
    await slow.session.ended;

    sandbox.faults.inject('greenapi', { kind: 'latency', ms: 2_000, path: socketPath, times: 1 });
    const stuck = watch(1, { connectTimeoutMs: 150 });
    expect((await stuck.next('failed')).error.code).toBe('timeout');
  });

  it('a 429 carries its Retry-After, and the limiter holds scanQrCode off for it (§8.2)', async () => {
    sandbox.faults.inject('greenapi', { kind: 'status', status: 429, retryAfter: 7, path: socketPath, times: 1 });
    const limited = watch(1);
    expect((await limited.next('failed')).error).toMatchObject({ code: 'rate_limited', details: { status: 429, retryAfterSeconds: 7 } });
    kit.sleeps.length = 0;
    const retried = watch(1);
    await retried.next('qrCode');
    expect(kit.sleeps).toHaveLength(1);
    expect(kit.sleeps[0]).toBeGreaterThan(6_000);
    retried.session.close();
  });

  it('the sandbox refuses a scanqrcode beyond the documented 1 per second (§8.2) with 429 and Retry-After: 1', async () => {
    expect(sandbox.state.greenapi.enforceRateLimits).toBe(true);
    const first = watch(1);
    await first.next('qrCode');
    // Its own limiter: another program asking within the same second of sandbox time.
    const other = openQrSocket(kit.credentials(1), { redactor: kit.redactor, limiter: kit.newLimiter(), sleep: kit.sleep, now: () => sandbox.clock.now() });
    const failed = await new Promise<GreenApiQrEvent>((resolve) => other.on((event) => event.type === 'failed' && resolve(event)));
    expect(failed).toMatchObject({ error: { code: 'rate_limited', details: { status: 429, retryAfterSeconds: 1 } } });
    first.session.close();
  });
});
