import { createHash, createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DeliveryCallbackSchema } from '../../../providers/chatpush/delivery-schemas';
import { startTestProxy } from '../../../providers/http/test-proxy';
import { startTestCore } from '../../../testing/test-core';
import { TESTER_USER_AGENT } from './send-sample';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

type Received = { method: string; url: string; rawHeaders: [string, string][]; body: string };

/** A receiver that keeps each request's header lines exactly as they arrived (names as written, in order). */
async function receiver(answer: (body: string) => string = () => 'ok') {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawHeaders = req.rawHeaders.flatMap((name, index, all): [string, string][] => (index % 2 ? [] : [[name, all[index + 1]!]]));
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ method: req.method ?? '', url: req.url ?? '', rawHeaders, body });
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(answer(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise((resolve) => server.close(() => resolve())));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/hook?x=1`, host: `127.0.0.1:${port}`, received };
}

async function core() {
  const running = await startTestCore();
  cleanup.push(() => running.dispose());
  return running;
}

describe('webhook tester: the request shown is the request sent', () => {
  it('Chategy/Jetapi message_status, individual variant: every header line as it arrived, and the exact body', async () => {
    const running = await core();
    const target = await receiver();
    const exchange = await running.call('webhooks.testerSend', { provider: 'chatpush', type: 'message_status', variant: 'individual', url: target.url });
    const [request] = target.received;
    expect(request).toMatchObject({ method: 'POST', url: '/hook?x=1' });
    // Nothing the shown table leaves out (no user-agent: node, sec-fetch-mode, accept-language, accept-encoding).
    expect(exchange.request.headers).toEqual(request!.rawHeaders);
    expect(request!.rawHeaders).toEqual([
      ['host', target.host],
      ['connection', 'close'],
      ['Content-Type', 'application/json'],
      ['User-Agent', TESTER_USER_AGENT],
      ['content-length', String(Buffer.byteLength(request!.body))],
    ]);
    expect(request!.body).toBe(exchange.request.body);
    const sent = JSON.parse(request!.body) as { payload: { message_status: { timestamp: number } } };
    const expected = {
      type: 'message_status',
      payload: {
        customer_id: 591,
        delivery_id: 94_396_942,
        message_status: {
          id: 'true_995598464533@c.us_3EB0608D6A2901063D63THISISBOT',
          status: 'read',
          timestamp: sent.payload.message_status.timestamp,
          chat_id: '995598464533@c.us',
          chat_lid: '43445322325@lid',
          chat_phone: '995598464533',
        },
      },
    };
    // Byte for byte, key order included: the individual variant has a top-level customer_id and no instance.
    expect(request!.body).toBe(JSON.stringify(expected));
    expect(Number.isInteger(sent.payload.message_status.timestamp)).toBe(true);
  });

  it('GREEN-API and Chat2Desk: the same lines, with the Authorization value masked and the signature shown', async () => {
    const running = await core();
    const target = await receiver();
    const green = await running.call('webhooks.testerSend', {
      provider: 'greenapi',
      type: 'stateInstanceChanged',
      url: target.url,
      instance: null,
      authorization: { kind: 'given', value: 'Bearer wire-token-5150' },
    });
    const [arrived] = target.received;
    expect(green.request.headers).toEqual(arrived!.rawHeaders.map(([name, value]) => [name, name === 'Authorization' ? 'Bearer ••••5150' : value]));
    expect(arrived!.rawHeaders.find(([name]) => name === 'Authorization')).toEqual(['Authorization', 'Bearer wire-token-5150']);

    const signed = await running.call('webhooks.testerSend', { provider: 'chat2desk', type: 'inbox', url: target.url, signer: { kind: 'token', apiToken: 'typed-token-7' } });
    expect(signed.request.headers).toEqual(target.received[1]!.rawHeaders);
  });
});

describe('webhook tester: Chat2Desk signed with a typed token', () => {
  it('signs with MD5 of the typed token, keeps nothing, and masks a receiver echoing the token or its key', async () => {
    const running = await core();
    const token = 'typed-c2d-token-4711';
    const key = createHash('md5').update(token).digest('hex');
    const target = await receiver(() => JSON.stringify({ token, key }));
    const exchange = await running.call('webhooks.testerSend', { provider: 'chat2desk', type: 'outbox_status', url: target.url, signer: { kind: 'token', apiToken: token } });
    const [request] = target.received;
    const header = (name: string) => request!.rawHeaders.find(([candidate]) => candidate.toLowerCase() === name)?.[1];
    expect(header('x-signature')).toBe(createHmac('sha256', key).update(request!.body + header('x-timestamp')).digest('hex'));
    expect(JSON.stringify(exchange)).not.toContain(token);
    expect(JSON.stringify(exchange)).not.toContain(key);
    // Not stored: no account was made of it.
    expect(await running.call('accounts.list', {})).toEqual([]);
  });

  it('refuses an empty typed token as a field problem', async () => {
    const running = await core();
    const result = await running.callRaw('webhooks.testerSend', { provider: 'chat2desk', type: 'inbox', url: 'https://hooks.example.com/c2d', signer: { kind: 'token', apiToken: '  ' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { fields: [{ path: 'signer.apiToken', code: 'required' }] } } });
  });
});

describe('webhook tester: through the proxy of the Network settings', () => {
  it('goes through the proxy the operator set, like every provider call', async () => {
    const running = await core();
    const proxy = await startTestProxy();
    cleanup.push(() => proxy.close());
    const target = await receiver();
    // The receiver is on loopback: `<-loopback>` sends loopback through the proxy too (shared/network-settings.ts).
    await running.call('network.update', { mode: 'manual', url: proxy.url(), username: '', bypass: '<-loopback>' });
    await running.call('webhooks.testerSend', { provider: 'chatpush', type: 'message_status', variant: 'individual', url: target.url });
    expect(target.received).toHaveLength(1);
    expect(proxy.seen.map((each) => each.method)).toEqual(['POST']);
  });
});

describe('webhook tester: the §6.7 status callback', () => {
  it('is offered, sent without a variant in the documented shape, and recognised when pasted back', async () => {
    const running = await core();
    expect((await running.call('webhooks.testerSamples', {})).chatpush).toContain('delivery_status_callback');
    const target = await receiver();
    const exchange = await running.call('webhooks.testerSend', { provider: 'chatpush', type: 'delivery_status_callback', variant: null, url: target.url });
    const body = target.received[0]!.body;
    expect(body).toBe(exchange.request.body);
    expect(JSON.parse(body)).toEqual({ delivery: { sender_name: 'JETAPI.IO', id: 94_396_942, status: { status_id: 16, description: 'Read', dispatch_routing: 'whatsapp' } } });
    expect(DeliveryCallbackSchema.parse(JSON.parse(body))).toMatchObject({ statusId: 16, channel: 'whatsapp' });
    const inspected = await running.call('webhooks.testerInspect', { body, signature: '', timestamp: '', key: { kind: 'none' } });
    expect(inspected).toMatchObject({ provider: 'chatpush', type: 'delivery_status_callback', valid: true, problems: [] });
  });

  it('a webhook payload type without its variant is a field problem, not a guess', async () => {
    const running = await core();
    const result = await running.callRaw('webhooks.testerSend', { provider: 'chatpush', type: 'message_status', variant: null, url: 'https://hooks.example.com/x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { fields: [{ path: 'variant', code: 'required' }] } } });
    const unknown = await running.callRaw('webhooks.testerSend', { provider: 'chatpush', type: 'no_such_type', variant: 'developer', url: 'https://hooks.example.com/x' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { fields: [{ path: 'type', code: 'unknown_sample_type' }] } } });
  });
});

describe('webhook tester: pasted payload problems are codes, not English', () => {
  const inspect = async (body: string) => (await core()).call('webhooks.testerInspect', { body, signature: '', timestamp: '', key: { kind: 'none' } });

  it('not JSON: where it stops being JSON, or that it ends too early', async () => {
    expect((await inspect('{\n  "a": 1,\n  "b": tru\n}')).parseError).toEqual({ path: '', code: 'not_json', params: { line: 3, column: 11, found: '\n' } });
    expect((await inspect('{"a": [1, 2')).parseError).toEqual({ path: '', code: 'not_json', params: { line: 1, column: 12 } });
  });

  it('each provider’s shape problems name the field and a code', async () => {
    expect(await inspect('{"hello":"world"}')).toMatchObject({ provider: null, problems: [{ path: '', code: 'no_provider_field' }] });
    expect(await inspect('{"hook_type":"made_up","event_time":"x"}')).toMatchObject({
      provider: 'chat2desk',
      type: 'made_up',
      valid: false,
      problems: [{ path: 'hook_type', code: 'unknown_event', params: { value: 'made_up' } }],
    });
    const inbox = await inspect('{"hook_type":"inbox","message_id":28780,"type":"from_client","transport":"widget","event_time":"2025-04-03T11:50:06Z"}');
    expect(inbox).toMatchObject({ provider: 'chat2desk', type: 'inbox', valid: false });
    expect(inbox.problems).toContainEqual({ path: 'client_id', code: 'invalid_union', params: { received: 'undefined' } });
    expect(await inspect('{"type":"message_status","payload":{"delivery_id":1,"message_status":{"id":"x","status":"read"}}}')).toMatchObject({
      provider: 'chatpush',
      valid: false,
      problems: [{ path: 'payload.customer_id', code: 'customer_id_missing' }],
    });
    expect(await inspect('{"delivery":{"id":26}}')).toMatchObject({ provider: 'chatpush', type: 'delivery_status_callback', problems: [{ path: 'delivery.status', code: 'callback_status_missing' }] });
    // A documented GREEN-API type with a malformed field names that field (not "typeWebhook is not unknown").
    const green = await inspect('{"typeWebhook":"stateInstanceChanged","instanceData":{"idInstance":1,"wid":"","typeInstance":"whatsapp"},"timestamp":1586700690}');
    expect(green).toMatchObject({ provider: 'greenapi', valid: false });
    expect(green.problems).toEqual([{ path: 'stateInstance', code: 'invalid_type', params: { expected: 'string', received: 'undefined' } }]);
    for (const result of [inbox, green]) for (const problem of result.problems) expect(problem).not.toHaveProperty('message');
  });
});
