import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../app-error';
import { Redactor } from '../../redactor';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';
import { instantRetry, rejection } from '../test-support';
import { Chat2DeskApi } from './client';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 21 });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.requests.clear();
});

const api = (token = sandbox.demo.chat2desk.apiToken) =>
  new Chat2DeskApi({ baseUrl: sandbox.urls.chat2desk.baseUrl, apiToken: token }, { redactor: new Redactor(), timeoutMs: 3000, retry: instantRetry().retry });
const world = () => sandbox.state.chat2desk;
const controls = () => sandbox.controls.chat2desk;
const sent = () => sandbox.requests.list('chat2desk').map((request) => `${request.method} ${request.path}`);


describe('account', () => {
  it('api_info: company, custom info and the month’s requests; every request spends one', async () => {
    const before = { ...world().company.apiCalls };
    const info = await api().getApiInfo();
    expect(info).toMatchObject({ companyId: world().company.companyId, partnerId: 1, apiMode: 'standard', apiVersion: 1, channels: 3, writeFirst: true, customInfo: null });
    expect(info.apiCalls.usedThisMonth).toBe(before.usedThisMonth + 1);
    expect(info.apiCalls.leftFreeRequests).toBe(before.leftFreeRequests - 1);
    expect(info.apiCalls.left).toBe(before.leftFreeRequests - 1 + before.leftPaidRequests);
  });

  it('a wrong token → auth_failed naming the token; the month used up → forbidden with the next step', async () => {
    const denied = await rejection(api('not-the-token-123').getApiInfo());
    expect(denied).toMatchObject({ code: 'auth_failed', details: { status: 401, providerMessage: 'Invalid API token' } });
    expect(denied.message).toMatch(/^Chat2Desk rejected the API token \(401\) while reading the API limits on 127\.0\.0\.1:\d+\. Chat2Desk said: "Invalid API token"\. Check the API token/);

    const saved = { ...world().company.apiCalls };
    sandbox.requests.clear();
    controls().setApiCalls({ leftFreeRequests: 0, leftPaidRequests: 0 });
    try {
      const exhausted = await rejection(api().listChannels());
      expect(exhausted.code).toBe('forbidden');
      expect(exhausted.message).toContain("this month’s API requests are not used up");
      expect(sent()).toEqual(['GET /v1/channels']);
    } finally {
      controls().setApiCalls(saved);
    }
  });

  it('api_modes and transports', async () => {
    const modes = await api().getApiModes();
    expect(modes.map((mode) => mode.name)).toEqual(['locked', 'demo', 'normal', 'unlimited']);
    expect(modes[2]!.description).toBe('250000 requests per month');
    const transports = await api().getTransports();
    expect(transports).toHaveLength(30);
    expect(transports.find((t) => t.transport === 'whatsapp')!.toClient).toEqual({ text: true, image: true, audio: false, video: false, pdf: true, location: false });
    expect(transports.every((t) => !t.toClient.location)).toBe(true);
  });

  it('channels: limit/offset with meta, the daily WhatsApp limit, and every page walked', async () => {
    const firstPage = await api().listChannels();
    expect(firstPage).toMatchObject({ total: 3, limit: 20, offset: 0 });
    const channel = world().channels[0]!;
    controls().setChannelDailyLimit(channel.id, { limit: 10, used: 7 });
    const page = await api().listChannels({ limit: 1, offset: 0 });
    expect(page.items).toEqual([
      { id: channel.id, name: channel.name, phone: channel.phone, transports: channel.transports, whatsappDailyNewClients: { limit: 10, used: 7, left: 3 } },
    ]);
    sandbox.requests.clear();
    const all = [];
    for await (const item of api().iterateChannels({ pageSize: 1 })) all.push(item.id);
    expect(all).toEqual(world().channels.map((c) => c.id));
    expect(sent()).toEqual(['GET /v1/channels?limit=1&offset=0', 'GET /v1/channels?limit=1&offset=1', 'GET /v1/channels?limit=1&offset=2', 'GET /v1/channels?limit=1&offset=3']);
  });

  it('a limit over 200 is refused before anything is sent', async () => {
    sandbox.requests.clear();
    const error = await rejection(api().listChannels({ limit: 201 }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('limit');
    expect(sent()).toEqual([]);
  });

  it('companies/info and the working mode; custom info read back through api_info', async () => {
    expect(await api().getCompanyInfo()).toMatchObject({ name: world().company.companyName, workingMode: 'online', workingHours: expect.arrayContaining([{ begin: '09 : 00', end: '21 : 00' }]) });
    await api().switchWorkingMode('offline');
    expect((await api().getCompanyInfo()).workingMode).toBe('offline');
    await api().switchWorkingMode('online');
    expect((await rejection(api().switchWorkingMode('away' as never))).code).toBe('invalid_input');

    await api().setCustomInfo({ '1': 'VIP desk', '3': 'Night shift' });
    expect((await api().getApiInfo()).customInfo).toEqual({ '1': 'VIP desk', '3': 'Night shift' });
    expect((await rejection(api().setCustomInfo({}))).code).toBe('invalid_input');
  });

  it('qr_decode: the text of a known image; an unreadable one is the provider’s 400', async () => {
    controls().registerQrImage('http://127.0.0.1:9/qr.png', '2@abc,def');
    expect(await api().decodeQr('http://127.0.0.1:9/qr.png')).toEqual({ text: '2@abc,def' });
    const unreadable = await rejection(api().decodeQr('https://cdn.example.com/cat.jpg'));
    expect(unreadable).toMatchObject({ code: 'provider_validation', details: { fields: [{ path: 'image_path', message: 'Could not decode a QR code from this image.' }] } });
    expect((await rejection(api().decodeQr('file:///etc/passwd'))).code).toBe('invalid_input');
  });

  it('DELETE tickets: success, then the 200-with-"error" reply is a not-found, never a success', async () => {
    await api().deleteTicket(1);
    const again = await rejection(api().deleteTicket(1));
    expect(again).toMatchObject({ code: 'provider_not_found', details: { status: 200, providerMessage: 'Ticket #1 not found' } });
    expect(again.message).toMatch(/^Chat2Desk answered "not found" \(200 with an error in the body\) while deleting ticket #1/);
    // Not retried (a DELETE never is).
    expect(sent().filter((line) => line === 'DELETE /v1/tickets/1')).toHaveLength(2);
  });
});

describe('messages', () => {
  it('lists by start_id, with filters, and walks every page forward', async () => {
    const ids = world().messages.map((m) => m.id).sort((a, b) => a - b);
    const first = await api().messages.list();
    expect(first.messages.map((m) => m.id)).toEqual(ids.slice(0, 20));
    expect(first.total).toBe(ids.length);
    const fromTenth = await api().messages.list({ startId: ids[9], limit: 5 });
    expect(fromTenth.messages.map((m) => m.id)).toEqual(ids.slice(9, 14));
    const client = world().clients[0]!;
    const mine = await api().messages.list({ clientId: client.id, limit: 200 });
    expect(mine.messages.every((m) => m.clientId === client.id)).toBe(true);

    sandbox.requests.clear();
    const walked = [];
    for await (const message of api().messages.iterate({}, { pageSize: 10 })) walked.push(message.id);
    expect(walked).toEqual(ids);
    expect(sent()).toHaveLength(Math.floor(ids.length / 10) + 1);
    expect(sent()[1]).toBe(`GET /v1/messages?order=asc&start_id=${ids[9]! + 1}&limit=10`);
  });

  it('start_id with start_date is refused before sending (A8: mutually exclusive)', async () => {
    const error = await rejection(api().messages.list({ startId: 5, startDate: '2025-01-01' }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('start_id cannot be combined with start_date/finish_date');
  });

  it('gets one message with its documented fields; a missing one is "Message #id not found"', async () => {
    const record = world().messages.find((m) => m.type === 'to_client')!;
    const message = await api().messages.get(record.id);
    expect(message).toMatchObject({ id: record.id, type: 'to_client', clientId: record.clientId, channelId: record.channelId, read: true, deliveryStatus: record.recipientStatus });
    expect(message.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d UTC$/);
    const missing = await rejection(api().messages.get(1));
    expect(missing).toMatchObject({ code: 'provider_not_found', details: { providerMessage: 'Message #1 not found' } });
  });

  it('sends; the delivery status moves on by the sandbox clock', async () => {
    const client = world().clients.find((c) => c.transport === 'whatsapp')!;
    const result = await api().messages.send({ clientId: client.id, text: 'Hello from Switchboard' });
    expect(result).toMatchObject({ clientId: client.id, type: 'to_client', transport: 'whatsapp' });
    expect((await api().messages.get(result.messageId!)).deliveryStatus).toBe('pending');
    sandbox.clock.advance(5_000);
    expect((await api().messages.get(result.messageId!)).deliveryStatus).toBe('delivered');
    sandbox.clock.advance(60_000);
    expect((await api().messages.get(result.messageId!)).deliveryStatus).toBe('seen');
  });

  it('send errors: input checked first; an unknown client is the provider’s 404', async () => {
    sandbox.requests.clear();
    expect((await rejection(api().messages.send({ clientId: 1 }))).message).toContain('text is required when there is no attachment');
    expect((await rejection(api().messages.send({ clientId: 1, text: 'x', attachmentFilename: 'a.pdf' }))).code).toBe('invalid_input');
    expect(sent()).toEqual([]);
    const unknown = await rejection(api().messages.send({ clientId: 99, text: 'x' }));
    expect(unknown).toMatchObject({ code: 'provider_not_found', details: { providerMessage: 'Client #99 not found' } });
    expect(unknown.message).toContain('messages go only to existing clients');
  });

  it('429 above the send rate: reported with Retry-After, never retried', async () => {
    controls().configure({ sendsPerSecond: 3 });
    try {
      // A fresh second of sandbox time: earlier sends are out of the window.
      sandbox.clock.advance(1_000);
      sandbox.requests.clear();
      const client = world().clients[0]!;
      const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => api().messages.send({ clientId: client.id, text: `burst ${i}` })));
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as AppError);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      expect(rejected.map((e) => [e.code, e.details.status, e.details.retryAfterSeconds])).toEqual([
        ['rate_limited', 429, 1],
        ['rate_limited', 429, 1],
      ]);
      expect(rejected[0]!.message).toContain('This message was not sent and Switchboard does not resend it by itself');
      expect(sent().filter((line) => line === 'POST /v1/messages')).toHaveLength(5);
    } finally {
      controls().configure({ sendsPerSecond: 20 });
    }
  });

  it('delivery status on an external channel; refused elsewhere; "scheduled" has no code', async () => {
    const external = world().clients.find((c) => c.transport === 'external')!;
    const { messageId } = await api().messages.send({ clientId: external.id, text: 'Your order shipped' });
    expect((await api().messages.get(messageId!)).deliveryStatus).toBe('sent');
    sandbox.requests.clear();
    await api().messages.setStatus(messageId!, 'delivered');
    expect(sent()).toEqual([`PUT /v1/messages/${messageId}/status/6`]);
    expect((await api().messages.get(messageId!)).deliveryStatus).toBe('delivered');

    const whatsapp = world().messages.find((m) => m.transport === 'whatsapp' && m.type === 'to_client')!;
    const refused = await rejection(api().messages.setStatus(whatsapp.id, 'seen'));
    expect(refused.code).toBe('provider_validation');
    expect(refused.message).toContain('only for outgoing messages of an external channel');
    expect((await rejection(api().messages.setStatus(messageId!, 'scheduled' as never))).message).toContain('"scheduled" has no status code');
    expect((await rejection(api().messages.setStatus(1, 'seen'))).code).toBe('provider_not_found');
  });
});
