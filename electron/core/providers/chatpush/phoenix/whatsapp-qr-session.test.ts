import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Redactor } from '../../../redactor';
import { signChatpushJwt } from '../../../sandbox/jwt';
import { startSandbox, type Sandbox } from '../../../sandbox/sandbox';
import { capturingLogger } from '../../test-support';
import type { PhoenixTiming } from './channel-connection';
import { EventRecorder, until } from './test-support';
import { WhatsAppQrSession, type WhatsAppQrEvent } from './whatsapp-qr-session';

const FAST: Partial<PhoenixTiming> = { heartbeatIntervalMs: 150, reconnectBaseDelayMs: 10, reconnectMaxDelayMs: 40, replyTimeoutMs: 2_000 };
const QR = /^2@[A-Za-z0-9+/]+={0,2}(,[A-Za-z0-9+/]+={0,2}){3}$/;

type Of<T extends WhatsAppQrEvent['type']> = Extract<WhatsAppQrEvent, { type: T }>;
const is =
  <T extends WhatsAppQrEvent['type']>(type: T) =>
  (event: WhatsAppQrEvent): event is Of<T> =>
    event.type === type;
const connection = (state: Of<'connection'>['state']) => (event: WhatsAppQrEvent) => event.type === 'connection' && event.state === state;

describe('WhatsApp QR session against the sandbox (spec §4.1)', () => {
  let sandbox: Sandbox;
  const sessions: WhatsAppQrSession[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 7 });
    sandbox.controls.chatpush.setSocketTimings({ whatsappPushMs: 10, idleTimeoutMs: 5_000 });
  });
  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.close()));
    sandbox.controls.chatpush.setOriginAllowList([]);
    sandbox.controls.chatpush.stopHeartbeatReplies(false);
  });
  afterAll(() => sandbox.close());

  /** An instance not yet authorized, another one for each test while they last (the QR rooms are per customer). */
  let nextInstance = 0;
  function unauthorizedInstance() {
    const { instances } = sandbox.state.chatpush;
    const instance = instances[nextInstance++ % instances.length]!;
    instance.whatsappSession = 0;
    instance.whatsappPhone = null;
    return instance;
  }

  function open(token: string, extra: { origin?: string; customerId?: number } = {}) {
    const redactor = new Redactor();
    const logger = capturingLogger();
    const session = new WhatsAppQrSession({
      brand: 'jetapi',
      url: sandbox.urls.chatpush.whatsappWs,
      token,
      redactor,
      logger,
      timing: FAST,
      random: () => 0.5,
      ...extra,
    });
    sessions.push(session);
    const recorder = new EventRecorder<WhatsAppQrEvent>((listener) => session.onEvent(listener));
    session.start();
    /** auth_state frames phoenix.js received, from its own receive log. */
    const framesSeen = () => logger.lines.filter((line) => line.includes('auth_state')).length;
    return { session, recorder, logger, framesSeen };
  }

  /** Waits until at least `count` more auth_state frames arrived, by phoenix.js's receive log. */
  async function afterFrames(framesSeen: () => number, count: number) {
    const target = framesSeen() + count;
    await until(() => framesSeen() >= target);
  }

  it('joins the customer room from the JWT claim, reports the QR code once, and not again while it repeats', async () => {
    const instance = unauthorizedInstance();
    const { session, recorder, framesSeen } = open(instance.token);
    expect(session.topic).toBe(`room:v1:whats_app:auth:${instance.customerId}`);
    await recorder.next(connection('joined'));
    const qr = await recorder.next(is('qr'));
    expect(qr.code).toMatch(QR);
    await afterFrames(framesSeen, 15);
    expect(recorder.count(is('qr'))).toBe(1);
    expect(recorder.events.filter((event) => event.type === 'connection').map((event) => (event as Of<'connection'>).state)).toEqual([
      'connecting',
      'joined',
    ]);
  });

  it('reports a new QR code when the sandbox clock passes its 30–40 s lifetime', async () => {
    const { recorder, framesSeen } = open(unauthorizedInstance().token);
    const first = await recorder.next(is('qr'));
    sandbox.clock.advance(40_001);
    const second = await recorder.next(is('qr'));
    expect(second.code).toMatch(QR);
    expect(second.code).not.toBe(first.code);
    await afterFrames(framesSeen, 10);
    expect(recorder.count(is('qr'))).toBe(2);
  });

  it('reports authorized after the scan, and the instance records the session and the phone', async () => {
    const instance = unauthorizedInstance();
    const { recorder } = open(instance.token);
    await recorder.next(is('qr'));
    sandbox.controls.chatpush.beginQrScan(instance.customerId);
    await recorder.next(is('in_progress'));
    sandbox.controls.chatpush.scanQr(instance.customerId, '79990001122');
    await recorder.next(is('authorized'));
    expect(instance.whatsappSession).toBe(1);
    expect(instance.whatsappPhone).toBe('79990001122');
  });

  it('reports qr_unavailable on a container creation error and the QR code again once it recovers', async () => {
    const instance = unauthorizedInstance();
    const { recorder } = open(instance.token);
    await recorder.next(is('qr'));
    sandbox.controls.chatpush.failQrCreation(instance.customerId);
    await recorder.next(is('qr_unavailable'));
    sandbox.controls.chatpush.failQrCreation(instance.customerId, false);
    await recorder.next(is('qr'));
  });

  it('a refused Origin is a fatal error that says to add the origin to the allow-list; an allowed one joins', async () => {
    const instance = unauthorizedInstance();
    sandbox.controls.chatpush.setOriginAllowList(['console.example.com']);
    const refused = open(instance.token, { origin: 'https://elsewhere.example' });
    const failure = await refused.recorder.next(is('error'));
    expect(failure).toMatchObject({ problem: 'origin_refused', fatal: true, error: { code: 'forbidden', details: { status: 403 } } });
    expect(failure.error.message).toContain('"https://elsewhere.example"');
    expect(failure.error.message).toContain('Add this origin to the allow-list');
    await refused.recorder.next(connection('closed'));

    const allowed = open(instance.token, { origin: 'https://console.example.com' });
    await allowed.recorder.next(connection('joined'));
    await allowed.recorder.next(is('qr'));
  });

  it('a rejected token is a fatal auth_failed error that never shows the token', async () => {
    const instance = unauthorizedInstance();
    // Right claim, wrong signature: the room can be read, the platform refuses the token.
    const forged = signChatpushJwt({ customer_id: instance.customerId, datetime: 1_700_000_000 }, 'not-the-platform-secret');
    const { recorder, logger } = open(forged);
    const failure = await recorder.next(is('error'));
    expect(failure).toMatchObject({ problem: 'token_rejected', fatal: true, error: { code: 'auth_failed' } });
    expect(failure.error.message).toMatch(/rejected the client token \(403\).*Check the client token/);
    await recorder.next(connection('closed'));
    expect(JSON.stringify(recorder.events)).not.toContain(forged);
    expect(logger.lines.join('\n')).not.toContain(forged);
    expect(logger.lines.length).toBeGreaterThan(0);
  });

  it('joining another customer’s room is refused in words', async () => {
    const mine = unauthorizedInstance();
    const theirs = unauthorizedInstance();
    const { recorder } = open(mine.token, { customerId: theirs.customerId });
    const failure = await recorder.next(is('error'));
    expect(failure).toMatchObject({ problem: 'join_refused', fatal: true, error: { code: 'forbidden', details: { providerMessage: 'unauthorized' } } });
    expect(failure.error.message).toContain(`room:v1:whats_app:auth:${theirs.customerId}`);
  });

  it('after a dropped socket it reconnects, rejoins and reports the QR code again by itself', async () => {
    const instance = unauthorizedInstance();
    const { recorder } = open(instance.token);
    const before = await recorder.next(is('qr'));
    expect(sandbox.controls.chatpush.dropSockets({ kind: 'whatsapp', customerId: instance.customerId })).toBe(1);
    await recorder.next(connection('reconnecting'));
    await recorder.next(connection('joined'));
    const after = await recorder.next(is('qr'));
    expect(after.code).toBe(before.code);
    expect(recorder.count(is('error'))).toBe(0);
  });

  it('detects missing heartbeat replies, says so, and recovers once the server answers again', async () => {
    const { recorder } = open(unauthorizedInstance().token);
    await recorder.next(connection('joined'));
    sandbox.controls.chatpush.stopHeartbeatReplies();
    const missed = await recorder.next(is('error'));
    expect(missed).toMatchObject({ problem: 'heartbeat_missed', fatal: false, error: { code: 'timeout' } });
    expect(missed.error.message).toContain('did not answer a heartbeat');
    await recorder.next(connection('reconnecting'));
    sandbox.controls.chatpush.stopHeartbeatReplies(false);
    await recorder.next(connection('joined'));
  });

  it('a 503 on the upgrade is reported once as a passing problem and the session joins when it clears', async () => {
    sandbox.faults.inject('chatpush', { kind: 'status', status: 503, path: '/socket/websocket', times: 3 });
    const { recorder } = open(unauthorizedInstance().token);
    const problem = await recorder.next(is('error'));
    expect(problem).toMatchObject({ problem: 'unreachable', fatal: false, error: { code: 'provider_unavailable', details: { status: 503 } } });
    expect(problem.error.message).toContain('keeps trying to reconnect');
    await recorder.next(connection('joined'));
    await recorder.next(is('qr'));
    expect(recorder.count(is('error'))).toBe(1);
  });

  it('an unreachable host is reported in words while it keeps retrying, until closed', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const session = new WhatsAppQrSession({
      brand: 'chategy',
      url: `ws://127.0.0.1:${port}/socket/websocket`,
      token: unauthorizedInstance().token,
      redactor: new Redactor(),
      timing: FAST,
    });
    sessions.push(session);
    const recorder = new EventRecorder<WhatsAppQrEvent>((listener) => session.onEvent(listener));
    session.start();
    const problem = await recorder.next(is('error'));
    expect(problem).toMatchObject({ problem: 'unreachable', fatal: false, error: { code: 'connection_refused' } });
    expect(problem.error.message).toMatch(/^127\.0\.0\.1:\d+ refused the connection while waiting for the WhatsApp QR code \(Chategy\)/);
    expect(session.state).toBe('connecting');
    await session.close();
    expect(session.state).toBe('closed');
  });

  it('refuses a plain ws:// URL to a non-loopback host before connecting', () => {
    expect(() => new WhatsAppQrSession({ brand: 'jetapi', url: 'ws://msg-farmer.jetapi.io/socket/websocket', token: 'a.b.c', customerId: 1, redactor: new Redactor() })).toThrow(
      /not usable \(insecure_scheme\)/,
    );
  });

  it('close() leaves the room and closes the socket without reconnecting', async () => {
    const instance = unauthorizedInstance();
    const { session, recorder } = open(instance.token);
    await recorder.next(connection('joined'));
    await session.close();
    expect(session.state).toBe('closed');
    expect(sandbox.controls.chatpush.openSockets().filter((socket) => socket.customerId === instance.customerId)).toEqual([]);
  });
});
