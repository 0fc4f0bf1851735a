import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Fault } from '../../sandbox/faults';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';
import { capturingLogger } from '../test-support';
import { ChatpushCustomerApi } from './customer-api';
import { rejection, sandboxClients } from './test-support';

let sandbox: Sandbox;
let clients: ReturnType<typeof sandboxClients>;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 304 });
  clients = sandboxClients(sandbox);
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.requests.clear();
  clients.retryDelays.length = 0;
});

const inject = (fault: Fault) => sandbox.faults.inject('chatpush', fault);
const attempts = () => sandbox.requests.list('chatpush').length;
const send = () => clients.customer().sendDelivery({ phone: '995598464533', text: 'fault test' });
const read = () => clients.customer().getAccount();

/**
 * Each injected fault yields its specific typed error. Reads (GET) are retried on timeouts, resets and gateway
 * errors; sends, creates, updates and deletes never are: the sandbox sees exactly one attempt.
 */
describe('faults on a send are reported once, never retried', () => {
  it.each<[string, string, Fault]>([
    ['HTML 502 page', 'html_response', { kind: 'html', status: 502 }],
    ['HTML 503 page', 'html_response', { kind: 'html', status: 503 }],
    ['a reset connection', 'connection_reset', { kind: 'reset' }],
    ['a truncated body', 'truncated_json', { kind: 'truncated' }],
    ['a body cut off mid-reply', 'truncated_json', { kind: 'truncated', mode: 'drop' }],
    ['a non-JSON 200', 'not_json', { kind: 'notJson' }],
    ['429 with Retry-After', 'rate_limited', { kind: 'status', status: 429, retryAfter: 1 }],
    ['500', 'provider_unavailable', { kind: 'status', status: 500 }],
    ['504', 'provider_unavailable', { kind: 'status', status: 504 }],
    ['403', 'forbidden', { kind: 'status', status: 403 }],
  ])('%s → %s', async (_name, code, fault) => {
    inject({ ...fault, path: '/api/v1/delivery' });
    const error = await rejection(send());
    expect(error.code).toBe(code);
    expect(error.details).toMatchObject({ provider: 'chatpush', operation: 'sendDelivery' });
    expect(error.message).toContain('Jetapi');
    expect(attempts()).toBe(1);
    expect(clients.retryDelays).toEqual([]);
  });

  it('a timeout → timeout, one attempt', async () => {
    inject({ kind: 'timeout', path: '/api/v1/delivery' });
    const api = new ChatpushCustomerApi(
      { brand: 'chategy', hosts: { rest: sandbox.urls.chatpush.rest }, token: sandbox.state.chatpush.instances[0]!.token },
      { redactor: clients.redactor, timeoutMs: 150, retry: { sleep: async () => {} } },
    );
    const error = await rejection(api.sendDelivery({ phone: '995598464533', text: 'slow' }));
    expect(error).toMatchObject({ code: 'timeout' });
    expect(error.message).toBe(
      `Chategy did not answer within 0.2 s while sending a message on ${new URL(sandbox.urls.chatpush.rest).host}. The request may have reached Chategy and taken effect. Look the delivery up before sending it again: a second send could deliver the message twice.`,
    );
    expect(attempts()).toBe(1);
  });

  it('creates, deletes and uploads are not retried either', async () => {
    inject({ kind: 'status', status: 502 });
    await rejection(clients.developer().createInstance({ email: 'f@example.com', phone: '995550009999', password: 'secret123' }));
    await rejection(clients.customer().deleteDelivery(1));
    await rejection(clients.developer().renewSubscription(1));
    await rejection(clients.customer().sendFile({ file: new Uint8Array([1]), fileName: 'a.pdf', phone: '995598464533' }));
    expect(attempts()).toBe(4);
  });

  it('an upload whose connection is reset → connection_reset, one attempt', async () => {
    inject({ kind: 'reset', path: '/api/v1/send_file' });
    const error = await rejection(clients.customer().sendFile({ file: new Uint8Array([1]), fileName: 'a.pdf', phone: '995598464533' }));
    expect(error).toMatchObject({ code: 'connection_reset', details: { operation: 'sendFile' } });
    expect(attempts()).toBe(1);
  });
});

describe('faults on a read', () => {
  it('gateway pages and resets are retried, then succeed', async () => {
    inject({ kind: 'html', status: 502, times: 1 });
    inject({ kind: 'reset', times: 1 });
    const account = await read();
    expect(account.customerId).toBe(sandbox.state.chatpush.instances[0]!.customerId);
    expect(attempts()).toBe(3);
    expect(clients.retryDelays).toHaveLength(2);
  });

  it('429 honours Retry-After', async () => {
    inject({ kind: 'status', status: 429, retryAfter: 2, times: 1 });
    await read();
    expect(clients.retryDelays).toEqual([2000]);
  });

  it('a body cut short by a proxy → truncated_json', async () => {
    inject({ kind: 'truncated' });
    expect((await rejection(read())).code).toBe('truncated_json');
    expect(attempts()).toBe(1);
  });

  it('a 200 whose meta.status is "fail" is the error its meta.code names (§1.5), not a success', async () => {
    inject({ kind: 'status', status: 200, body: { meta: { code: 401, message: 'Not authorized!', status: 'fail' } }, times: 1 });
    const error = await rejection(clients.customer().deleteIframeChats());
    expect(error).toMatchObject({ code: 'auth_failed', details: { status: 200, providerMessage: 'Not authorized!' } });
    inject({ kind: 'status', status: 200, body: { meta: { code: 422, errors: { base: ['not enough money'] }, message: 'Unprocessable Entity', status: 'fail', status_id: 1 } }, times: 1 });
    const renew = await rejection(clients.developer().renewSubscription(1));
    expect(renew).toMatchObject({ code: 'provider_validation', details: { fields: [{ path: 'base', message: 'not enough money' }] } });
  });

  it('a refused connection → connection_refused, and no secret in any message or log line', async () => {
    const logger = capturingLogger();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const token = sandbox.state.chatpush.instances[0]!.token;
    const api = new ChatpushCustomerApi(
      { brand: 'jetapi', hosts: { rest: `http://127.0.0.1:${port}` }, token, idempotencyKey: 'IDEMKEY99' },
      { redactor: clients.redactor, timeoutMs: 1000, retry: { sleep: async () => {} }, logger },
    );
    const error = await rejection(api.sendDelivery({ phone: '995598464533', text: 'x' }));
    expect(error.code).toBe('connection_refused');
    const everything = JSON.stringify(error) + error.message + logger.lines.join('\n');
    expect(everything).not.toContain(token);
    expect(everything).not.toContain('IDEMKEY99');
  });

  it('a cancelled call → cancelled', async () => {
    inject({ kind: 'timeout' });
    const controller = new AbortController();
    const pending = clients.customer().getAccount({ signal: controller.signal });
    controller.abort();
    expect((await rejection(pending)).code).toBe('cancelled');
  });
});
