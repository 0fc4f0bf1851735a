import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';
import { greenApiKit, rejection } from './greenapi-test-kit';

let sandbox: Sandbox;
let kit: ReturnType<typeof greenApiKit>;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 33 });
  // The sandbox clock also runs in real time: "not yet delivered" checks keep a margin of a minute.
  Object.assign(sandbox.state.greenapi.timings, { deliveredAfterMs: 60_000, readAfterMs: 120_000 });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  sandbox.faults.clear();
  kit = greenApiKit(sandbox);
  greenapi().setState(id(), 'authorized');
  greenapi().setTariff(id(), 'business');
  Object.assign(record().settings, {
    webhookUrl: '',
    outgoingWebhook: 'yes',
    outgoingAPIMessageWebhook: 'no',
    stateWebhook: 'no',
    incomingWebhook: 'yes',
    delaySendMessagesMilliseconds: 5000,
  });
  await kit.client(0).clearMessagesQueue();
  // Statuses of earlier tests' messages settle before this test starts.
  sandbox.clock.advance(180_000);
  greenapi().dropNotifications(id());
  sandbox.requests.clear();
});

const id = () => sandbox.demo.greenapi[0]!.idInstance;
const record = () => sandbox.state.greenapi.instances[0]!;
const greenapi = () => sandbox.controls.greenapi;
const statuses = () =>
  greenapi()
    .queuedNotifications(id())
    .filter((entry) => entry.body.typeWebhook === 'outgoingMessageStatus')
    .map((entry) => `${String(entry.body.idMessage).slice(0, 6)}:${String(entry.body.status)}`);

describe('GREEN-API sendMessage, queue and journals against the sandbox', () => {
  it('validates chatId and length before sending: …@c.us / …@g.us, at most 20,000 characters (§7.1)', async () => {
    const api = kit.client(0);
    for (const input of [
      { chatId: '79001234567', message: 'hi' },
      { chatId: '+7 900 123-45-67@c.us', message: 'hi' },
      { chatId: '79001234567@с.us', message: 'hi' },
      { chatId: '79001234567@s.whatsapp.net', message: 'hi' },
      { chatId: '79001234567@c.us', message: '' },
      { chatId: '79001234567@c.us', message: 'x'.repeat(20_001) },
      { chatId: '79001234567@c.us', message: 'hi', archive: true },
    ]) {
      const error = await rejection(api.sendMessage(input as never));
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(/^GREEN-API sendMessage \(sending a message\): .+\. Correct it and try again\.$/);
    }
    expect(sandbox.requests.list('greenapi').filter((request) => request.path.includes('sendMessage'))).toHaveLength(0);
    expect(await api.sendMessage({ chatId: '120363043968066561@g.us', message: 'x'.repeat(20_000) })).toEqual({ idMessage: expect.stringMatching(/^[0-9A-F]{20}$/) });
    expect(await api.sendMessage({ chatId: '11001234567-1581234040@g.us', message: 'old-style group id' })).toHaveProperty('idMessage');
  });

  it('queues while not authorized (showMessagesQueue), sends on authorization; clearMessagesQueue empties it (§6, §7)', async () => {
    const api = kit.client(0);
    greenapi().setState(id(), 'notAuthorized');
    const { idMessage } = await api.sendMessage({ chatId: '79001234567@c.us', message: 'queued', linkPreview: false });
    expect(await api.showMessagesQueue()).toEqual([
      { messageID: idMessage, messagesIDs: null, type: 'sendMessage', body: { chatId: '79001234567@c.us', message: 'queued', linkPreview: false } },
    ]);
    greenapi().setState(id(), 'authorized');
    expect(await api.showMessagesQueue()).toEqual([]);
    greenapi().setState(id(), 'notAuthorized');
    await api.sendMessage({ chatId: '79001234567@c.us', message: 'never' });
    expect(await api.clearMessagesQueue()).toEqual({ isCleared: true });
    expect(await api.showMessagesQueue()).toEqual([]);
  });

  it('the queue is paced by delaySendMessagesMilliseconds, counted from the previous send (§8.4)', async () => {
    const api = kit.client(0);
    record().settings.delaySendMessagesMilliseconds = 60_000;
    for (const message of ['a', 'b', 'c']) await api.sendMessage({ chatId: '79001234567@c.us', message });
    // The sends themselves were 22 ms apart on the sandbox clock (the limiter), so "a" left at once.
    expect((await api.showMessagesQueue()).map((item) => item.body?.message)).toEqual(['b', 'c']);
    sandbox.clock.advance(60_000);
    expect((await api.showMessagesQueue()).map((item) => item.body?.message)).toEqual(['c']);
    sandbox.clock.advance(60_000);
    expect(await api.showMessagesQueue()).toEqual([]);
  });

  it('statuses move sent → delivered → read over sandbox time, in notifications and in the journals (§5.3, §6)', async () => {
    const api = kit.client(0);
    const { idMessage } = await api.sendMessage({ chatId: '79001234567@c.us', message: 'Привет' });
    const tag = idMessage.slice(0, 6);
    expect(statuses()).toEqual([`${tag}:sent`]);
    expect(await api.getMessage({ chatId: '79001234567@c.us', idMessage })).toMatchObject({
      type: 'outgoing',
      idMessage,
      chatId: '79001234567@c.us',
      textMessage: 'Привет',
      statusMessage: 'sent',
      sendByApi: true,
    });
    sandbox.clock.advance(sandbox.state.greenapi.timings.readAfterMs);
    expect(statuses()).toEqual([`${tag}:sent`, `${tag}:delivered`, `${tag}:read`]);
    const [received] = (await api.receiveNotification().then((first) => [first]))!;
    expect(received!.notification).toMatchObject({ typeWebhook: 'outgoingMessageStatus', status: 'sent', sendByApi: true, chatId: '79001234567@c.us' });
    expect((await api.lastOutgoingMessages()).find((entry) => entry.idMessage === idMessage)).toMatchObject({ statusMessage: 'read' });
    const history = await api.getChatHistory({ chatId: '79001234567@c.us', count: 2 });
    expect(history[0]!.idMessage).toBe(idMessage);
    expect(history.length).toBeLessThanOrEqual(2);
  });

  it('noAccount and failed come even with outgoingWebhook off; a message to oneself stays sent (§5.3, §7.1)', async () => {
    const api = kit.client(0);
    record().settings.outgoingWebhook = 'no';
    greenapi().setRecipient('70000000000@c.us', 'noAccount');
    greenapi().setRecipient('120363347693198097@g.us', 'notInGroup');
    try {
      const gone = await api.sendMessage({ chatId: '70000000000@c.us', message: 'nobody' });
      sandbox.clock.advance(5_000);
      const group = await api.sendMessage({ chatId: '120363347693198097@g.us', message: 'not a member' });
      sandbox.clock.advance(5_000);
      expect(greenapi().queuedNotifications(id()).map((entry) => entry.body)).toEqual([
        expect.objectContaining({ idMessage: gone.idMessage, status: 'noAccount' }),
        expect.objectContaining({ idMessage: group.idMessage, status: 'failed', description: 'Error: item-not-found' }),
      ]);
      // §13.8: the journal's word for the group case is notInGroup.
      expect(await api.getMessage({ chatId: '120363347693198097@g.us', idMessage: group.idMessage })).toMatchObject({ statusMessage: 'notInGroup' });

      record().settings.outgoingWebhook = 'yes';
      greenapi().dropNotifications(id());
      const self = await api.sendMessage({ chatId: String(record().settings.wid), message: 'note to self' });
      sandbox.clock.advance(sandbox.state.greenapi.timings.readAfterMs);
      expect(statuses()).toEqual([`${self.idMessage.slice(0, 6)}:sent`]);
    } finally {
      greenapi().setRecipient('70000000000@c.us', undefined);
      greenapi().setRecipient('120363347693198097@g.us', undefined);
    }
  });

  it('outgoingAPIMessageReceived only with outgoingAPIMessageWebhook; incoming messages reach lastIncomingMessages', async () => {
    const api = kit.client(0);
    record().settings.outgoingAPIMessageWebhook = 'yes';
    await api.sendMessage({ chatId: '79001234567@c.us', message: 'echo' });
    expect(greenapi().queuedNotifications(id())[0]!.body).toMatchObject({
      typeWebhook: 'outgoingAPIMessageReceived',
      messageData: { typeMessage: 'textMessage', textMessageData: { textMessage: 'echo' } },
    });
    const incoming = greenapi().pushIncomingMessage(id(), { chatId: '79001234599@c.us', text: 'hello back', senderName: 'Иван' });
    const journal = await api.lastIncomingMessages(10);
    expect(journal[0]).toMatchObject({ type: 'incoming', idMessage: incoming, senderName: 'Иван', textMessage: 'hello back' });
  });

  it('journal entries appear after the configured lag; getMessage says "chatId not found" / "Message not found by id" (§6)', async () => {
    const api = kit.client(0);
    sandbox.state.greenapi.timings.journalLagMs = 120_000;
    try {
      const { idMessage } = await api.sendMessage({ chatId: '79005550000@c.us', message: 'later' });
      const early = await rejection(api.getMessage({ chatId: '79005550000@c.us', idMessage }));
      expect(early).toMatchObject({ code: 'provider_validation', details: { providerMessage: 'chatId not found' } });
      sandbox.clock.advance(120_000);
      expect(await api.getMessage({ chatId: '79005550000@c.us', idMessage })).toMatchObject({ idMessage });
      const unknown = await rejection(api.getMessage({ chatId: '79005550000@c.us', idMessage: 'BAE5F4886F6F2D05' }));
      expect(unknown.details.providerMessage).toBe("Message not found by id 'BAE5F4886F6F2D05'");
      expect((await rejection(api.getMessage({ chatId: '79005550000@c.us', idMessage: 'short' }))).code).toBe('invalid_input');
    } finally {
      sandbox.state.greenapi.timings.journalLagMs = 0;
    }
  });

  it('a send is never repeated by the client: 502 fails after one request (§7)', async () => {
    sandbox.faults.inject('greenapi', { kind: 'status', status: 502, times: 3, path: 'sendMessage' });
    const error = await rejection(kit.client(0).sendMessage({ chatId: '79001234567@c.us', message: 'once' }));
    expect(error).toMatchObject({ code: 'provider_unavailable', details: { status: 502, operation: 'sendMessage' } });
    expect(sandbox.requests.list('greenapi').filter((request) => request.path.includes('sendMessage'))).toHaveLength(1);
  });

  it('Developer tariff: a 4th chat gets 466 with the chat figures and a quotaExceeded notification (§8.1)', async () => {
    greenapi().setTariff(id(), 'developer');
    const api = kit.client(0);
    for (const chat of ['79000000001@c.us', '79000000002@c.us', '79000000003@c.us']) await api.sendMessage({ chatId: chat, message: 'hi' });
    await api.sendMessage({ chatId: '79000000001@c.us', message: 'known chat' });
    const error = await rejection(api.sendMessage({ chatId: '79000000004@c.us', message: 'one too many' }));
    expect(error.code).toBe('quota_exceeded');
    const quota = (error as unknown as { quota: { correspondentsStatus: unknown; invokeStatus: unknown } }).quota;
    expect(quota.correspondentsStatus).toMatchObject({ method: 'correspondents', used: 3, total: 3, status: 'CORRESPONDENTS_QUOTE_EXCEEDED' });
    expect(quota.invokeStatus).toMatchObject({ method: 'sendmessage', used: expect.any(Number), total: 0, status: 'QUOTE_ALLOWED' });
    expect(error.details.providerMessage).toMatch(/^correspondents: 3 of 3 used \(CORRESPONDENTS_QUOTE_EXCEEDED\): Monthly quota has been exceeded\. You can only send or receive messages from these numbers: 79000000001@c\.us,79000000002@c\.us,79000000003@c\.us/);
    const notified = greenapi().queuedNotifications(id()).find((entry) => entry.body.typeWebhook === 'quotaExceeded');
    expect(notified!.body.quotaData).toMatchObject({ status: 'CORRESPONDENTS_QUOTA_EXCEEDED', used: 3, total: 3 });
  });
});
