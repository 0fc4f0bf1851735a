import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChatpushJwt } from './jwt';
import { startSandbox, type Sandbox } from './sandbox';
import { createSandboxState } from './state';

describe('sandbox world model', () => {
  it('is deterministic: the same seed gives the same world, another seed another one', () => {
    expect(createSandboxState(7)).toEqual(createSandboxState(7));
    expect(createSandboxState(7).chatpush.apiKey).not.toBe(createSandboxState(8).chatpush.apiKey);
  });

  it('has the documented shapes: 12 Chategy instances with valid JWTs, 4 GREEN-API instances incl. a creating one', () => {
    const state = createSandboxState(1);
    expect(state.chatpush.instances).toHaveLength(12);
    for (const instance of state.chatpush.instances) {
      const [header] = instance.token.split('.');
      expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ alg: 'HS256' });
      expect(verifyChatpushJwt(instance.token, state.chatpush.jwtSecret)?.customer_id).toBe(instance.customerId);
      expect(instance.account.totalAmount).toMatch(/^\d+\.\d{2}$/);
    }
    expect(new Set(state.chatpush.instances.map((i) => i.customerId)).size).toBe(12);
    expect(state.greenapi.instances.map((i) => i.state)).toEqual(['authorized', 'notAuthorized', 'starting', null]);
    for (const instance of state.greenapi.instances) {
      expect(instance.idInstance).toMatch(/^\d{1,10}$/);
      expect(instance.apiTokenInstance).toMatch(/^[0-9a-f]{50}$/);
    }
  });
});

describe('sandbox servers', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 42 });
  });
  afterAll(() => sandbox.close());

  it('gives the same demo credentials for the same seed', async () => {
    const again = await startSandbox({ seed: 42 });
    try {
      expect(again.demo).toEqual(sandbox.demo);
      expect(again.urls.chatpush.rest).not.toBe(sandbox.urls.chatpush.rest);
    } finally {
      await again.close();
    }
  });

  it('chatpush: the 401 body is the documented 65 bytes, with the documented headers', async () => {
    const response = await fetch(`${sandbox.urls.chatpush.rest}/api/v1/account`, { headers: { Authorization: 'Bearer nope' } });
    const body = await response.text();
    expect(response.status).toBe(401);
    expect(body).toBe('{"meta":{"code":401,"message":"Not authorized!","status":"fail"}}');
    expect(body.length).toBe(65);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('max-age=0, private, must-revalidate');
    expect(response.headers.get('x-request-id')).toMatch(/^[\w-]{20}$/);
  });

  it('chatpush: lists instances with sorted keys and page meta, tolerating a trailing slash; 404 is "Not found"', async () => {
    const headers = { Authorization: sandbox.demo.chatpush.apiKey };
    const response = await fetch(`${sandbox.urls.chatpush.rest}/developer/v1/instances/?per_page=5&page=2`, { headers });
    const text = await response.text();
    const body = JSON.parse(text);
    expect(response.status).toBe(200);
    expect(body.meta).toEqual({ code: 200, page: 2, per_page: 5, status: 'success', total_count: 12 });
    expect(body.instances).toHaveLength(5);
    expect(Object.keys(body.instances[0])).toEqual([...Object.keys(body.instances[0])].sort());
    expect(text.indexOf('"instances"')).toBeLessThan(text.indexOf('"meta"'));

    const missing = await fetch(`${sandbox.urls.chatpush.rest}/developer/v1/instances?external_id=nope`, { headers });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('{"meta":{"code":404,"message":"Not found","status":"fail"}}');

    // §1.1: the api_key is raw; with a Bearer prefix it is refused.
    const bearer = await fetch(`${sandbox.urls.chatpush.rest}/developer/v1/instances`, {
      headers: { Authorization: `Bearer ${sandbox.demo.chatpush.apiKey}` },
    });
    expect(bearer.status).toBe(401);
  });

  it('chatpush: the account answers a client token with its own customer id', async () => {
    const { token } = sandbox.demo.chatpush.clientTokens[0]!;
    const response = await fetch(`${sandbox.urls.chatpush.rest}/api/v1/account`, { headers: { Authorization: `Bearer ${token}` } });
    const body = await response.json();
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    expect(body.account.customer_id).toBe(claims.customer_id);
    expect(body.account.total_amount).toMatch(/^\d+\.\d{2}$/);
  });

  it('greenapi: 401 wrong token, 403 unknown instance or path, 404 unknown method, null while creating', async () => {
    const [authorized, , , creating] = sandbox.demo.greenapi;
    const base = sandbox.urls.greenapi.apiUrl;
    const get = (path: string) => fetch(`${base}${path}`);
    expect((await get(`/waInstance${authorized!.idInstance}/getStateInstance/${'0'.repeat(50)}`)).status).toBe(401);
    expect((await get(`/waInstance1/getStateInstance/${authorized!.apiTokenInstance}`)).status).toBe(403);
    expect((await get(`/waInstance/${authorized!.idInstance}/getStateInstance/x`)).status).toBe(403);
    expect((await get(`/waInstance${authorized!.idInstance}/noSuchMethod/${authorized!.apiTokenInstance}`)).status).toBe(404);
    const ok = await get(`/waInstance${authorized!.idInstance}/GetStateInstance/${authorized!.apiTokenInstance}`);
    expect(await ok.json()).toEqual({ stateInstance: 'authorized' });
    const pending = await fetch(`${sandbox.urls.greenapi.mediaUrl}/waInstance${creating!.idInstance}/getStateInstance/${creating!.apiTokenInstance}`);
    expect(await pending.text()).toBe('null');
    // The request log never keeps the token.
    expect(JSON.stringify(sandbox.requests.list('greenapi'))).not.toContain(authorized!.apiTokenInstance);
  });

  it('chat2desk: enveloped data with meta, trailing slash tolerated, 401 error envelope', async () => {
    const headers = { Authorization: sandbox.demo.chat2desk.apiToken };
    const channels = await (await fetch(`${sandbox.urls.chat2desk.baseUrl}/v1/channels/?limit=2`, { headers })).json();
    expect(channels.status).toBe('success');
    expect(channels.meta).toEqual({ total: 3, limit: 2, offset: 0 });
    expect(channels.data[0]).toHaveProperty('whatsapp_daily_new_clients_limit');
    const denied = await fetch(`${sandbox.urls.chat2desk.baseUrl}/v1/companies/api_info`, { headers: { Authorization: 'wrong' } });
    expect(denied.status).toBe(401);
    expect(await denied.json()).toEqual({ message: 'unauthorized', errors: 'Invalid API token', status: 'error' });
  });

  it('chatti: 401 on a bad key; the documented pagination envelope', async () => {
    const url = `${sandbox.urls.chatti.baseUrl}/v1/contacts?per_page=10&page=2`;
    expect((await fetch(url, { headers: { 'x-api-key': 'wrong' } })).status).toBe(401);
    const page = await (await fetch(url, { headers: { 'x-api-key': sandbox.demo.chatti.apiKey } })).json();
    expect(page).toMatchObject({ total: 27, item_count: 10, current_page: 2, per_page: 10, first_item: 11, last_item: 20 });
    expect(page.prev_page_url).toContain('page=1');
    expect(page.next_page_url).toContain('page=3');
    expect(page.data).toHaveLength(10);
  });

  it('applies a fault only `times` times and only to matching paths', async () => {
    sandbox.requests.clear();
    sandbox.faults.inject('chatti', { kind: 'status', status: 503, times: 1, path: '/v1/contacts' });
    const headers = { 'x-api-key': sandbox.demo.chatti.apiKey };
    expect((await fetch(`${sandbox.urls.chatti.baseUrl}/v1/other`, { headers })).status).toBe(404);
    expect((await fetch(`${sandbox.urls.chatti.baseUrl}/v1/contacts`, { headers })).status).toBe(503);
    expect((await fetch(`${sandbox.urls.chatti.baseUrl}/v1/contacts`, { headers })).status).toBe(200);
    expect(sandbox.requests.list('chatti').map((r) => r.fault ?? null)).toEqual([null, 'status', null]);
    expect(sandbox.faults.list('chatti')).toEqual([]);
  });
});

describe('sandbox shutdown', () => {
  it('closes even while a timeout fault holds a request open', async () => {
    const sandbox = await startSandbox({ seed: 3 });
    sandbox.faults.inject('chat2desk', { kind: 'timeout' });
    const pending = fetch(`${sandbox.urls.chat2desk.baseUrl}/v1/channels`).then(
      () => 'answered',
      () => 'dropped',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await sandbox.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBe('dropped');
  });
});
