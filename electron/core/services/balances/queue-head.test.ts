import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { greenApiKit } from '../../providers/greenapi/greenapi-test-kit';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';
import { chatsNamed, peekQueueHead } from './queue-head';

/**
 * Peeking at a GREEN-API notification queue against the real sandbox (real HTTP, real client, no mocks): the head
 * is read, a quotaExceeded there becomes quota figures, and nothing is ever deleted from the customer's queue.
 */
let sandbox: Sandbox;
let kit: ReturnType<typeof greenApiKit>;
const CHATS = ['79000000001@c.us', '79000000002@c.us', '79000000003@c.us'];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 21 });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  kit = greenApiKit(sandbox);
  greenapi().setState(id(), 'authorized');
  greenapi().setTariff(id(), 'business');
  // A polling integration: no webhook URL, and no notification types switched on.
  Object.assign(record().settings, { webhookUrl: '', incomingWebhook: 'no' });
  // Next month: the Developer tariff's chat count starts again.
  sandbox.clock.advance(32 * 86_400_000);
  greenapi().dropNotifications(id());
  sandbox.requests.clear();
});

const index = 1;
const id = () => sandbox.demo.greenapi[index]!.idInstance;
const record = () => sandbox.state.greenapi.instances[index]!;
const greenapi = () => sandbox.controls.greenapi;
const peek = (options: { signal?: AbortSignal; waitMs?: number } = {}) =>
  peekQueueHead(kit.client(index), {
    idInstance: id(),
    signal: options.signal ?? new AbortController().signal,
    seenAt: '2025-03-01T10:00:00.000Z',
    waitMs: options.waitMs ?? 300,
  });
const requested = (method: string) => sandbox.requests.list('greenapi').filter((request) => request.path.includes(`/${method}/`));

describe('peeking at the head of a notification queue', () => {
  it('reads a quotaExceeded at the head as quota figures, with the chats it names', async () => {
    greenapi().overflowChatQuota(id());
    const queued = greenapi().queuedNotifications(id());
    expect(queued.map((entry) => entry.body.typeWebhook)).toEqual(['quotaExceeded']);

    expect(await peek()).toEqual({
      kind: 'read',
      quota: {
        idInstance: id(),
        method: 'correspondents',
        used: 3,
        total: 3,
        // §13.10: the notification spells it QUOTA, the 466 body QUOTE; kept as sent.
        status: 'CORRESPONDENTS_QUOTA_EXCEEDED',
        seenAt: '2025-03-01T10:00:00.000Z',
        source: 'notification',
        chats: CHATS,
      },
    });
  });

  it('never deletes: the notification is still at the head for the customer’s integration, read after read', async () => {
    greenapi().overflowChatQuota(id());
    const before = greenapi().queuedNotifications(id());
    await peek();
    await peek();
    expect(greenapi().queuedNotifications(id())).toEqual(before);
    expect(requested('deleteNotification')).toEqual([]);
    expect(requested('receiveNotification')).toHaveLength(2);
    // The smallest receiveTimeout the method allows (§5.1).
    expect(requested('receiveNotification').every((request) => request.path.endsWith('?receiveTimeout=5'))).toBe(true);
  });

  it('reads only the head: a quotaExceeded behind another notification is left where it is', async () => {
    Object.assign(record().settings, { incomingWebhook: 'yes' });
    greenapi().overflowChatQuota(id());
    expect(greenapi().queuedNotifications(id()).map((entry) => entry.body.typeWebhook)).toEqual([
      'incomingMessageReceived',
      'incomingMessageReceived',
      'incomingMessageReceived',
      'quotaExceeded',
    ]);
    expect(await peek()).toEqual({ kind: 'read', quota: null });
    expect(greenapi().queuedNotifications(id())).toHaveLength(4);
  });

  it('an empty queue is read as nothing after a short wait, without holding the request for receiveTimeout', async () => {
    expect(await peek({ waitMs: 200 })).toEqual({ kind: 'read', quota: null });
    expect(requested('receiveNotification')).toHaveLength(1);
  });

  it('skips an instance whose notifications go to a webhook URL, without asking for its queue (§5.1)', async () => {
    Object.assign(record().settings, { webhookUrl: 'https://crm.example.com/hook' });
    expect(await peek()).toEqual({ kind: 'webhook' });
    expect(requested('getSettings')).toHaveLength(1);
    expect(requested('receiveNotification')).toEqual([]);
  });

  it('an instance that cannot answer is a failed peek, not an exception', async () => {
    const wrongToken = kit.client({ idInstance: id(), apiTokenInstance: 'f'.repeat(50) });
    expect(await peekQueueHead(wrongToken, { idInstance: id(), signal: new AbortController().signal, seenAt: 'x' })).toEqual({ kind: 'failed' });
  });

  it('a cancelled refresh stops the wait and says so', async () => {
    const abort = new AbortController();
    const pending = peek({ signal: abort.signal, waitMs: 10_000 });
    setTimeout(() => abort.abort(), 50);
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
  });
});

describe('chats named in a quotaExceeded description', () => {
  it('takes personal and group ids once each, from either spelling of the sentence', () => {
    expect(
      chatsNamed(
        'Monthly quota has been exceeded. You can only send or receive messages from following chats: 10001234560@c.us, 120363043968066561@g.us, 10001234560@c.us. Please go to https://console.green-api.com',
      ),
    ).toEqual(['10001234560@c.us', '120363043968066561@g.us']);
    expect(chatsNamed('')).toEqual([]);
  });
});
