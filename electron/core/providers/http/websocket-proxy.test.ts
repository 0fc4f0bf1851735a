import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Redactor } from '../../redactor';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';
import type { PhoenixTiming } from '../chatpush/phoenix/channel-connection';
import { TelegramLoginSession, type TelegramLoginEvent } from '../chatpush/phoenix/telegram-login-session';
import { EventRecorder } from '../chatpush/phoenix/test-support';
import { WhatsAppQrSession, type WhatsAppQrEvent } from '../chatpush/phoenix/whatsapp-qr-session';
import { greenApiKit } from '../greenapi/greenapi-test-kit';
import { openQrSocket, type GreenApiQrEvent } from '../greenapi/qr-socket';
import { capturingLogger } from '../test-support';
import type { ProxyConfig } from './proxy';
import { startTestProxy, type TestProxy } from './test-proxy';

/**
 * The QR and Telegram websockets through a real CONNECT proxy on loopback (test-proxy.ts): the Phoenix sockets of
 * Chategy/Jetapi and GREEN-API's scanqrcode, against the sandbox. The sandbox is on loopback, which goes direct unless
 * the setting's bypass list says `<-loopback>`; a made-up host name that only the test proxy resolves proves the
 * other way round that a socket went through it.
 */
const PASSWORD = 'ws-proxy-pass-789';
const FAST: Partial<PhoenixTiming> = { heartbeatIntervalMs: 500, reconnectBaseDelayMs: 10, reconnectMaxDelayMs: 40, replyTimeoutMs: 2_000 };

let sandbox: Sandbox;
let proxy: TestProxy;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 41 });
  sandbox.controls.chatpush.setSocketTimings({ whatsappPushMs: 10, telegramPushMs: 20 });
  proxy = await startTestProxy({ requireAuth: `ops:${PASSWORD}` });
});
afterAll(async () => {
  await proxy.close();
  await sandbox.close();
});
beforeEach(() => proxy.reset());

const setting = (password: string, noProxy = '<-loopback>'): ProxyConfig => ({ mode: 'explicit', url: proxy.url(), username: 'ops', password, noProxy });
const port = (url: string) => new URL(url).port;

describe('GREEN-API scanqrcode through the proxy', () => {
  // One kit for the block: its limiter spaces the sockets out as GREEN-API asks (1 scanqrcode per second, §8.2).
  let kit: ReturnType<typeof greenApiKit>;
  beforeAll(() => {
    kit = greenApiKit(sandbox);
  });
  beforeEach(() => {
    kit.logger.lines.length = 0;
    sandbox.controls.greenapi.setState(sandbox.demo.greenapi[1]!.idInstance, 'notAuthorized');
  });

  function watch(proxySource: ProxyConfig, apiUrl = sandbox.urls.greenapi.apiUrl) {
    const session = openQrSocket({ ...kit.credentials(1), apiUrl }, { redactor: kit.redactor, logger: kit.logger, limiter: kit.limiter, sleep: kit.sleep, proxy: proxySource });
    const recorder = new EventRecorder<GreenApiQrEvent>((listener) => session.on(listener));
    return { session, recorder };
  }

  it('the app setting tunnels the socket (CONNECT with the credentials) and the QR code arrives', async () => {
    const { session, recorder } = watch(setting(PASSWORD));
    await recorder.next((event) => event.type === 'open');
    await recorder.next((event) => event.type === 'qrCode');
    expect(proxy.tunnels).toBe(1);
    expect(proxy.seen).toEqual([{ method: 'CONNECT', target: `127.0.0.1:${port(sandbox.urls.greenapi.apiUrl)}`, auth: `ops:${PASSWORD}` }]);
    session.close();
    await session.ended;
  });

  it('HTTP_PROXY from the environment carries a ws:// socket to a host only the proxy can resolve', async () => {
    const apiUrl = `http://greenapi.sandbox.invalid:${port(sandbox.urls.greenapi.apiUrl)}`;
    const { session, recorder } = watch({ mode: 'environment', env: { HTTP_PROXY: proxy.url(`ops:${PASSWORD}`) } }, apiUrl);
    await recorder.next((event) => event.type === 'qrCode');
    expect(proxy.tunnels).toBe(1);
    session.close();
    await session.ended;
  });

  it('the bypass list is honoured: that host goes direct, and the proxy is not asked', async () => {
    const apiUrl = `http://greenapi.sandbox.invalid:${port(sandbox.urls.greenapi.apiUrl)}`;
    const { recorder } = watch(setting(PASSWORD, '<-loopback>, sandbox.invalid'), apiUrl);
    const failed = await recorder.next((event): event is Extract<GreenApiQrEvent, { type: 'failed' }> => event.type === 'failed');
    // Direct, the made-up name cannot be resolved.
    expect(failed.error.code).toBe('host_not_found');
    expect(proxy.seen).toEqual([]);
  });

  it('a wrong proxy password → proxy_auth_required naming the proxy, not a GREEN-API refusal; the password nowhere', async () => {
    const { session, recorder } = watch(setting('wrong-ws-pass-000'));
    const failed = await recorder.next((event): event is Extract<GreenApiQrEvent, { type: 'failed' }> => event.type === 'failed');
    expect(failed.error.code).toBe('proxy_auth_required');
    expect(failed.error.message).toContain(`The proxy at ${proxy.display} asked for a user name and password`);
    expect(failed.error.details).toMatchObject({ provider: 'greenapi', operation: 'scanqrcode', proxy: proxy.display });
    await session.ended;
    const everything = [failed.error.message, JSON.stringify(failed.error.details), ...kit.logger.lines].join('\n');
    expect(everything).not.toContain('wrong-ws-pass-000');
    expect(kit.redactor.redact('wrong-ws-pass-000')).toBe('••••');
    expect(proxy.tunnels).toBe(0);
  });
});

describe('Chategy/Jetapi Phoenix sockets through the proxy', () => {
  const sessions: { close(): Promise<void> }[] = [];
  afterEach(() => Promise.all(sessions.splice(0).map((session) => session.close())));
  let nextInstance = 0;
  const instance = () => {
    const found = sandbox.state.chatpush.instances[nextInstance++ % sandbox.state.chatpush.instances.length]!;
    found.whatsappSession = 0;
    found.whatsappPhone = null;
    found.tdlibSession = 0;
    return found;
  };

  it('the WhatsApp QR socket joins and gets its QR code through the tunnel', async () => {
    const session = new WhatsAppQrSession({
      brand: 'jetapi',
      url: sandbox.urls.chatpush.whatsappWs,
      token: instance().token,
      redactor: new Redactor(),
      logger: capturingLogger(),
      timing: FAST,
      proxy: setting(PASSWORD),
    });
    sessions.push(session);
    const recorder = new EventRecorder<WhatsAppQrEvent>((listener) => session.onEvent(listener));
    session.start();
    await recorder.next((event) => event.type === 'qr');
    expect(proxy.tunnels).toBeGreaterThan(0);
    expect(proxy.seen[0]).toEqual({ method: 'CONNECT', target: `127.0.0.1:${port(sandbox.urls.chatpush.whatsappWs)}`, auth: `ops:${PASSWORD}` });
  });

  it('the Telegram login socket reaches wait_phone through the tunnel', async () => {
    const session = new TelegramLoginSession({ brand: 'chategy', url: sandbox.urls.chatpush.telegramWs, token: instance().token, redactor: new Redactor(), timing: FAST, proxy: setting(PASSWORD) });
    sessions.push(session);
    const recorder = new EventRecorder<TelegramLoginEvent>((listener) => session.onEvent(listener));
    session.start();
    await recorder.next((event) => event.type === 'status' && event.status === 'wait_phone');
    expect(proxy.tunnels).toBeGreaterThan(0);
  });

  it('a wrong proxy password stops the session with proxy_refused/proxy_auth_required, not "token rejected", and no reconnect loop', async () => {
    const logger = capturingLogger();
    const redactor = new Redactor();
    const session = new TelegramLoginSession({ brand: 'chategy', url: sandbox.urls.chatpush.telegramWs, token: instance().token, redactor, logger, timing: FAST, proxy: setting('wrong-ws-pass-111') });
    sessions.push(session);
    const recorder = new EventRecorder<TelegramLoginEvent>((listener) => session.onEvent(listener));
    session.start();
    const error = await recorder.next((event): event is Extract<TelegramLoginEvent, { type: 'error' }> => event.type === 'error');
    expect(error).toMatchObject({ problem: 'proxy_refused', fatal: true, error: { code: 'proxy_auth_required', details: { proxy: proxy.display } } });
    await recorder.next((event) => event.type === 'connection' && event.state === 'closed');
    expect(proxy.seen.filter((entry) => entry.method === 'CONNECT')).toHaveLength(1);
    expect([JSON.stringify(recorder.events), ...logger.lines].join('\n')).not.toContain('wrong-ws-pass-111');
  });
});
