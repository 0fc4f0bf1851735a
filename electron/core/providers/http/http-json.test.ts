import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { connect, createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Redactor } from '../../redactor';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';
import { Chat2DeskApi } from '../chat2desk/client';
import { chat2DeskDialect } from '../chat2desk/dialect';
import { ChatpushCustomerApi } from '../chatpush/customer-api';
import { chatpushDialect } from '../chatpush/dialect';
import { ChatpushDeveloperApi } from '../chatpush/developer-api';
import { ChattiApi } from '../chatti/client';
import { GreenApiInstanceApi } from '../greenapi/instance-api';
import { instantRetry, rejection } from '../test-support';
import { httpExchange, httpJson } from './http-json';
import { closeProxyDispatchers, type ProxySource } from './proxy';
import type { RetryOptions } from './retry';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5 });
  // Retry mechanics with instant sleeps: the same GREEN-API call is repeated at once on purpose, which §8.2's
  // per-second limit would answer with 429, so the sandbox does not enforce it here.
  sandbox.state.greenapi.enforceRateLimits = false;
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.requests.clear();
});

/** The AppError a promise rejects with (fails the test if it resolves or throws something else). */

function transport(extra: { timeoutMs?: number; delays?: number[] } = {}) {
  const fast = instantRetry();
  if (extra.delays) fast.retry.sleep = async (ms: number) => void extra.delays!.push(ms);
  return { redactor: new Redactor(), timeoutMs: extra.timeoutMs ?? 2000, retry: fast.retry };
}

const chat2desk = (t = transport()) => new Chat2DeskApi({ baseUrl: sandbox.urls.chat2desk.baseUrl, apiToken: sandbox.demo.chat2desk.apiToken }, t);
const greenapi = (t = transport()) => new GreenApiInstanceApi({ apiUrl: sandbox.urls.greenapi.apiUrl, ...sandbox.demo.greenapi[0]! }, t);
const chatpushDeveloper = (t = transport()) =>
  new ChatpushDeveloperApi({ brand: 'jetapi', hosts: sandbox.urls.chatpush, apiKey: sandbox.demo.chatpush.apiKey }, t);
const chatpushCustomer = (t = transport()) =>
  new ChatpushCustomerApi({ brand: 'jetapi', hosts: sandbox.urls.chatpush, token: sandbox.demo.chatpush.clientTokens[0]!.token }, t);

/** A write straight through the layer (Jetapi's renewSubscription): never repeated, whatever happens. */
const renewSubscription = (options: { timeoutMs?: number; retry?: RetryOptions } = {}) =>
  httpJson({
    dialect: chatpushDialect('jetapi'),
    operation: 'renewSubscription',
    action: 'renewing the subscription',
    method: 'POST',
    url: `${sandbox.urls.chatpush.rest}/developer/v1/instances/1/renew_subscription`,
    headers: { Authorization: sandbox.demo.chatpush.apiKey },
    idempotent: false,
    redactor: new Redactor(),
    ...options,
  });

describe('faults become specific error codes', () => {
  it('an nginx HTML 502 page → html_response (after the read was retried)', async () => {
    sandbox.faults.inject('chat2desk', { kind: 'html', status: 502 });
    const error = await rejection(chat2desk().getApiInfo());
    expect(error.code).toBe('html_response');
    expect(error.details).toMatchObject({ provider: 'chat2desk', operation: 'getApiInfo', status: 502, providerMessage: '502 Bad Gateway' });
    expect(error.message).toMatch(/^127\.0\.0\.1:\d+ answered 502 with a web page instead of the Chat2Desk API while reading the API limits/);
    expect(sandbox.requests.list('chat2desk')).toHaveLength(3);
  });

  it('a JSON body cut in half → truncated_json, both as a short body and as a dropped connection', async () => {
    sandbox.faults.inject('chatpush', { kind: 'truncated' });
    expect((await rejection(chatpushDeveloper().listInstances())).code).toBe('truncated_json');
    sandbox.faults.clear();
    sandbox.faults.inject('chatpush', { kind: 'truncated', mode: 'drop' });
    const dropped = await rejection(chatpushCustomer().getAccount());
    expect(dropped.code).toBe('truncated_json');
    expect(dropped.message).toContain('connection closed mid-reply');
  });

  it('a 2xx plain-text body → not_json; malformed but complete JSON-like text → not_json too', async () => {
    sandbox.faults.inject('chatti', { kind: 'notJson' });
    const api = new ChattiApi({ baseUrl: sandbox.urls.chatti.baseUrl, apiKey: sandbox.demo.chatti.apiKey }, transport());
    expect((await rejection(api.probe('/v1/contacts'))).code).toBe('not_json');
    sandbox.faults.clear();
    sandbox.faults.inject('chatti', { kind: 'notJson', body: "{'python': 'repr'}", contentType: 'application/json' });
    expect((await rejection(api.probe('/v1/contacts'))).code).toBe('not_json');
  });

  it('no answer → timeout, naming the wait; the read is retried up to 3 attempts', async () => {
    sandbox.faults.inject('greenapi', { kind: 'timeout' });
    const error = await rejection(greenapi(transport({ timeoutMs: 150 })).getStateInstance());
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/^GREEN-API did not answer within 0\.2 s while reading the instance state of instance \d+ on 127\.0\.0\.1:\d+\. Try again\.$/);
    expect(sandbox.requests.list('greenapi')).toHaveLength(3);
  });

  it('a dropped socket → connection_reset', async () => {
    sandbox.faults.inject('chat2desk', { kind: 'reset' });
    const error = await rejection(chat2desk().listChannels());
    expect(error.code).toBe('connection_reset');
    expect(error.details.status).toBeUndefined();
    expect(error.message).toMatch(/^The connection to 127\.0\.0\.1:\d+ was dropped while listing the channels \(Chat2Desk\)\. Try again\.$/);
  });

  it('a closed port → connection_refused', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createNetServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const api = new Chat2DeskApi({ baseUrl: `http://127.0.0.1:${port}`, apiToken: 'token-123456' }, transport());
    const error = await rejection(api.getApiInfo());
    expect(error.code).toBe('connection_refused');
    expect(error.message).toContain(`127.0.0.1:${port} refused the connection while reading the API limits (Chat2Desk)`);
  });

  it('429 with Retry-After → rate_limited carrying retryAfterSeconds', async () => {
    sandbox.faults.inject('chatpush', { kind: 'status', status: 429, retryAfter: 7 });
    const delays: number[] = [];
    const error = await rejection(chatpushDeveloper(transport({ delays })).listInstances());
    expect(error.code).toBe('rate_limited');
    expect(error.details.retryAfterSeconds).toBe(7);
    expect(error.message).toContain('Try again in 7 s');
    expect(delays).toEqual([7000, 7000]);
  });

  it('466 → quota_exceeded with the documented description', async () => {
    sandbox.faults.inject('greenapi', { kind: 'status', status: 466 });
    const error = await rejection(greenapi().getStateInstance());
    expect(error.code).toBe('quota_exceeded');
    expect(error.details.providerMessage).toContain('Monthly quota has been exceeded');
    expect(sandbox.requests.list('greenapi')).toHaveLength(1);
  });

  it('500 → provider_unavailable, not retried', async () => {
    sandbox.faults.inject('chatpush', { kind: 'status', status: 500 });
    const error = await rejection(chatpushCustomer().getAccount());
    expect(error.code).toBe('provider_unavailable');
    expect(error.message).toMatch(/^Jetapi is unavailable \(500\) while reading the account balance on 127\.0\.0\.1:\d+\. Try again later\./);
    expect(sandbox.requests.list('chatpush')).toHaveLength(1);
  });

  it('400/422 → provider_validation with the provider field errors', async () => {
    // The client refuses limit 201 itself; the server's documented 400 is reached with a raw call.
    const c2d = await rejection(
      httpJson({
        dialect: chat2DeskDialect,
        operation: 'listChannels',
        action: 'listing the channels',
        method: 'GET',
        url: `${sandbox.urls.chat2desk.baseUrl}/v1/channels`,
        query: { limit: 201 },
        headers: { Authorization: sandbox.demo.chat2desk.apiToken },
        idempotent: true,
        redactor: new Redactor(),
      }),
    );
    expect(c2d.code).toBe('provider_validation');
    expect(c2d.details.fields).toEqual([{ path: 'limit', message: 'Parameter must be a numeric value.' }]);
    expect(c2d.details.providerMessage).toBe('bad_request');

    sandbox.faults.inject('chatpush', {
      kind: 'status',
      status: 422,
      body: { meta: { code: 422, errors: { base: ['not enough money'] }, message: 'Unprocessable Entity', status: 'fail', status_id: 1 } },
    });
    const cp = await rejection(chatpushCustomer().getAccount());
    expect(cp.code).toBe('provider_validation');
    expect(cp.details.fields).toEqual([{ path: 'base', message: 'not enough money' }]);
    expect(cp.details.providerMessage).toBe('Unprocessable Entity');
  });

  it('403 / 404 / 409 map to forbidden / provider_not_found / provider_conflict', async () => {
    sandbox.faults.inject('chatti', { kind: 'status', status: 403, times: 1 });
    sandbox.faults.inject('chatti', { kind: 'status', status: 409, times: 1 });
    const api = new ChattiApi({ baseUrl: sandbox.urls.chatti.baseUrl, apiKey: sandbox.demo.chatti.apiKey }, transport());
    expect((await rejection(api.probe('/v1/contacts'))).code).toBe('forbidden');
    expect((await rejection(api.probe('/v1/contacts'))).code).toBe('provider_conflict');
    const missing = await rejection(api.probe('/v1/nothing-here'));
    expect(missing.code).toBe('provider_not_found');
    expect(missing.message).toContain('Check the base URL and the probe path.');
  });

  it('a reply of the wrong shape → unexpected_response', async () => {
    sandbox.faults.inject('chatpush', { kind: 'status', status: 200, body: { meta: { code: 200 }, instances: [{ id: 'x' }] } });
    const error = await rejection(chatpushDeveloper().listInstances());
    expect(error.code).toBe('unexpected_response');
    expect(error.message).toContain('instances.0.id');
  });

  it('a 200 web page → html_response pointing at the base URL; a redirect is reported, not followed', async () => {
    sandbox.faults.inject('chatti', { kind: 'html', status: 200, times: 1 });
    const api = new ChattiApi({ baseUrl: sandbox.urls.chatti.baseUrl, apiKey: sandbox.demo.chatti.apiKey }, transport());
    const page = await rejection(api.probe('/v1/contacts'));
    expect(page.code).toBe('html_response');
    expect(page.message).toContain('Check the base URL');

    sandbox.faults.inject('chatti', { kind: 'status', status: 301, body: '', headers: { Location: 'http://127.0.0.1:9/elsewhere' } });
    const moved = await rejection(api.probe('/v1/contacts'));
    expect(moved.code).toBe('provider_error');
    expect(moved.message).toMatch(/^Chatti redirected the request \(301\) while reading \/v1\/contacts on 127\.0\.0\.1:\d+\. Check the base URL\.$/);
    expect(sandbox.requests.list('chatti')).toHaveLength(2);
  });

  it('tolerates a trailing slash on the base URL', async () => {
    const api = new Chat2DeskApi({ baseUrl: `${sandbox.urls.chat2desk.baseUrl}/`, apiToken: sandbox.demo.chat2desk.apiToken }, transport());
    expect((await api.listChannels({ limit: 2 })).items).toHaveLength(2);
    expect(sandbox.requests.list('chat2desk')[0]!.path).toBe('/v1/channels?limit=2');
  });

  it('external_id with no match: the documented 404 becomes an empty page', async () => {
    const page = await chatpushDeveloper().listInstances({ externalId: 'no-such-id' });
    expect(page).toMatchObject({ instances: [], totalCount: 0 });
  });
});

describe('retries', () => {
  it('a read that meets one 502 is retried and succeeds; the server saw 2 requests', async () => {
    sandbox.faults.inject('chat2desk', { kind: 'status', status: 502, times: 1 });
    const delays: number[] = [];
    const info = await chat2desk(transport({ delays })).getApiInfo();
    expect(info.apiMode).toBe('standard');
    expect(sandbox.requests.list('chat2desk')).toHaveLength(2);
    // Exponential backoff with jitter: the first step is 300 ms, random 0.5 → 225 ms.
    expect(delays).toEqual([225]);
  });

  it('a write is never retried, even on 502', async () => {
    sandbox.faults.inject('chatpush', { kind: 'status', status: 502 });
    const delays: number[] = [];
    // Not even when the provider documents a count for the status: that is for reads.
    const error = await rejection(renewSubscription({ retry: { sleep: async (ms) => void delays.push(ms), attemptsFor: () => 4 } }));
    expect(error.code).toBe('provider_unavailable');
    expect(sandbox.requests.list('chatpush')).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('a count the provider documents for a status (attemptsFor) replaces the default for reads', async () => {
    const t = transport();
    const api = new Chat2DeskApi(
      { baseUrl: sandbox.urls.chat2desk.baseUrl, apiToken: sandbox.demo.chat2desk.apiToken },
      { ...t, retry: { ...t.retry, attemptsFor: (status) => ({ 500: 2, 502: 4 })[status] } },
    );
    sandbox.faults.inject('chat2desk', { kind: 'status', status: 502 });
    await rejection(api.getApiInfo());
    expect(sandbox.requests.list('chat2desk')).toHaveLength(4);
    sandbox.faults.clear();
    sandbox.requests.clear();
    // A status the layer would not repeat at all…
    sandbox.faults.inject('chat2desk', { kind: 'status', status: 500 });
    await rejection(api.getApiInfo());
    expect(sandbox.requests.list('chat2desk')).toHaveLength(2);
    sandbox.faults.clear();
    sandbox.requests.clear();
    // …and one without a documented count keeps the default of 3 attempts.
    sandbox.faults.inject('chat2desk', { kind: 'status', status: 503 });
    await rejection(api.getApiInfo());
    expect(sandbox.requests.list('chat2desk')).toHaveLength(3);
  });

  it('honours Retry-After on 429 (seconds and HTTP date) and succeeds after it', async () => {
    sandbox.faults.inject('greenapi', { kind: 'status', status: 429, retryAfter: 2, times: 1 });
    const delays: number[] = [];
    const state = await greenapi(transport({ delays })).getStateInstance();
    expect(state.state).toBe('authorized');
    expect(delays).toEqual([2000]);

    const now = Date.UTC(2030, 0, 1, 12, 0, 0);
    sandbox.faults.inject('greenapi', { kind: 'status', status: 429, retryAfter: new Date(now + 5000).toUTCString(), times: 1 });
    const dated: number[] = [];
    const t = transport({ delays: dated });
    await new GreenApiInstanceApi({ apiUrl: sandbox.urls.greenapi.apiUrl, ...sandbox.demo.greenapi[0]! }, {
      ...t,
      retry: { ...t.retry, now: () => now },
    }).getStateInstance();
    expect(dated).toEqual([5000]);
  });

  it('a Retry-After beyond the cap fails at once with rate_limited and the wait', async () => {
    sandbox.faults.inject('chat2desk', { kind: 'status', status: 429, retryAfter: 120 });
    const delays: number[] = [];
    const error = await rejection(chat2desk(transport({ delays })).getApiInfo());
    expect(error).toMatchObject({ code: 'rate_limited', details: { retryAfterSeconds: 120, status: 429 } });
    expect(delays).toEqual([]);
    expect(sandbox.requests.list('chat2desk')).toHaveLength(1);
  });

  it('a user abort → cancelled, and it is not retried', async () => {
    sandbox.faults.inject('chatti', { kind: 'timeout' });
    const controller = new AbortController();
    const api = new ChattiApi({ baseUrl: sandbox.urls.chatti.baseUrl, apiKey: sandbox.demo.chatti.apiKey }, transport());
    const pending = rejection(api.probe('/v1/contacts', { signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    const error = await pending;
    expect(error.code).toBe('cancelled');
    expect(sandbox.requests.list('chatti')).toHaveLength(1);
  });
});

describe('network failures outside the sandbox', () => {
  const dialect = chatpushDialect('chategy');
  const probe = (url: string) =>
    rejection(
      httpJson({
        dialect,
        operation: 'listInstances',
        action: 'listing the developer instances',
        method: 'GET',
        url,
        idempotent: true,
        redactor: new Redactor(),
        timeoutMs: 3000,
        retry: instantRetry().retry,
        parse: z.unknown(),
      }),
    );

  it('a self-signed certificate → tls_error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-tls-'));
    try {
      execFileSync('openssl', [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
      ], { stdio: 'ignore' });
      const server = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) =>
        res.end('{}'),
      );
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const error = await probe(`https://127.0.0.1:${port}/developer/v1/instances`);
        expect(error.code).toBe('tls_error');
        expect(error.message).toContain('the certificate is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT)');
        expect(error.details.host).toBe(`127.0.0.1:${port}`);
      } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // `.invalid` is reserved (RFC 2606) and fails at the resolver at once here (checked: ~0.1 s, ENOTFOUND).
  it('an unresolvable host → host_not_found', async () => {
    const error = await probe('https://switchboard-test.invalid/developer/v1/instances');
    expect(error.code).toBe('host_not_found');
    expect(error.message).toContain('switchboard-test.invalid could not be found');
  });
});

describe('a lost answer: a read may be repeated, a write may already have taken effect', () => {
  const jetapi = chatpushDialect('jetapi');
  const host = () => new URL(sandbox.urls.chatpush.rest).host;
  const renew = () => renewSubscription({ timeoutMs: 150 });
  const checkFirst = 'The request may have reached Jetapi and taken effect: check before sending it again.';

  it('a write that times out: it may have reached the provider, check before sending it again; sent once', async () => {
    sandbox.faults.inject('chatpush', { kind: 'timeout' });
    const error = await rejection(renew());
    expect(error.code).toBe('timeout');
    expect(error.message).toBe(`Jetapi did not answer within 0.2 s while renewing the subscription on ${host()}. ${checkFirst}`);
    // The window words its own message from the details: this flag is what makes it say the same.
    expect(error.details.mayHaveTakenEffect).toBe(true);
    expect(sandbox.requests.list('chatpush')).toHaveLength(1);
  });

  it('a write whose connection is reset after it was sent: the same warning, sent once', async () => {
    sandbox.faults.inject('chatpush', { kind: 'reset' });
    const error = await rejection(renew());
    expect(error.code).toBe('connection_reset');
    expect(error.message).toBe(`The connection to ${host()} was dropped while renewing the subscription (Jetapi). ${checkFirst}`);
    expect(sandbox.requests.list('chatpush')).toHaveLength(1);
  });

  it('idempotency decides, not the method: a POST read that times out says try again (and was retried)', async () => {
    sandbox.faults.inject('chatpush', { kind: 'timeout' });
    const error = await rejection(
      httpJson({
        ...transport({ timeoutMs: 150 }),
        dialect: jetapi,
        operation: 'search',
        action: 'searching',
        method: 'POST',
        url: `${sandbox.urls.chatpush.rest}/api/v1/search`,
        idempotent: true,
      }),
    );
    expect(error.message).toMatch(/ Try again\.$/);
    expect(error.message).not.toContain('may have reached');
    expect(error.details.mayHaveTakenEffect).toBeUndefined();
    expect(sandbox.requests.list('chatpush')).toHaveLength(3);
  });

  it('a Chategy/Jetapi send: the transport’s hint says to look the delivery up, after a timeout, a reset or a cut-off reply', async () => {
    const lookUp = 'The request may have reached Jetapi and taken effect. Look the delivery up before sending it again: a second send could deliver the message twice.';
    const send = () => chatpushCustomer(transport({ timeoutMs: 150 })).sendDelivery({ phone: '995598464533', text: 'lost answer' });
    for (const fault of [{ kind: 'timeout' }, { kind: 'reset' }, { kind: 'truncated', mode: 'drop' }] as const) {
      sandbox.faults.clear();
      sandbox.requests.clear();
      sandbox.faults.inject('chatpush', { ...fault, path: '/api/v1/delivery' });
      const error = await rejection(send());
      expect(error.details.operation).toBe('sendDelivery');
      expect(error.message.endsWith(` ${lookUp}`), `${fault.kind}: ${error.message}`).toBe(true);
      expect(sandbox.requests.list('chatpush')).toHaveLength(1);
    }
  });

  it('a single exchange (the request workbench) warns for anything but a GET', async () => {
    sandbox.faults.inject('chatpush', { kind: 'timeout' });
    const exchange = (method: 'GET' | 'DELETE') =>
      rejection(
        httpExchange({
          dialect: jetapi,
          operation: 'workbench',
          action: 'sending the request',
          method,
          url: `${sandbox.urls.chatpush.rest}/api/v1/delivery/1`,
          redactor: new Redactor(),
          timeoutMs: 150,
        }),
      );
    expect((await exchange('DELETE')).message).toContain(checkFirst);
    expect((await exchange('GET')).message).toMatch(/ Try again\.$/);
  });
});

describe('a timeout: answer lost (a write may have taken effect) or no connection at all (nothing was sent)', () => {
  // A real listener whose process never accepts: once its accept queue is full (backlog 1 holds two connections)
  // the kernel drops further SYNs, so a connect to it stays pending. A non-routable address such as 10.255.255.1
  // cannot stand in here: this machine's network completes a connection to any outside address at once.
  let stalled: ChildProcess;
  let stalledPort: number;
  const fillers: Socket[] = [];
  // A server that accepts the connection, reads the request and never answers.
  let silent: Server;
  let silentPort: number;
  const held: Socket[] = [];

  beforeAll(async () => {
    stalled = spawn(
      process.execPath,
      [
        '-e',
        `const s = require('node:net').createServer().listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
          process.stdout.write(s.address().port + '\\n');
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
        });`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    stalledPort = await new Promise<number>((resolve) => stalled.stdout!.once('data', (data) => resolve(Number(String(data).trim()))));
    for (let i = 0; i < 2; i++) {
      const socket = connect({ host: '127.0.0.1', port: stalledPort });
      fillers.push(socket);
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    }
    silent = createNetServer((socket) => void held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentPort = (silent.address() as AddressInfo).port;
  });
  afterAll(async () => {
    for (const socket of [...fillers, ...held]) socket.destroy();
    stalled.kill();
    await new Promise((resolve) => silent.close(resolve));
    await closeProxyDispatchers();
  });

  const lookUp = 'Look the delivery up before sending it again.';
  // A write with a per-call lost-answer hint, as a send has: the hint belongs only to a lost answer.
  const write = (url: string, proxy?: ProxySource) =>
    httpJson({
        dialect: chatpushDialect('jetapi'),
        operation: 'renewSubscription',
        action: 'renewing the subscription',
        hints: { timeout: lookUp },
        method: 'POST',
        url,
        body: { months: 1 },
        idempotent: false,
        redactor: new Redactor(),
        timeoutMs: 300,
        ...(proxy ? { proxy } : {}),
      });

  it('a server that accepts and never answers: the write may have reached it, so the warning and the hint stay', async () => {
    const error = await rejection(write(`http://127.0.0.1:${silentPort}/developer/v1/instances/1/renew_subscription`));
    expect(error.code).toBe('timeout');
    expect(error.message).toBe(
      `Jetapi did not answer within 0.3 s while renewing the subscription on 127.0.0.1:${silentPort}. The request may have reached Jetapi and taken effect. ${lookUp}`,
    );
    expect(error.details.mayHaveTakenEffect).toBe(true);
    expect(error.details.reason).toBeUndefined();
  });

  it('a connection that never opens: the host could not be reached, the write was not sent, try again', async () => {
    const error = await rejection(write(`http://127.0.0.1:${stalledPort}/developer/v1/instances/1/renew_subscription`));
    expect(error.code).toBe('timeout');
    expect(error.message).toBe(
      `127.0.0.1:${stalledPort} could not be reached in time while renewing the subscription (Jetapi), so the request was not sent. Try again.`,
    );
    expect(error.details.mayHaveTakenEffect).toBeUndefined();
    expect(error.details.reason).toBe('connect_timeout');
  });

  it('a proxy that never lets the connection open: not sent either', async () => {
    const proxy: ProxySource = { mode: 'explicit', url: `http://127.0.0.1:${stalledPort}`, noProxy: '<-loopback>' };
    const error = await rejection(write(`https://127.0.0.1:${silentPort}/developer/v1/instances/1/renew_subscription`, proxy));
    expect(error.message).toBe(
      `127.0.0.1:${silentPort} could not be reached through the proxy at 127.0.0.1:${stalledPort} in time while renewing the subscription (Jetapi), so the request was not sent. Try again.`,
    );
    expect(error.details).toMatchObject({ proxy: `127.0.0.1:${stalledPort}`, reason: 'connect_timeout' });
    expect(error.details.mayHaveTakenEffect).toBeUndefined();
  });

  it('a connection dropped during the TLS handshake: the write was not sent, try again (dropped after it was written: see the lost-answer tests)', async () => {
    // A listener that drops every connection at once: an https request never gets past the handshake.
    const dropping = createNetServer((socket) => socket.resetAndDestroy());
    await new Promise<void>((resolve) => dropping.listen(0, '127.0.0.1', resolve));
    const port = (dropping.address() as AddressInfo).port;
    try {
      const handshake = await rejection(write(`https://127.0.0.1:${port}/developer/v1/instances/1/renew_subscription`));
      expect(handshake.code).toBe('connection_reset');
      expect(handshake.message).toBe(
        `The connection to 127.0.0.1:${port} was dropped before the request was sent while renewing the subscription (Jetapi). Try again.`,
      );
      expect(handshake.details).toMatchObject({ reason: 'dropped_before_sent' });
      expect(handshake.details.mayHaveTakenEffect).toBeUndefined();
    } finally {
      await new Promise((resolve) => dropping.close(resolve));
    }
  });

  it('a proxy that takes the CONNECT and never opens the tunnel: not sent; one that takes a forwarded request: may have been', async () => {
    const proxy: ProxySource = { mode: 'explicit', url: `http://127.0.0.1:${silentPort}`, noProxy: '<-loopback>' };
    // https tunnels: the request would only be written once the proxy answered the CONNECT.
    const tunnel = await rejection(write(`https://127.0.0.1:${stalledPort}/developer/v1/instances/1/renew_subscription`, proxy));
    expect(tunnel).toMatchObject({ code: 'timeout', details: { reason: 'connect_timeout' } });
    expect(tunnel.details.mayHaveTakenEffect).toBeUndefined();
    // plain http is forwarded in absolute form: the proxy has the whole request and may have passed it on.
    const forwarded = await rejection(write(`http://127.0.0.1:${stalledPort}/developer/v1/instances/1/renew_subscription`, proxy));
    expect(forwarded.message).toContain('The request may have reached Jetapi and taken effect.');
    expect(forwarded.details.mayHaveTakenEffect).toBe(true);
    expect(forwarded.details.reason).toBeUndefined();
  });
});
