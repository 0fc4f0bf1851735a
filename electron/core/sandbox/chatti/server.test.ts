import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';
import { parseFlexibleTimestamp } from './timestamps';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 66 });
});
afterAll(() => sandbox.close());

const headers = (extra: Record<string, string> = {}) => ({ 'x-api-key': sandbox.demo.chatti.apiKey, 'Content-Type': 'application/json', ...extra });
const url = (path: string) => `${sandbox.urls.chatti.baseUrl}${path}`;

describe('Chatti sandbox wire (Part B)', () => {
  it('pagination links keep the other parameters; timestamps are ISO 8601 in UTC with the offset', async () => {
    const page = await (await fetch(url('/v1/messages?per_page=5&after=2001-12-31'), { headers: headers() })).json();
    expect(page).toMatchObject({ total: 12, item_count: 5, current_page: 1, first_item: 1, last_item: 5, prev_page_url: null });
    expect(new URL(page.next_page_url).searchParams.toString()).toBe('per_page=5&after=2001-12-31&page=2');
    expect(page.data[0].created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    const past = await (await fetch(url('/v1/contacts?page=9'), { headers: headers() })).json();
    expect(past).toMatchObject({ item_count: 0, first_item: null, last_item: null, next_page_url: null, data: [] });
  });

  it('reads the documented flexible timestamps against the sandbox clock', () => {
    const now = Date.UTC(2030, 0, 9, 15, 30); // a Wednesday
    const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
    expect(parseFlexibleTimestamp('01/01/1970', now)).toBe(0);
    expect(parseFlexibleTimestamp('2001-12-31', now)).toBe(day(2001, 12, 31));
    expect(parseFlexibleTimestamp('2002-10-20T12:26:13+00:00', now)).toBe(Date.UTC(2002, 9, 20, 12, 26, 13));
    expect(parseFlexibleTimestamp('yesterday', now)).toBe(day(2030, 1, 8));
    expect(parseFlexibleTimestamp('last Monday', now)).toBe(day(2030, 1, 7));
    expect(parseFlexibleTimestamp('last Wednesday', now)).toBe(day(2030, 1, 2));
    expect(parseFlexibleTimestamp('3 days ago', now)).toBe(day(2030, 1, 6));
    expect(parseFlexibleTimestamp('02/30/2001', now)).toBeUndefined();
    expect(parseFlexibleTimestamp('soonish', now)).toBeUndefined();
  });

  it('the documented codes from the sandbox itself: 204, 400, 401, 404, 405, 429, 503', async () => {
    const created = await (await fetch(url('/v1/contacts'), { method: 'POST', headers: headers(), body: JSON.stringify({ phone: '+15551112222' }) })).json();
    expect((await fetch(url(`/v1/contacts/${created.data.id}`), { method: 'DELETE', headers: headers() })).status).toBe(204);
    expect((await fetch(url('/v1/contacts'), { method: 'POST', headers: headers(), body: '{"phone":' })).status).toBe(400);
    const plain = await fetch(url('/v1/contacts'), { method: 'POST', headers: headers({ 'Content-Type': 'text/plain' }), body: '{"phone":"+15551112222"}' });
    expect((await plain.json()).errors).toHaveProperty('content_type');
    expect((await fetch(url('/v1/contacts'), { headers: { 'x-api-key': 'nope' } })).status).toBe(401);
    expect((await fetch(url('/v1/contacts/1'), { headers: headers() })).status).toBe(404);
    expect((await fetch(url('/v1/messages/5000'), { method: 'PUT', headers: headers(), body: '{}' })).status).toBe(405);
    sandbox.controls.chatti.setRateLimit({ requests: 1, perMs: 60_000 });
    expect((await fetch(url('/v1/contacts'), { headers: headers() })).status).toBe(200);
    const limited = await fetch(url('/v1/contacts'), { headers: headers() });
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, null]);
    sandbox.controls.chatti.setRateLimit(null);
    sandbox.controls.chatti.setMaintenance(true);
    expect((await fetch(url('/v1/contacts'), { headers: headers() })).status).toBe(503);
    sandbox.controls.chatti.setMaintenance(false);
  });

  it('messages: sender ID rules, MMS extensions, the 1570-character limit with {OptOutURL} expanded', async () => {
    const send = async (body: unknown) => {
      const response = await fetch(url('/v1/messages'), { method: 'POST', headers: headers(), body: JSON.stringify(body) });
      return { status: response.status, json: await response.json() };
    };
    expect((await send({ to: '+15551234567', from: 'Switchboard', body: 'Hi {OptOutURL}' })).json.data).toMatchObject({ from: 'Switchboard', body: 'Hi https://chatti.io/o/XXXXXXXX' });
    expect((await send({ to: '+15551234567', from: 'Switchboard1', body: 'x' })).json.errors).toHaveProperty('from');
    expect((await send({ to: '+15551234567', from: '12345', body: 'x' })).json.errors).toHaveProperty('from');
    expect((await send({ to: '+15551234567', from: 'Sw!tch', body: 'x' })).json.errors).toHaveProperty('from');
    expect((await send({ to: '+15551234567', media_url: 'https://cdn.example.com/a.webp' })).json.errors).toHaveProperty('media_url');
    expect((await send({ to: '+15551234567', media_url: 'https://cdn.example.com/card.vcf' })).status).toBe(200);
    expect((await send({ to: '+15551234567', body: 'x'.repeat(1570) })).status).toBe(200);
    expect((await send({ to: '+15551234567', body: `${'x'.repeat(1550)}{OptOutURL}` })).status).toBe(400);
    const inbound = sandbox.controls.chatti.receiveMessage({ from: '+15559998888', body: 'STOP' });
    expect((await (await fetch(url(`/v1/messages/${inbound}`), { headers: headers() })).json()).data).toMatchObject({ direction: 'inbound', body: 'STOP' });
  });

  it('over 8 MB → a 400 that says so (the status table has no 413)', async () => {
    const body = JSON.stringify({ blob: 'x'.repeat(8 * 1024 * 1024) });
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(url('/v1/contacts'), { method: 'POST', headers: { ...headers(), 'Content-Length': String(Buffer.byteLength(body)) } }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      });
      // The server may answer and close before the whole body is written.
      req.on('error', reject);
      req.end(body);
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).message).toMatch(/^Payload Too Large: a request may be at most 8MB/);
  });
});
