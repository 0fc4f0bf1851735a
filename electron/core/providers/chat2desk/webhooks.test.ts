import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Redactor } from '../../redactor';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';
import { instantRetry, rejection } from '../test-support';
import { Chat2DeskApi } from './client';
import { parseChat2DeskEvent } from './events';
import { verifyChat2DeskSignature } from './signature';

/** A local webhook receiver: keeps every delivery's raw body and headers, answers `status`. */
interface Receiver {
  url: string;
  received: { headers: IncomingHttpHeaders; rawBody: string }[];
  status: number;
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = { url: '', received: [], status: 200, close: () => new Promise((resolve) => server.close(() => resolve())) };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      receiver.received.push({ headers: req.headers, rawBody: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(receiver.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/chat2desk`;
  return receiver;
}

let sandbox: Sandbox;
let receiver: Receiver;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 33 });
  receiver = await startReceiver();
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});
beforeEach(() => {
  receiver.received.length = 0;
  receiver.status = 200;
});
afterEach(async () => {
  for (const hook of (await api().webhooks.list()).webhooks) await api().webhooks.delete(hook.id);
});

const api = () =>
  new Chat2DeskApi({ baseUrl: sandbox.urls.chat2desk.baseUrl, apiToken: sandbox.demo.chat2desk.apiToken }, { redactor: new Redactor(), timeoutMs: 3000, retry: instantRetry().retry });
const controls = () => sandbox.controls.chat2desk;
const channels = () => sandbox.state.chat2desk.channels;
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;


describe('webhook CRUD', () => {
  it('the catalogue: 25 documented events, the three hook_type aliases and the channel scope', () => {
    const catalogue = api().webhooks.catalogue();
    expect(catalogue).toHaveLength(25);
    expect(catalogue.filter((event) => event.name !== event.hookType).map((event) => [event.name, event.hookType])).toEqual([
      ['operator_status_changed', 'operator_status_updated'],
      ['device_updated', 'device_update'],
      ['new_ticket', 'ticket_created'],
    ]);
    expect(catalogue.find((event) => event.name === 'inbox')!.channelScoped).toBe(true);
    expect(catalogue.find((event) => event.name === 'client_updated')!.channelScoped).toBe(false);
  });

  it('create (200, enabled) → list with the free allowance → get (one-element array) → update → disable/enable → delete', async () => {
    const created = await api().webhooks.create({ url: receiver.url, name: 'CRM', events: ['inbox', 'outbox'], channels: [channels()[0]!.id] });
    expect(created).toMatchObject({ name: 'CRM', url: receiver.url, events: ['inbox', 'outbox'], status: 'enable', enabled: true, errors: [], source: 'client', channels: [channels()[0]!.id] });

    const list = await api().webhooks.list();
    expect(list).toMatchObject({ freeLimit: 5, freeSlotsLeft: 4 });
    expect(list.webhooks.map((hook) => hook.id)).toEqual([created.id]);

    // [CONTRA] A6: get-by-id has no source and no channels.
    expect(await api().webhooks.get(created.id)).toMatchObject({ id: created.id, name: 'CRM', source: null, channels: null });

    const renamed = await api().webhooks.update(created.id, { name: 'CRM v2', events: ['inbox'] });
    expect(renamed).toMatchObject({ name: 'CRM v2', events: ['inbox'], status: 'enable' });
    expect((await api().webhooks.setEnabled(created.id, false)).status).toBe('disable');
    expect(sandbox.requests.list('chat2desk').at(-1)).toMatchObject({ method: 'PUT', path: `/v1/webhooks/${created.id}?status=disable` });
    expect((await api().webhooks.setEnabled(created.id, true)).enabled).toBe(true);

    await api().webhooks.delete(created.id);
    expect((await api().webhooks.list()).webhooks).toEqual([]);
    const gone = await rejection(api().webhooks.get(created.id));
    expect(gone).toMatchObject({ code: 'provider_not_found', details: { providerMessage: `Webhook #${created.id} not found` } });
    expect((await rejection(api().webhooks.delete(created.id))).code).toBe('provider_not_found');
  });

  it('undocumented event names and non-http URLs are refused before sending', async () => {
    sandbox.requests.clear();
    const unknownEvent = await rejection(api().webhooks.create({ url: receiver.url, name: 'x', events: ['inbox', 'message_sent' as never] }));
    expect(unknownEvent.code).toBe('invalid_input');
    expect(unknownEvent.message).toContain('events.1');
    expect((await rejection(api().webhooks.create({ url: 'ftp://x', name: 'x', events: ['inbox'] }))).code).toBe('invalid_input');
    expect(sandbox.requests.list('chat2desk')).toEqual([]);
  });

  it('a sixth webhook is the documented-style 400; the free allowance shows 0 left', async () => {
    for (let i = 0; i < 5; i++) await api().webhooks.create({ url: receiver.url, name: `hook ${i}`, events: ['inbox'] });
    expect((await api().webhooks.list()).freeSlotsLeft).toBe(0);
    const sixth = await rejection(api().webhooks.create({ url: receiver.url, name: 'hook 6', events: ['inbox'] }));
    expect(sixth).toMatchObject({
      code: 'provider_validation',
      details: { status: 400, fields: [{ path: 'webhooks', message: 'Up to 5 simultaneous webhooks are allowed for free.' }] },
    });
  });
});

describe('webhook delivery', () => {
  it('POSTs the event signed with X-Signature/X-Timestamp; the receiver verifies it with the API token', async () => {
    const hook = await api().webhooks.create({ url: receiver.url, name: 'inbox', events: ['inbox', 'new_client', 'new_request'] });
    const messageId = controls().pushInbound({ text: 'Hi, is my order ready?', phone: '79990001122', channelId: channels()[0]!.id });
    await controls().settle();

    expect(receiver.received.map((delivery) => JSON.parse(delivery.rawBody).hook_type)).toEqual(['new_client', 'new_request', 'inbox']);
    const attempts = controls().webhookAttempts();
    for (const [index, delivery] of receiver.received.entries()) {
      const check = verifyChat2DeskSignature({
        apiToken: sandbox.demo.chat2desk.apiToken,
        rawBody: delivery.rawBody,
        signature: delivery.headers['x-signature'] as string,
        timestamp: delivery.headers['x-timestamp'] as string,
      });
      expect(check).toEqual({ valid: true });
      // X-Timestamp is the sandbox clock's unix seconds at the attempt.
      expect(delivery.headers['x-timestamp']).toBe(String(Math.floor(attempts[index]!.atMs / 1000)));
    }
    const wrongToken = verifyChat2DeskSignature({
      apiToken: 'someone-elses-token',
      rawBody: receiver.received[2]!.rawBody,
      signature: receiver.received[2]!.headers['x-signature'] as string,
      timestamp: receiver.received[2]!.headers['x-timestamp'] as string,
    });
    expect(wrongToken.valid).toBe(false);

    const inbox = parseChat2DeskEvent(JSON.parse(receiver.received[2]!.rawBody));
    expect(inbox).toMatchObject({ ok: true, event: { name: 'inbox', payload: { message_id: messageId, type: 'from_client', text: 'Hi, is my order ready?', is_new_client: true } } });
    expect(JSON.parse(receiver.received[2]!.rawBody).event_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(attempts.every((attempt) => attempt.hookId === hook.id && attempt.outcome === 'delivered')).toBe(true);
  });

  it('the channels filter applies to channel events only', async () => {
    const [mine, other] = [channels()[0]!, channels()[1]!];
    await api().webhooks.create({ url: receiver.url, name: 'filtered', events: ['inbox', 'operator_status_changed', 'device_updated'], channels: [mine.id] });
    controls().pushInbound({ text: 'on my channel', channelId: mine.id, phone: '70000000001' });
    controls().pushInbound({ text: 'on another channel', channelId: other.id, phone: '70000000002' });
    controls().updateDevice(other.id);
    controls().updateDevice(mine.id);
    // An operator event belongs to no channel: it arrives whatever the filter.
    controls().setOperatorOnline(sandbox.state.chat2desk.operators[0]!.id, false);
    await controls().settle();
    const bodies = receiver.received.map((delivery) => JSON.parse(delivery.rawBody));
    expect(bodies.map((body) => [body.hook_type, body.channel_id ?? null])).toEqual([
      ['inbox', mine.id],
      ['device_update', mine.id],
      ['operator_status_updated', null],
    ]);
  });

  it('outbox and outbox_status follow a send through its statuses', async () => {
    await api().webhooks.create({ url: receiver.url, name: 'deliveries', events: ['outbox', 'outbox_status'] });
    const client = sandbox.state.chat2desk.clients.find((candidate) => candidate.transport === 'telegram')!;
    const { messageId } = await api().messages.send({ clientId: client.id, text: 'Order #12 shipped' });
    sandbox.clock.advance(5 * SECOND);
    await controls().settle();
    const events = receiver.received.map((delivery) => JSON.parse(delivery.rawBody));
    expect(events.map((event) => event.hook_type)).toEqual(['outbox', 'outbox_status', 'outbox_status']);
    expect(events[0]).toMatchObject({ message_id: messageId, type: 'to_client', channel_id: client.channelId });
    expect(events.slice(1).map((event) => [event.data.id, event.data.gateway_status])).toEqual([
      [messageId, 'sent'],
      [messageId, 'delivered'],
    ]);
  });

  it('retries at +10 s, +5 min and +2 h by the sandbox clock, then disables the hook after 5 h', async () => {
    const hook = await api().webhooks.create({ url: receiver.url, name: 'flaky', events: ['inbox'] });
    receiver.status = 500;
    controls().pushInbound({ text: 'anyone?', clientId: sandbox.state.chat2desk.clients[0]!.id });
    await controls().settle();
    const attempts = () => controls().webhookAttempts().filter((attempt) => attempt.hookId === hook.id).map((attempt) => [attempt.attempt, attempt.outcome, attempt.status]);
    expect(attempts()).toEqual([[1, 'failed', 500]]);

    sandbox.clock.advance(9 * SECOND);
    await controls().settle();
    expect(attempts()).toHaveLength(1);
    sandbox.clock.advance(1 * SECOND);
    await controls().settle();
    expect(attempts()).toHaveLength(2);
    sandbox.clock.advance(5 * MINUTE - 10 * SECOND);
    await controls().settle();
    expect(attempts()).toHaveLength(3);
    sandbox.clock.advance(2 * HOUR - 5 * MINUTE);
    await controls().settle();
    expect(attempts()).toEqual([
      [1, 'failed', 500],
      [2, 'failed', 500],
      [3, 'failed', 500],
      [4, 'failed', 500],
    ]);
    // The same body and a fresh signature on every try.
    const tries = receiver.received;
    expect(new Set(tries.map((delivery) => delivery.rawBody)).size).toBe(1);
    expect(new Set(tries.map((delivery) => delivery.headers['x-timestamp'])).size).toBe(4);

    // The sandbox clock also runs in real time, so the edges are a minute wide rather than a millisecond.
    sandbox.clock.advance(3 * HOUR - MINUTE);
    await controls().settle();
    expect((await api().webhooks.get(hook.id)).status).toBe('enable');
    sandbox.clock.advance(MINUTE);
    await controls().settle();
    const disabled = await api().webhooks.get(hook.id);
    expect(disabled).toMatchObject({ status: 'disable', enabled: false });
    expect(disabled.errors.at(-1)).toContain('disabled after 5 hours without a successful delivery');

    // Disabled: no more deliveries. Enabled again, they resume.
    receiver.status = 200;
    controls().pushInbound({ text: 'still there?', clientId: sandbox.state.chat2desk.clients[0]!.id });
    await controls().settle();
    expect(receiver.received).toHaveLength(4);
    await api().webhooks.setEnabled(hook.id, true);
    controls().pushInbound({ text: 'hello again', clientId: sandbox.state.chat2desk.clients[0]!.id });
    await controls().settle();
    expect(attempts().at(-1)).toEqual([1, 'delivered', 200]);
  });

  it('the retry schedule scales for a demo: ×0.001 turns 10 s into 10 ms of sandbox time', async () => {
    controls().configure({ retryScale: 0.001 });
    try {
      const hook = await api().webhooks.create({ url: receiver.url, name: 'fast', events: ['inbox'] });
      receiver.status = 503;
      controls().pushInbound({ text: 'quick', clientId: sandbox.state.chat2desk.clients[0]!.id });
      await controls().settle();
      sandbox.clock.advance(10);
      await controls().settle();
      const mine = controls().webhookAttempts().filter((attempt) => attempt.hookId === hook.id);
      expect(mine.map((attempt) => attempt.attempt)).toEqual([1, 2]);
    } finally {
      controls().configure({ retryScale: 1 });
    }
  });
});
