import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';

/** Wire facts of Part C checked with raw HTTP, where the client would refuse to send the request or hide the shape. */
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 55 });
});
afterAll(() => sandbox.close());

async function call(method: string, path: string, body?: unknown, token = sandbox.demo.chat2desk.apiToken) {
  const text = body === undefined ? undefined : JSON.stringify(body);
  // node:http rather than fetch: fetch refuses a body on GET, and C13 needs one.
  return new Promise<{ status: number; headers: Record<string, unknown>; json: any }>((resolve, reject) => {
    const req = httpRequest(`${sandbox.urls.chat2desk.baseUrl}${path}`, {
        method,
        headers: { Authorization: token, 'Content-Type': 'application/json', ...(text === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(text)) }) },
      }, (res) => {
      let data = '';
      res.on('data', (chunk) => (data += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, json: data ? JSON.parse(data) : undefined }));
    });
    req.on('error', reject);
    req.end(text);
  });
}

describe('Chat2Desk sandbox wire (Part C)', () => {
  it('C1–C3: trailing slashes, raw-token auth, the envelope with meta echoing the effective limit and offset', async () => {
    const page = await call('GET', '/v1/channels/?offset=1');
    expect(page.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(page.json).toMatchObject({ status: 'success', meta: { total: 3, limit: 20, offset: 1 } });
    expect((await call('GET', '/v1/messages/?limit=3')).json.meta).toEqual({ total: sandbox.state.chat2desk.messages.length, limit: 3, offset: 0 });
    const bearer = await call('GET', '/v1/channels', undefined, `Bearer ${sandbox.demo.chat2desk.apiToken}`);
    expect(bearer).toMatchObject({ status: 401, json: { message: 'unauthorized', errors: 'Invalid API token', status: 'error' } });
    expect((await call('GET', '/v1/channels?limit=201')).json).toEqual({
      message: 'bad_request',
      errors: { limit: [{ text: 'Parameter must be a numeric value.', error: 'unsupported_value' }] },
      status: 'error',
    });
    expect((await call('GET', '/v1/channels?offset=next')).json.errors.offset[0].error).toBe('invalid_filter_and_sorting_params');
    expect((await call('GET', '/v1/messages?order=positive')).json.errors.order[0].text).toBe("Only 'asc' or 'desc' are allowed.");
  });

  it('C5: webhook shapes: create 200 with errors null; get-by-id a one-element array without source/channels; PUT url:null deletes', async () => {
    const created = await call('POST', '/v1/webhooks/', { url: 'http://127.0.0.1:9/h', name: 'raw', events: ['inbox'], channels: [sandbox.state.chat2desk.channels[0]!.id] });
    expect(created.status).toBe(200);
    expect(created.json.data).toMatchObject({ status: 'enable', errors: null, source: 'client' });
    const id = created.json.data.id;
    const one = await call('GET', `/v1/webhooks/${id}`);
    expect(one.json.data).toHaveLength(1);
    expect(Object.keys(one.json.data[0])).toEqual(['id', 'name', 'url', 'events', 'status', 'errors']);
    expect((await call('GET', '/v1/webhooks')).json.data[0].errors).toEqual([]);
    expect((await call('PUT', `/v1/webhooks/${id}?status=paused`, {})).json.errors.status[0].text).toBe("Only 'enable' or 'disable' are allowed.");
    expect((await call('POST', '/v1/webhooks', { url: 'http://x', name: 'y', events: ['message_sent'] })).json.errors.events[0]).toEqual({
      text: "Unknown event 'message_sent'.",
      error: 'unsupported_value',
    });
    expect((await call('PUT', `/v1/webhooks/${id}`, { url: null })).json).toEqual({ status: 'success' });
    expect((await call('GET', `/v1/webhooks/${id}`)).json).toEqual({ message: 'not_found', errors: `Webhook #${id} not found`, status: 'error' });
  });

  it('C8–C9: start_id excludes the dates; status codes 1,2,3,5,6,7 only', async () => {
    expect((await call('GET', '/v1/messages?start_id=5&start_date=2025-01-01')).json.errors.start_id[0].error).toBe('invalid_filter_and_sorting_params');
    const message = sandbox.state.chat2desk.messages[0]!;
    expect((await call('PUT', `/v1/messages/${message.id}/status/4`)).json.errors.status[0].text).toBe('Only 1, 2, 3, 5, 6 or 7 are allowed.');
    expect((await call('PUT', '/v1/messages/1/status/6')).json.errors).toBe('Message #1 not found');
  });

  it('C13: GETs that change things, a GET with a JSON body, and POST tags answering 201', async () => {
    const message = sandbox.state.chat2desk.messages.find((m) => m.type === 'from_client')!;
    expect((await call('GET', `/v1/messages/${message.id}/unread`)).json).toEqual({ status: 'success' });
    expect(message.read).toBe(false);
    await call('GET', `/v1/messages/${message.id}/read`);
    expect(message.read).toBe(true);

    const transfer = (query: string) => call('GET', `/v1/messages/${message.id}/transfer${query}`);
    expect((await transfer('')).json.errors.operator_id[0]).toEqual({ text: 'Parameter is required.', error: 'missing_parameter' });
    expect((await transfer('?operator_id=100')).json.errors.operator_id[0]).toEqual({ text: 'Operator 100 not found.', error: 'not_found' });
    const offline = sandbox.state.chat2desk.operators.find((o) => !o.online)!;
    expect((await transfer(`?operator_id=${offline.id}&force_assign=false`)).json.errors).toEqual([{ text: `Could not transfer to operator ${offline.id}.`, error: 'not_found' }]);
    expect((await transfer(`?operator_id=${offline.id}`)).json).toEqual({ data: [], status: 'success' });
    expect((await call('GET', '/v1/messages/1/transfer?operator_id=100')).json).toEqual({ message: 'not_found', errors: 'Message #1 not found', status: 'error' });
    expect((await call('GET', `/v1/messages/${message.id}/transfer_to_group?group_id=1`)).json.errors).toBe('Operator Group #1 not found');
    expect((await call('GET', `/v1/messages/${message.id}/transfer_to_group?group_id=3373`)).json.data.assignee).toHaveProperty('email');

    const channelId = sandbox.state.chat2desk.channels[0]!.id;
    const menu = await call('GET', '/v1/scenarios/menu_items', { channel_id: channelId });
    expect(menu.json.data[0].channelID).toBe(channelId);
    expect((await call('GET', '/v1/scenarios/menu_items')).status).toBe(400);

    const tag = await call('POST', '/v1/tags', { tag_group_id: 1, tag_label: 'ABC1', tag_description: 'My tag description' });
    expect(tag.status).toBe(201);
    expect(tag.json.data).toEqual([{ id: expect.any(Number), label: 'ABC1', description: 'My tag description', group_id: 1, group_name: '1' }]);
  });

  it('C13: delete_outbox removes only unsent messages', async () => {
    const client = sandbox.state.chat2desk.clients.find((c) => c.transport === 'whatsapp')!;
    const before = sandbox.state.chat2desk.messages.length;
    await call('POST', `/v1/messages?client_id=${client.id}&text=${encodeURIComponent('query-string reading')}`);
    expect(sandbox.state.chat2desk.messages.at(-1)).toMatchObject({ text: 'query-string reading', recipientStatus: 'pending' });
    expect((await call('GET', '/v1/gateway/delete_outbox')).json).toEqual({ data: { deleted: 1 }, status: 'success' });
    expect(sandbox.state.chat2desk.messages).toHaveLength(before);
  });

  it('an unknown route is 404, a known route with another method 405; the month used up is 403', async () => {
    expect((await call('GET', '/v1/nothing')).status).toBe(404);
    expect((await call('PATCH', '/v1/channels')).status).toBe(405);
    const calls = sandbox.state.chat2desk.company.apiCalls;
    const saved = { ...calls };
    sandbox.controls.chat2desk.setApiCalls({ leftFreeRequests: 0, leftPaidRequests: 1 });
    expect((await call('GET', '/v1/channels')).status).toBe(200);
    expect(calls.leftPaidRequests).toBe(0);
    expect((await call('GET', '/v1/channels')).json).toEqual({ message: 'forbidden', errors: 'API requests limit exceeded', status: 'error' });
    sandbox.controls.chat2desk.setApiCalls(saved);
  });
});
