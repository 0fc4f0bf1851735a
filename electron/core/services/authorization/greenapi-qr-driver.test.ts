import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthEvent } from '../../../../shared/auth';
import { AppError } from '../../app-error';
import { silentLogger } from '../../log';
import { GreenApiInstanceApi, GreenApiRateLimiter, openQrSocket, type GreenApiQrEvent, type QrSocketSession } from '../../providers/greenapi';
import { Redactor } from '../../redactor';
import { startSandbox, type Sandbox } from '../../sandbox';
import { GreenApiQrDriver, type GreenApiQrOptions } from './greenapi-qr-driver';
import { initialAuthState, SessionChannel } from './session-channel';
import { realWait } from './session-driver';

/**
 * The GREEN-API QR driver against the sandbox with its scan window shortened: windows that close by themselves,
 * the stale-auth error, and the HTTP fallback when the socket cannot be opened.
 */
let sandbox: Sandbox;
let driver: GreenApiQrDriver | undefined;
beforeEach(async () => {
  sandbox = await startSandbox({ seed: 5 });
});
afterEach(async () => {
  await driver?.stop();
  await sandbox.close();
});

function setUp(options: Partial<GreenApiQrOptions>, openSocket?: (signal: AbortSignal) => QrSocketSession) {
  const redactor = new Redactor();
  const demo = sandbox.demo.greenapi[1]!; // notAuthorized
  const credentials = { ...demo, ...sandbox.urls.greenapi };
  const limiter = new GreenApiRateLimiter();
  const events: AuthEvent[] = [];
  const channel = new SessionChannel('s1', (event) => events.push(event), Date.now, initialAuthState('connecting'));
  driver = new GreenApiQrDriver({
    channel,
    api: new GreenApiInstanceApi(credentials, { redactor }, { limiter }),
    openSocket: openSocket ?? ((signal) => openQrSocket(credentials, { redactor, signal, limiter })),
    wait: realWait,
    now: Date.now,
    log: silentLogger,
    options,
  });
  const phases = () => events.flatMap((event) => (event.type === 'state' ? [event.state.phase] : []));
  return { channel, events, phases, idInstance: demo.idInstance };
}

const until = async (condition: () => boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const socketOpenings = () => sandbox.requests.list('greenapi').filter((request) => request.path.includes('/scanqrcode/')).length;

describe('GREEN-API QR driver', () => {
  it('reopens a scan window that closed by itself, then asks for a click', async () => {
    sandbox.state.greenapi.timings.qrSocketTimeoutMs = 300;
    const { channel, phases } = setUp({ autoRenewals: 1 });
    driver!.start();
    await until(() => channel.current.phase === 'expired');
    expect(socketOpenings()).toBe(2);
    expect(channel.current).toMatchObject({ problem: 'qr_timeout', actions: ['newCode'] });
    expect(phases()).toContain('showing_qr');

    sandbox.state.greenapi.timings.qrSocketTimeoutMs = 100_000;
    await driver!.renew();
    await until(() => channel.current.phase === 'showing_qr');
  });

  it('says it is reconnecting when the socket drops mid-QR, then shows a code from a new socket by itself', async () => {
    const { channel, phases, idInstance } = setUp({});
    driver!.start();
    await until(() => channel.current.phase === 'showing_qr');
    expect(sandbox.controls.greenapi.dropQrSockets(idInstance)).toBe(1);
    await until(() => channel.current.phase === 'reconnecting');
    await until(() => channel.current.phase === 'showing_qr');
    expect(socketOpenings()).toBe(2);
    expect(phases().slice(-3)).toEqual(['reconnecting', 'waiting_for_qr', 'showing_qr']);
  });

  it('turns the stale-auth error into an offer to log out', async () => {
    const { channel, idInstance } = setUp({});
    sandbox.controls.greenapi.setStaleAuth(idInstance);
    driver!.start();
    await until(() => channel.current.phase === 'needs_logout');
    expect(channel.current).toMatchObject({ problem: 'needs_logout', actions: ['logout'] });
  });

  it('falls back to HTTP polling when the socket cannot be opened, and confirms the scan by state', async () => {
    const refused = (): QrSocketSession => {
      const listeners = new Set<(event: GreenApiQrEvent) => void>();
      queueMicrotask(() => {
        const error = new AppError('connection_refused', 'GREEN-API refused the connection.', { provider: 'greenapi' });
        for (const listener of listeners) listener({ type: 'failed', error });
      });
      return { on: (listener) => (listeners.add(listener), () => listeners.delete(listener)), close() {}, ended: new Promise(() => {}) };
    };
    const { channel, events, idInstance } = setUp({ socketRetries: 0, pollIntervalMs: 50, confirmPollMs: 50 }, refused);
    driver!.start();
    await until(() => events.some((event) => event.type === 'qr'));
    expect(channel.current).toMatchObject({ transport: 'http', phase: 'showing_qr' });
    expect(events.find((event) => event.type === 'qr')).toMatchObject({ qr: { format: 'png', lifetimeMs: 20_000 } });

    sandbox.controls.greenapi.scanQr(idInstance);
    await until(() => channel.ended === 'authorized');
    expect(channel.current.phase).toBe('authorized');
  });

  it('stops with the credentials named when the token is refused', async () => {
    const { channel } = setUp({});
    sandbox.state.greenapi.instances[1]!.apiTokenInstance = 'not-the-token-anymore';
    driver!.start();
    await until(() => channel.current.phase === 'failed');
    expect(channel.current).toMatchObject({ problem: 'credentials', error: { code: 'auth_failed' }, actions: ['retry'] });
  });
});
