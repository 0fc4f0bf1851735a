import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { addSandboxAccounts } from '../../../testing/sandbox-accounts';
import { startTestCore } from '../../../testing/test-core';

/** Spec A6's signature test vector (body, timestamp, signature; key is the literal MD5 form "md5_api_token"). */
const VECTOR_BODY =
  '{"message_id":28780,"type":"from_client","text":"test7","transport":"widget","client_id":12568,"operator_id":null,"dialog_id":942,"channel_id":1,"photo":null,"coordinates":null,"audio":null,"pdf":null,"client":{"id":12568,"phone":"[chat] 1d0bb2e221762cfcc05c","client_phone":null,"name":"[chat] 1d0bb2e221762cfcc05c","assigned_name":null,"external_id":null},"hook_type":"inbox","request_id":5357,"attachments":[],"is_new_request":false,"is_new_client":false,"insta_comment":false,"extra_data":{},"is_new":true,"event_time":"2025-04-03T11:50:06.984494Z"}';
const VECTOR = { body: VECTOR_BODY, timestamp: '1743681006', signature: '88b574d8237e1b7740f88102018b734d3dd5bc6803c509a3694eff9721b0c595' };

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

/** A receiver that records each request exactly as it arrived and answers 202 with a header and a body. */
async function receiver() {
  const received: { method: string; headers: IncomingHttpHeaders; rawHeaders: [string, string][]; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawHeaders = req.rawHeaders.flatMap((name, index, all): [string, string][] => (index % 2 ? [] : [[name, all[index + 1]!]]));
      received.push({ method: req.method ?? '', headers: req.headers, rawHeaders, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(202, { 'Content-Type': 'text/plain', 'X-Receiver': 'test' });
      res.end('accepted');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

async function core() {
  const running = await startTestCore();
  cleanup.push(() => running.dispose());
  const sandbox = await running.core.sandboxReady();
  return { running, sandbox };
}

describe('webhook tester', () => {
  it('sends a Chat2Desk sample signed with the account token, and shows both sides of the exchange', async () => {
    const { running, sandbox } = await core();
    const { chat2desk: account } = await addSandboxAccounts(running, { chat2desk: (draft) => ({ ...draft, name: 'C2D' }) });
    const target = await receiver();
    const exchange = await running.call('webhooks.testerSend', { provider: 'chat2desk', type: 'outbox_status', url: target.url, signer: { kind: 'account', accountId: account.id } });
    const [request] = target.received;
    expect(request!.method).toBe('POST');
    expect(request!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request!.body).toBe(exchange.request.body);
    const key = createHash('md5').update(sandbox.demo.chat2desk.apiToken).digest('hex');
    const timestamp = request!.headers['x-timestamp'] as string;
    expect(request!.headers['x-signature']).toBe(createHmac('sha256', key).update(request!.body + timestamp).digest('hex'));
    expect(JSON.parse(request!.body)).toMatchObject({ hook_type: 'outbox_status', data: { gateway_status: 'delivered' } });
    expect(exchange.response).toMatchObject({ status: 202, body: 'accepted', truncated: false });
    expect(exchange.response.headers).toContainEqual(['x-receiver', 'test']);

    // The same body checks out in the inspector with the account's token.
    const inspected = await running.call('webhooks.testerInspect', { body: request!.body, signature: request!.headers['x-signature'], timestamp, key: { kind: 'account', accountId: account.id } });
    expect(inspected).toMatchObject({ provider: 'chat2desk', type: 'outbox_status', valid: true, signature: { checked: true, valid: true } });
  });

  it('sends GREEN-API samples with the Authorization header, shown masked', async () => {
    const { running } = await core();
    const target = await receiver();
    const exchange = await running.call('webhooks.testerSend', {
      provider: 'greenapi',
      type: 'outgoingMessageStatus',
      url: target.url,
      instance: null,
      authorization: { kind: 'given', value: 'hook-token-4242' },
    });
    expect(target.received[0]!.headers.authorization).toBe('Bearer hook-token-4242');
    expect(exchange.request.headers).toContainEqual(['Authorization', 'Bearer ••••4242']);
    expect(JSON.stringify(exchange)).not.toContain('hook-token-4242');
  });

  it('masks the Authorization credential a receiver echoes back, with or without its scheme', async () => {
    const { running } = await core();
    const server = createServer((req, res) => {
      const authorization = req.headers.authorization ?? '';
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Echo': authorization.split(' ')[1] ?? '' });
      res.end(JSON.stringify({ authorization, credential: authorization.split(' ')[1] }));
      req.resume();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise((resolve) => server.close(() => resolve())));
    const exchange = await running.call('webhooks.testerSend', {
      provider: 'greenapi',
      type: 'outgoingMessageStatus',
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
      instance: null,
      authorization: { kind: 'given', value: 'Basic ZWNobzplY2hvLXNlY3JldA==' },
    });
    expect(exchange.response.body).toContain('"credential":"••••"');
    expect(JSON.stringify(exchange)).not.toContain('ZWNobzplY2hvLXNlY3JldA==');
  });

  it('verifies the spec signature vector and recognises each provider', async () => {
    const { running } = await core();
    const inspect = (body: string, extra: object = {}) => running.call('webhooks.testerInspect', { body, signature: '', timestamp: '', key: { kind: 'none' }, ...extra });
    expect(await inspect(VECTOR.body, { ...VECTOR, key: { kind: 'md5', key: 'md5_api_token' } })).toMatchObject({
      provider: 'chat2desk',
      type: 'inbox',
      valid: true,
      signature: { checked: true, valid: true, reason: null },
    });
    expect(await inspect(`${VECTOR.body} `, { signature: VECTOR.signature, timestamp: VECTOR.timestamp, key: { kind: 'md5', key: 'md5_api_token' } })).toMatchObject({
      signature: { valid: false, reason: 'mismatch' },
    });
    expect(await inspect('{"typeWebhook":"stateInstanceChanged","instanceData":{"idInstance":1,"wid":"","typeInstance":"whatsapp"},"timestamp":1586700690,"stateInstance":"notAuthorized"}')).toMatchObject({
      provider: 'greenapi',
      type: 'stateInstanceChanged',
      valid: true,
      signature: { checked: false },
    });
    expect(await inspect('{"type":"message_status","payload":{"instance":{"id":368,"customer_id":591},"delivery_id":1,"message_status":{"id":"x","status":"read"}}}')).toMatchObject({
      provider: 'chatpush',
      type: 'message_status',
      variant: 'developer',
      valid: true,
    });
    expect(await inspect('not json')).toMatchObject({ provider: null, parseError: { path: '', code: 'not_json', params: { line: 1, column: 2, found: 'o' } } });
  });
});
