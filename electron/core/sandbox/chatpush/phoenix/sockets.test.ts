import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startSandbox, type Sandbox } from '../../sandbox';
import { qrCodeFor } from './qr-code';

/** A bare ws client that keeps every frame, so the wire itself is checked, not a client's reading of it. */
class RawClient {
  readonly frames: unknown[][] = [];
  readonly texts: string[] = [];
  private readonly waiters: { match: (frame: unknown[]) => boolean; resolve: (frame: unknown[]) => void }[] = [];
  readonly closed: Promise<number>;

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = data.toString();
      const frame = JSON.parse(text) as unknown[];
      this.texts.push(text);
      this.frames.push(frame);
      for (const waiter of [...this.waiters]) {
        if (waiter.match(frame)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(frame);
        }
      }
    });
    this.closed = new Promise((resolve) => ws.on('close', (code) => resolve(code)));
  }

  static open(url: string, headers: { origin?: string } = {}): Promise<RawClient> {
    const ws = new WebSocket(url, headers.origin ? { origin: headers.origin } : {});
    const client = new RawClient(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(client));
      ws.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode, body })));
      });
      ws.once('error', reject);
    });
  }

  send(frame: unknown[]): void {
    this.ws.send(JSON.stringify(frame));
  }

  next(match: (frame: unknown[]) => boolean): Promise<unknown[]> {
    const seen = this.frames.find(match);
    if (seen) {
      this.frames.splice(this.frames.indexOf(seen), 1);
      return Promise.resolve(seen);
    }
    return new Promise((resolve) =>
      this.waiters.push({
        match,
        resolve: (frame) => {
          this.frames.splice(this.frames.indexOf(frame), 1);
          resolve(frame);
        },
      }),
    );
  }
}

const event = (name: string) => (frame: unknown[]) => frame[3] === name;

describe('Chategy/Jetapi Phoenix sockets in the sandbox (spec §9.10)', () => {
  let sandbox: Sandbox;
  const clients: RawClient[] = [];
  const open = async (url: string, headers?: { origin?: string }) => {
    const client = await RawClient.open(url, headers);
    clients.push(client);
    return client;
  };
  const wsUrl = (base: string, token: string, vsn = '2.0.0') => `${base}?token=${encodeURIComponent(token)}&vsn=${vsn}`;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 5 });
    sandbox.controls.chatpush.setSocketTimings({ whatsappPushMs: 10, telegramPushMs: 10 });
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.ws.terminate();
    sandbox.controls.chatpush.setOriginAllowList([]);
    sandbox.controls.chatpush.setSocketTimings({ idleTimeoutMs: 60_000 });
  });
  afterAll(() => sandbox.close());

  const instance = (index: number) => {
    const record = sandbox.state.chatpush.instances[index]!;
    record.whatsappSession = 0;
    return record;
  };

  it('WhatsApp room: the documented join reply, then auth_state pushes with a 2@ code of 58+32+32+32 bytes', async () => {
    const { token, customerId } = instance(0);
    const topic = `room:v1:whats_app:auth:${customerId}`;
    const client = await open(wsUrl(sandbox.urls.chatpush.whatsappWs, token));
    client.send(['1', '1', topic, 'phx_join', {}]);
    await client.next(event('phx_reply'));
    expect(client.texts[0]).toBe(`["1","1","${topic}","phx_reply",{"response":{},"status":"ok"}]`);
    const push = await client.next(event('auth_state'));
    expect(push.slice(0, 4)).toEqual(['1', null, topic, 'auth_state']);
    const { auth, qr_code } = push[4] as { auth: boolean; qr_code: string };
    expect(auth).toBe(false);
    const segments = qr_code.replace(/^2@/, '').split(',');
    expect(segments.map((segment) => Buffer.from(segment, 'base64').length)).toEqual([58, 32, 32, 32]);
    // Deterministic: the same world secret, customer and serial give the same code.
    expect(qr_code).toBe(qrCodeFor(sandbox.state.chatpush.jwtSecret, customerId, 1));
  });

  it('echoes integer refs as sent, answers heartbeats as Phoenix does, and a leave closes the room', async () => {
    const { token, customerId } = instance(1);
    const topic = `room:v1:whats_app:auth:${customerId}`;
    const client = await open(wsUrl(sandbox.urls.chatpush.whatsappWs, token));
    client.send([7, 7, topic, 'phx_join', {}]);
    expect(await client.next(event('phx_reply'))).toEqual([7, 7, topic, 'phx_reply', { response: {}, status: 'ok' }]);
    expect((await client.next(event('auth_state')))[0]).toBe(7);
    client.send([null, '24', 'phoenix', 'heartbeat', {}]);
    expect(await client.next((frame) => frame[2] === 'phoenix')).toEqual([null, '24', 'phoenix', 'phx_reply', { response: {}, status: 'ok' }]);
    client.send([7, 8, topic, 'phx_leave', {}]);
    await client.next((frame) => frame[1] === 8);
    expect(await client.next(event('phx_close'))).toEqual([7, 7, topic, 'phx_close', {}]);
  });

  it('refuses another customer’s room and topics it does not serve', async () => {
    const client = await open(wsUrl(sandbox.urls.chatpush.whatsappWs, instance(2).token));
    client.send(['1', '1', `room:v1:whats_app:auth:${instance(3).customerId}`, 'phx_join', {}]);
    expect((await client.next(event('phx_reply')))[4]).toEqual({ response: { reason: 'unauthorized' }, status: 'error' });
    client.send(['2', '2', 'room:v1:telegram:auth', 'phx_join', {}]);
    expect((await client.next(event('phx_reply')))[4]).toEqual({ response: { reason: 'unmatched topic' }, status: 'error' });
  });

  it('QR codes rotate by the sandbox clock within 30–40 s, not by frames; scan and creation errors show up', async () => {
    const { token, customerId } = instance(4);
    const topic = `room:v1:whats_app:auth:${customerId}`;
    const client = await open(wsUrl(sandbox.urls.chatpush.whatsappWs, token));
    client.send(['1', '1', topic, 'phx_join', {}]);
    const code = async () => ((await client.next(event('auth_state')))[4] as { qr_code: string | null }).qr_code;
    const first = await code();
    for (let i = 0; i < 20; i++) expect(await code()).toBe(first);
    sandbox.clock.advance(29_000);
    await code();
    expect(await code()).toBe(first);
    sandbox.clock.advance(11_001);
    await code();
    const second = await code();
    expect(second).not.toBe(first);
    sandbox.controls.chatpush.failQrCreation(customerId);
    await client.next((frame) => frame[3] === 'auth_state' && (frame[4] as { qr_code?: unknown }).qr_code === null);
    sandbox.controls.chatpush.failQrCreation(customerId, false);
    sandbox.controls.chatpush.scanQr(customerId);
    expect((await client.next((frame) => (frame[4] as { auth?: boolean }).auth === true))[4]).toEqual({ auth: true });
    // delete_container_session resets whatsapp_session (§9.5): the room goes back to QR codes.
    sandbox.state.chatpush.instances[4]!.whatsappSession = 0;
    const before = ((await client.next((frame) => typeof (frame[4] as { qr_code?: unknown }).qr_code === 'string'))[4] as { qr_code: string }).qr_code;
    // A phone is linking when the operator interrupts (§2 delete_container_session): the scan ends with the
    // container, and the next frames carry a new code.
    sandbox.controls.chatpush.beginQrScan(customerId);
    await client.next((frame) => (frame[4] as { in_progress?: boolean }).in_progress === true);
    const interrupted = await fetch(`${sandbox.urls.chatpush.rest}/developer/v1/instances/${sandbox.state.chatpush.instances[4]!.id}/delete_container_session`, {
      method: 'DELETE',
      headers: { Authorization: sandbox.demo.chatpush.apiKey },
    });
    expect(interrupted.status).toBe(200);
    const after = ((await client.next((frame) => typeof (frame[4] as { qr_code?: unknown }).qr_code === 'string'))[4] as { qr_code: string }).qr_code;
    expect(after).not.toBe(before);
  });

  it('Telegram room: the documented invalid-phone reply, the legacy "telemon" key, and the state pushes', async () => {
    const record = instance(5);
    record.tdlibSession = 0;
    const topic = 'room:v1:telegram:auth';
    const client = await open(wsUrl(sandbox.urls.chatpush.telegramWs, record.token));
    client.send(['1', '1', topic, 'phx_join', {}]);
    await client.next(event('phx_reply'));
    expect(await client.next(event('auth_state'))).toEqual(['1', null, topic, 'auth_state', { status: 'wait_phone' }]);
    client.send(['1', '2', topic, 'send_phone', { phone: 'phone number' }]);
    await client.next((frame) => frame[1] === '2');
    expect(client.texts).toContain(
      '["1","2","room:v1:telegram:auth","phx_reply",{"response":{"meta":{"code":422,"errors":{"base":["invalid phone"]},"message":"Unprocessable Entity","status":"fail","status_id":null}},"status":"error"}]',
    );
    client.send(['1', '3', topic, 'send_phone', { telemon: '79990001122' }]);
    expect((await client.next((frame) => frame[1] === '3'))[4]).toEqual({ response: {}, status: 'ok' });
    await client.next((frame) => frame[3] === 'auth_state' && (frame[4] as { status: string }).status === 'wait_code');
    expect(record.tdlibSession).toBe(1);
  });

  it('closes a socket that stays silent longer than the idle timeout', async () => {
    sandbox.controls.chatpush.setSocketTimings({ idleTimeoutMs: 50 });
    const client = await open(wsUrl(sandbox.urls.chatpush.telegramWs, instance(6).token));
    expect(await client.closed).toBe(1000);
  });

  it('refuses a bad token, a foreign origin, a missing origin, a missing vsn and a wrong path, with the log keeping no token', async () => {
    const { token, customerId } = instance(7);
    const base = sandbox.urls.chatpush.whatsappWs;
    const refusal = (url: string, origin?: string) => open(url, { origin }).then(() => ({ status: 101, body: '' }), (error: { status: number; body: string }) => error);

    expect(await refusal(wsUrl(base, `${token}x`))).toMatchObject({ status: 403, body: 'invalid token' });
    sandbox.controls.chatpush.setOriginAllowList(['https://console.example.com']);
    expect(await refusal(wsUrl(base, token), 'https://other.example')).toMatchObject({ status: 403, body: 'origin not allowed' });
    expect(await refusal(wsUrl(base, token))).toMatchObject({ status: 403, body: 'origin not allowed' });
    expect(await refusal(wsUrl(base, token), 'https://console.example.com')).toMatchObject({ status: 101 });
    sandbox.controls.chatpush.setOriginAllowList([]);
    sandbox.controls.chatpush.setOriginAllowList(['10.0.0.5'], customerId);
    expect(await refusal(wsUrl(base, token), 'http://10.0.0.5:8080')).toMatchObject({ status: 101 });
    expect(await refusal(wsUrl(base, instance(8).token), 'https://anywhere.example')).toMatchObject({ status: 101 });
    sandbox.controls.chatpush.setOriginAllowList([], customerId);
    // The Telegram socket does not check Origin (§9.10 names only the WhatsApp one).
    sandbox.controls.chatpush.setOriginAllowList(['console.example.com']);
    expect(await refusal(wsUrl(sandbox.urls.chatpush.telegramWs, token), 'https://other.example')).toMatchObject({ status: 101 });

    expect(await refusal(`${base}?token=${token}`)).toMatchObject({ status: 400 });
    expect(await refusal(wsUrl(base.replace('/socket/websocket', '/socket/longpoll'), token))).toMatchObject({ status: 404 });
    const logged = sandbox.requests.list('chatpush').filter((entry) => entry.path.startsWith('/socket/'));
    expect(logged.length).toBeGreaterThanOrEqual(8);
    expect(JSON.stringify(logged)).not.toContain(token);
    expect(logged[0]!.path).toBe('/socket/websocket?token=••••&vsn=2.0.0');
  });

  it('applies injected faults to the upgrade request', async () => {
    sandbox.faults.inject('chatpush', { kind: 'status', status: 503, path: '/socket/websocket', times: 1 });
    const url = wsUrl(sandbox.urls.chatpush.whatsappWs, instance(9).token);
    await expect(open(url)).rejects.toMatchObject({ status: 503 });
    await expect(open(url)).resolves.toBeInstanceOf(RawClient);
  });
});
