import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Redactor } from '../../redactor';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';
import { instantRetry, rejection } from '../test-support';
import { ChattiApi } from './client';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 44 });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.requests.clear();
});

const api = (apiKey = sandbox.demo.chatti.apiKey, delays?: number[]) => {
  const retry = instantRetry();
  if (delays) retry.retry.sleep = async (ms: number) => void delays.push(ms);
  return new ChattiApi({ baseUrl: sandbox.urls.chatti.baseUrl, apiKey }, { redactor: new Redactor(), timeoutMs: 3000, retry: retry.retry });
};
const sent = () => sandbox.requests.list('chatti').map((request) => `${request.method} ${request.path}`);
const contacts = () => sandbox.state.chatti.contacts;


const ContactSchema = z.object({ id: z.number(), phone: z.string(), created_at: z.iso.datetime({ offset: true }) });

describe('Chatti lists', () => {
  it('reads the documented envelope; items go through the caller’s schema; timestamps are ISO 8601 with an offset', async () => {
    const page = await api().list('/v1/contacts', { page: 2, perPage: 10 }, ContactSchema);
    expect(page).toMatchObject({ total: 27, itemCount: 10, currentPage: 2, perPage: 10, firstItem: 11, lastItem: 20, hasPrevious: true, hasNext: true });
    expect(page.items[0]!.created_at).toMatch(/\+00:00$/);
    expect(sent()).toEqual(['GET /v1/contacts?page=2&per_page=10']);
  });

  it('after (inclusive) and before (exclusive), as Dates or Chatti’s flexible text', async () => {
    const sorted = [...contacts()].sort((a, b) => a.createdMs - b.createdMs);
    const pivot = sorted[10]!;
    const after = await api().list('/v1/contacts', { after: new Date(pivot.createdMs), perPage: 100 });
    expect(after.total).toBe(sorted.filter((c) => c.createdMs >= pivot.createdMs).length);
    const before = await api().list('/v1/contacts', { before: new Date(pivot.createdMs), perPage: 100 });
    expect(before.total + after.total).toBe(27);
    expect(sent()[0]).toBe(`GET /v1/contacts?per_page=100&after=${encodeURIComponent(new Date(pivot.createdMs).toISOString())}`);
    sandbox.controls.chatti.addContacts(2);
    try {
      expect((await api().list('/v1/contacts', { after: 'yesterday' })).total).toBe(2);
      expect((await api().list('/v1/contacts', { after: '01/01/1970', before: '2001-12-31' })).total).toBe(0);
    } finally {
      sandbox.state.chatti.contacts.splice(-2);
    }
    const unreadable = await rejection(api().list('/v1/contacts', { after: 'when pigs fly' }));
    expect(unreadable).toMatchObject({ code: 'provider_validation', details: { status: 400, fields: [{ path: 'after', message: 'The after is not a valid date.' }] } });
  });

  it('walks every page by number and stops at the last', async () => {
    const ids: number[] = [];
    for await (const item of api().iterate('/v1/contacts', { perPage: 10 }, ContactSchema)) ids.push(item.id);
    expect(ids).toHaveLength(27);
    expect(new Set(ids).size).toBe(27);
    expect(sent()).toEqual(['GET /v1/contacts?page=1&per_page=10', 'GET /v1/contacts?page=2&per_page=10', 'GET /v1/contacts?page=3&per_page=10']);
  });

  it('page and per_page out of range are refused before sending', async () => {
    expect((await rejection(api().list('/v1/contacts', { perPage: 1001 }))).message).toContain('perPage');
    expect((await rejection(api().list('/v1/contacts', { page: 0 }))).code).toBe('invalid_input');
    expect((await rejection(api().list('v1/contacts'))).message).toContain('the path must start with "/"');
    expect(sent()).toEqual([]);
  });
});

describe('the documented status codes', () => {
  it('401 → auth_failed with the next step; 403, 404 → forbidden, provider_not_found', async () => {
    const denied = await rejection(api('wrong-key-0000000').list('/v1/contacts'));
    expect(denied).toMatchObject({ code: 'auth_failed', details: { status: 401, providerMessage: 'Unauthenticated.' } });
    expect(denied.message).toMatch(/^Chatti rejected the API key \(401\) while listing \/v1\/contacts on 127\.0\.0\.1:\d+\..*Check the API key\.$/);
    sandbox.faults.inject('chatti', { kind: 'status', status: 403, times: 1 });
    expect((await rejection(api().list('/v1/contacts'))).message).toContain('not allowed to do this');
    expect((await rejection(api().list('/v1/nothing'))).code).toBe('provider_not_found');
  });

  it('405 → a method-not-allowed message; 500 → unavailable and not retried', async () => {
    sandbox.faults.inject('chatti', { kind: 'status', status: 405, times: 1 });
    const notAllowed = await rejection(api().list('/v1/contacts'));
    expect(notAllowed.code).toBe('provider_error');
    expect(notAllowed.message).toMatch(/^Chatti does not allow this method here \(405 Method Not Allowed\) while listing \/v1\/contacts/);
    sandbox.requests.clear();
    sandbox.faults.inject('chatti', { kind: 'status', status: 500 });
    expect((await rejection(api().list('/v1/contacts'))).code).toBe('provider_unavailable');
    expect(sent()).toHaveLength(1);
  });

  it('503 and 504 → specific unavailable messages; the read is retried; 429 → rate_limited', async () => {
    sandbox.faults.inject('chatti', { kind: 'status', status: 503 });
    const delays: number[] = [];
    const overloaded = await rejection(api(undefined, delays).list('/v1/contacts'));
    expect(overloaded.message).toMatch(/^Chatti is overloaded or under maintenance \(503\)/);
    expect(sent()).toHaveLength(3);
    expect(delays).toHaveLength(2);
    sandbox.faults.clear();
    sandbox.faults.inject('chatti', { kind: 'status', status: 504 });
    expect((await rejection(api().list('/v1/contacts'))).message).toMatch(/^Chatti's gateway timed out waiting for its own servers \(504\)/);
    sandbox.faults.clear();
    sandbox.controls.chatti.setRateLimit({ requests: 1, perMs: 60_000 });
    try {
      await api().list('/v1/contacts');
      const limited = await rejection(api().list('/v1/contacts'));
      expect(limited).toMatchObject({ code: 'rate_limited', details: { status: 429 } });
      expect(limited.message).toContain('no figure is documented');
    } finally {
      sandbox.controls.chatti.setRateLimit(null);
    }
  });

  it('maintenance mode is a 503 from the sandbox itself', async () => {
    sandbox.controls.chatti.setMaintenance(true);
    try {
      expect((await rejection(api().probe('/v1/contacts'))).details).toMatchObject({ status: 503, providerMessage: 'Service Unavailable: scheduled maintenance.' });
    } finally {
      sandbox.controls.chatti.setMaintenance(false);
    }
  });
});

describe('the request workbench', () => {
  it('GET: status, headers, parsed body and latency; the key is sent in the header only', async () => {
    const response = await api().workbench({ method: 'GET', path: '/v1/contacts', query: { per_page: 2 } });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.body).toMatchObject({ kind: 'json', value: { total: 27, item_count: 2 } });
    expect(response.latencyMs).toBeGreaterThanOrEqual(0);
    expect(sent()).toEqual(['GET /v1/contacts?per_page=2']);
  });

  it('POST, PATCH and DELETE (204, empty); a 4xx/405 is returned as it came, not thrown', async () => {
    const created = await api().workbench({ method: 'POST', path: '/v1/contacts', body: { first_name: 'Zoe', phone: '+15557654321' } });
    expect(created).toMatchObject({ status: 200, body: { kind: 'json', value: { data: { first_name: 'Zoe', phone: '+15557654321' } } } });
    const id = (created.body as { value: { data: { id: number } } }).value.data.id;
    expect((await api().workbench({ method: 'PATCH', path: `/v1/contacts/${id}`, body: { last_name: 'Quill' } })).body).toMatchObject({ value: { data: { last_name: 'Quill' } } });
    expect(await api().workbench({ method: 'DELETE', path: `/v1/contacts/${id}` })).toMatchObject({ status: 204, body: { kind: 'empty' } });
    // A failing answer is shown raw and also in words.
    expect(await api().workbench({ method: 'DELETE', path: `/v1/contacts/${id}` })).toMatchObject({
      status: 404,
      body: { value: { message: 'Contact not found.' } },
      problem: { code: 'provider_not_found', details: { status: 404, providerMessage: 'Contact not found.' } },
    });
    expect(await api().workbench({ method: 'DELETE', path: '/v1/messages' })).toMatchObject({ status: 405 });
    const tooLong = await api().workbench({ method: 'POST', path: '/v1/messages', body: { to: '+15551234567', body: 'x'.repeat(1560) + ' {OptOutURL}' } });
    expect(tooLong).toMatchObject({ status: 400, body: { value: { errors: { body: [expect.stringContaining('1570')] } } } });
  });

  it('never echoes the key: header values and the body are redacted', async () => {
    const key = sandbox.demo.chatti.apiKey;
    sandbox.faults.inject('chatti', { kind: 'status', status: 400, body: { message: `invalid key ${key}`, key }, headers: { 'X-Echo-Key': key } });
    const response = await api().workbench({ method: 'GET', path: '/v1/contacts' });
    expect(JSON.stringify(response)).not.toContain(key);
    expect(response.headers['x-echo-key']).toBe('••••');
    expect(response.body).toEqual({ kind: 'json', value: { message: 'invalid key ••••', key: '••••' } });
  });

  it('refuses paths that leave the base URL or carry credentials, a GET body, and more than 8 MB, before sending', async () => {
    const key = sandbox.demo.chatti.apiKey;
    const refused = async (request: Parameters<ChattiApi['workbench']>[0]) => (await rejection(api().workbench(request))).message;
    expect(await refused({ method: 'GET', path: 'v1/contacts' })).toContain('must start with "/"');
    expect(await refused({ method: 'GET', path: '//evil.example/v1' })).toContain('must not name a scheme or another host');
    expect(await refused({ method: 'GET', path: '/https://evil.example/v1' })).toContain('must not name a scheme or another host');
    expect(await refused({ method: 'GET', path: '/\\evil.example' })).toContain('backslashes');
    expect(await refused({ method: 'GET', path: '/v1/contacts?api_key=abc' })).toContain('must not carry credentials');
    expect(await refused({ method: 'GET', path: '/v1/contacts', query: { 'x-api-key': 'abc' } })).toContain('must not carry credentials');
    expect(await refused({ method: 'GET', path: `/v1/contacts/${key}` })).toContain('contains the API key');
    expect(await refused({ method: 'GET', path: '/v1/contacts', body: { a: 1 } })).toContain('a GET request cannot carry a body');
    const big = await rejection(api().workbench({ method: 'POST', path: '/v1/contacts', body: { blob: 'x'.repeat(8_000_000) } }));
    expect(big).toMatchObject({ code: 'invalid_input', details: { provider: 'chatti', operation: 'workbench' } });
    expect(big.message).toBe('The request body is 8.0 MB; Chatti accepts at most 8 MB per request. Split the data across several requests (Chatti, workbench).');
    expect(sent()).toEqual([]);
  });

  it('a network failure is still an error: a dropped connection', async () => {
    sandbox.faults.inject('chatti', { kind: 'reset' });
    expect((await rejection(api().workbench({ method: 'GET', path: '/v1/contacts' }))).code).toBe('connection_reset');
  });
});
