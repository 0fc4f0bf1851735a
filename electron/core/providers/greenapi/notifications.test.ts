import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';
import { greenApiKit, rejection, requestSeen } from './greenapi-test-kit';

let sandbox: Sandbox;
let kit: ReturnType<typeof greenApiKit>;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 32 });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.requests.clear();
  kit = greenApiKit(sandbox);
  // Instance 1, linked and set up for HTTP API polling (§5.1 "minimal setSettings for this mode").
  sandbox.controls.greenapi.setState(id(), 'authorized');
  Object.assign(record().settings, { webhookUrl: '', webhookUrlToken: '', incomingWebhook: 'yes', outgoingWebhook: 'yes', stateWebhook: 'yes', incomingCallWebhook: 'no' });
  greenapi().dropNotifications(id());
});

const id = () => sandbox.demo.greenapi[1]!.idInstance;
const record = () => sandbox.state.greenapi.instances[1]!;
const greenapi = () => sandbox.controls.greenapi;
describe('GREEN-API notifications over the HTTP API (§5.1)', () => {
  it('FIFO, redelivered until deleted; delete answers true once, then false', async () => {
    const api = kit.client(1);
    greenapi().pushIncomingMessage(id(), { chatId: '79001234568@c.us', text: 'first' });
    greenapi().pushIncomingMessage(id(), { chatId: '79001234568@c.us', text: 'second' });

    const first = (await api.receiveNotification())!;
    expect(first.problems).toEqual([]);
    expect(first.notification).toMatchObject({
      typeWebhook: 'incomingMessageReceived',
      instanceData: { idInstance: Number(id()), typeInstance: 'whatsapp' },
      senderData: { chatId: '79001234568@c.us' },
      messageData: { typeMessage: 'textMessage', textMessageData: { textMessage: 'first' } },
    });
    expect((await api.receiveNotification())!.receiptId).toBe(first.receiptId);
    expect(await api.deleteNotification(first.receiptId)).toEqual({ result: true });
    expect(await api.deleteNotification(first.receiptId)).toEqual({ result: false });
    const second = (await api.receiveNotification())!;
    expect(second.notification).toMatchObject({ messageData: { textMessageData: { textMessage: 'second' } } });
    await api.deleteNotification(second.receiptId);
  });

  it('an empty queue holds the request for receiveTimeout seconds of sandbox time, then answers null', async () => {
    const api = kit.client(1);
    sandbox.requests.clear();
    const pending = api.receiveNotification(60);
    await requestSeen(sandbox, 'receiveNotification');
    expect(sandbox.requests.list('greenapi').at(-1)!.path).toContain('receiveTimeout=60');
    // The sandbox clock also runs in real time: the "still held" check keeps a margin of seconds.
    sandbox.clock.advance(50_000);
    let settled = false;
    void pending.then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    sandbox.clock.advance(10_000);
    expect(await pending).toBeNull();
  });

  it('a notification that arrives during the wait is answered at once', async () => {
    const api = kit.client(1);
    sandbox.requests.clear();
    record().settings.incomingCallWebhook = 'yes';
    const pending = api.receiveNotification(60);
    await requestSeen(sandbox, 'receiveNotification');
    greenapi().pushIncomingCall(id(), { from: '79001234500@c.us', outcome: 'pickUp' });
    const received = (await pending)!;
    expect(received.notification).toMatchObject({ typeWebhook: 'incomingCall', status: 'offer', from: '79001234500@c.us' });
  });

  it('receiveTimeout outside 5–60 is refused before sending', async () => {
    for (const bad of [4, 61, 5.5]) expect((await rejection(kit.client(1).receiveNotification(bad))).code).toBe('invalid_input');
    expect(sandbox.requests.list('greenapi')).toHaveLength(0);
  });

  it('only the types whose settings are on are emitted (§3, §14.15)', async () => {
    record().settings.incomingWebhook = 'no';
    record().settings.incomingCallWebhook = 'no';
    greenapi().pushIncomingMessage(id(), { chatId: '79001234568@c.us', text: 'unseen' });
    greenapi().pushIncomingCall(id(), { from: '79001234500@c.us', outcome: 'missed' });
    expect(greenapi().queuedNotifications(id())).toEqual([]);
    record().settings.incomingCallWebhook = 'yes';
    greenapi().pushIncomingCall(id(), { from: '79001234500@c.us', outcome: 'declined' });
    expect(greenapi().queuedNotifications(id()).map((entry) => entry.body.status)).toEqual(['offer', 'declined']);
  });

  it('while a webhook URL is set, both calls fail with a message that says what to do (§5.1)', async () => {
    record().settings.webhookUrl = 'https://crm.example.com/hook';
    try {
      // One call at a time: a second promise made up front would reject unobserved while the first is awaited.
      for (const call of [() => kit.client(1).receiveNotification(), () => kit.client(1).deleteNotification(1)]) {
        const error = await rejection(call());
        expect(error.code).toBe('provider_conflict');
        expect(error.details).toMatchObject({ status: 400, providerMessage: expect.stringContaining('custom webhook url is set') });
        expect(error.message).toMatch(/^GREEN-API will not hand out notifications over the HTTP API while .* of instance \d+ on 127\.0\.0\.1:\d+: the instance has a webhook URL set\. Clear webhookUrl/);
        expect(error.details).toMatchObject({ reason: 'webhook_url_set', reasonParams: { idInstance: id() } });
      }
    } finally {
      record().settings.webhookUrl = '';
    }
  });

  it('deleteNotification is repeated after a 500, as 1.3.13 asks; a non-numeric receipt never leaves the client', async () => {
    const api = kit.client(1);
    greenapi().pushIncomingMessage(id(), { chatId: '79001234568@c.us', text: 'again' });
    const { receiptId } = (await api.receiveNotification())!;
    sandbox.requests.clear();
    sandbox.faults.inject('greenapi', { kind: 'status', status: 500, times: 1, body: 'Internal Server Error Cannot read properties of undefined (reading \'findUnAckedMessage\')' });
    expect(await api.deleteNotification(receiptId)).toEqual({ result: true });
    expect(sandbox.requests.list('greenapi').map((request) => request.method)).toEqual(['DELETE', 'DELETE']);
    expect((await rejection(api.deleteNotification(Number.NaN))).code).toBe('invalid_input');
  });

  it('a body that does not fit its type is still handed over, raw, with the problems, so it can be deleted', async () => {
    const api = kit.client(1);
    sandbox.faults.inject('greenapi', {
      kind: 'status',
      status: 200,
      times: 1,
      path: 'receiveNotification',
      body: { receiptId: 77, body: { typeWebhook: 'outgoingMessageStatus', instanceData: { idInstance: 1 }, timestamp: 'soon' } },
    });
    const received = (await api.receiveNotification())!;
    expect(received).toMatchObject({ receiptId: 77, notification: null, body: { typeWebhook: 'outgoingMessageStatus' } });
    expect(received.problems.length).toBeGreaterThan(0);

    sandbox.faults.inject('greenapi', { kind: 'status', status: 200, times: 1, path: 'receiveNotification', body: { receiptId: 78, body: { typeWebhook: 'somethingNew', x: 1 } } });
    expect((await api.receiveNotification())!.notification).toEqual({ typeWebhook: 'somethingNew', x: 1 });
  });
});

describe('GREEN-API webhook mode in the sandbox (§5.2)', () => {
  interface Received {
    headers: IncomingHttpHeaders;
    body: Record<string, unknown>;
  }

  async function endpoint(answer: (received: Received, index: number) => number) {
    const received: Received[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const entry = { headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> };
        received.push(entry);
        res.writeHead(answer(entry, received.length - 1)).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/green-api/webhook/`;
    return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  async function until(check: () => boolean) {
    for (let tries = 0; tries < 400 && !check(); tries++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(check()).toBe(true);
  }

  it('POSTs each notification with JSON and the Authorization header; a non-200 is retried after the delay, in order', async () => {
    const hook = await endpoint((_entry, index) => (index === 0 ? 503 : 200));
    try {
      record().settings.webhookUrlToken = 'dscnsdiuafkascndjhsalbcvatsvcbasn23rfrfregvfdg54tds';
      record().settings.webhookUrl = hook.url;
      greenapi().pushIncomingMessage(id(), { chatId: '79001234568@c.us', text: 'one' });
      greenapi().pushIncomingMessage(id(), { chatId: '79001234568@c.us', text: 'two' });
      await until(() => hook.received.length === 1);
      const [first] = hook.received;
      expect(first!.headers['content-type']).toBe('application/json; charset=utf-8');
      // §5.2: a token without a type goes out as Bearer.
      expect(first!.headers.authorization).toBe('Bearer dscnsdiuafkascndjhsalbcvatsvcbasn23rfrfregvfdg54tds');
      // Head-of-line: "two" waits behind the failed "one" until the retry delay has passed on the sandbox clock.
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(hook.received).toHaveLength(1);
      sandbox.clock.advance(sandbox.state.greenapi.timings.webhookRetryDelayMs);
      await until(() => hook.received.length === 3);
      const texts = hook.received.map((entry) => (entry.body.messageData as { textMessageData: { textMessage: string } }).textMessageData.textMessage);
      expect(texts).toEqual(['one', 'one', 'two']);
      // The endpoint has the third POST; the sandbox records the attempt once the answer is back.
      await until(() => greenapi().webhookAttempts(id()).length === 3);
      expect(greenapi().webhookAttempts(id()).map((attempt) => attempt.status)).toEqual([503, 200, 200]);
      await until(() => greenapi().queuedNotifications(id()).length === 0);
    } finally {
      record().settings.webhookUrl = '';
      record().settings.webhookUrlToken = '';
      await hook.close();
    }
  });

  it('a token that names its type is sent as given (Basic)', async () => {
    const hook = await endpoint(() => 200);
    try {
      record().settings.webhookUrlToken = 'Basic dXNlcjpwYXNz';
      record().settings.webhookUrl = hook.url;
      record().settings.incomingCallWebhook = 'yes';
      greenapi().pushIncomingCall(id(), { from: '79001234500@c.us', outcome: 'hangUp' });
      await until(() => hook.received.length === 2);
      expect(hook.received.map((entry) => entry.headers.authorization)).toEqual(['Basic dXNlcjpwYXNz', 'Basic dXNlcjpwYXNz']);
      expect(hook.received.map((entry) => entry.body.status)).toEqual(['offer', 'hangUp']);
    } finally {
      record().settings.webhookUrl = '';
      record().settings.webhookUrlToken = '';
      await hook.close();
    }
  });
});
