import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotencyChecksum } from '../../providers/chatpush/checksum';
import { startSandbox, type Sandbox } from '../sandbox';

/** The wire facts of spec §9 ("Facts a test server must reproduce"), checked with raw fetch. */
let sandbox: Sandbox;
let rest: string;
let root: string;
let apiKey: string;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 401 });
  ({ rest, root } = sandbox.urls.chatpush);
  apiKey = sandbox.demo.chatpush.apiKey;
});
afterAll(() => sandbox.close());

const bearer = (index = 0) => ({ Authorization: `Bearer ${sandbox.state.chatpush.instances[index]!.token}` });
const call = async (url: string, init: RequestInit = {}) => {
  const response = await fetch(url, init);
  return { status: response.status, headers: response.headers, text: await response.text() };
};

describe('routing and auth (§9.1, §9.2)', () => {
  it('creates instances only on the root host, with the api_key; the REST host does not serve it', async () => {
    const body = JSON.stringify({ instance: { email: 'root@example.com', phone: '995555846453', password: 'example123', external_id: '77777' } });
    const headers = { Authorization: apiKey, 'Content-Type': 'application/json' };
    expect((await call(`${rest}/api/tmp/instances`, { method: 'POST', headers, body })).status).toBe(404);
    expect((await call(`${root}/developer/v1/instances`, { headers })).status).toBe(404);
    expect((await call(`${root}/api/tmp/instances`, { method: 'POST', headers: { Authorization: `Bearer ${apiKey}` }, body })).status).toBe(401);
    const created = await call(`${root}/api/tmp/instances`, { method: 'POST', headers, body });
    expect(created.status).toBe(200);
    // §1.4: a Rails backend: its own headers, a UUID request id.
    expect(created.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(created.headers.get('etag')).toMatch(/^W\/"[0-9a-f]{32}"$/);
    expect(created.headers.get('x-runtime')).toMatch(/^\d+\.\d+$/);
    expect(created.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(JSON.parse(created.text).instance)).toEqual(['customer_id', 'external_id', 'id', 'idempotency_key', 'renew_subscription', 'token']);

    // §1.5: the create 422 variant: lower-case "entity", no status_id.
    const again = await call(`${root}/api/tmp/instances`, { method: 'POST', headers, body });
    expect(again.status).toBe(422);
    expect(again.text).toBe(
      '{"meta":{"code":422,"errors":{"email":["already exists"],"phone":["already exists"]},"message":"Unprocessable entity","status":"fail"}}',
    );
  });

  it('tolerates trailing slashes on /developer/v1/instances/ and /api/v1/webhooks/', async () => {
    expect((await call(`${rest}/developer/v1/instances/`, { headers: { Authorization: apiKey } })).status).toBe(200);
    expect((await call(`${rest}/api/v1/webhooks/`, { headers: bearer() })).status).toBe(200);
  });

  it('Bearer trees refuse the api_key and vice versa, with the documented 401 body', async () => {
    const notAuthorized = '{"meta":{"code":401,"message":"Not authorized!","status":"fail"}}';
    expect(await call(`${rest}/api/v1/delivery?text=hi&phone=995598464533`, { method: 'POST', headers: { Authorization: apiKey } })).toMatchObject({ status: 401, text: notAuthorized });
    expect(await call(`${rest}/api/developer_chat/generate_link`, { method: 'POST' })).toMatchObject({ status: 401, text: notAuthorized });
    expect(await call(`${rest}/developer/v1/webhooks`, { headers: bearer() })).toMatchObject({ status: 401, text: notAuthorized });
    // The open-dialog page takes customer_id + hash instead of a header (403 without a valid hash).
    expect((await call(`${rest}/api/v1/chatter?customer_id=1&hash=x&phone=1`)).status).toBe(403);
  });
});

describe('serialisation: the documented Content-Lengths (§1.4, computed)', () => {
  it('bare success 40, 404 59, utm 55, webhook list 119, renew error 123, MAX bad phone 142, mime error 127', async () => {
    // ⚠ The example body shows https://example.com, but its Content-Length (119) fits http://example.com: the body
    // was edited after the fact, like the delivery and webhook 422s of §1.4.
    const webhook = await call(`${rest}/developer/v1/webhooks?url=http://example.com&types[]=whatsapp_log_out`, { method: 'POST', headers: { Authorization: apiKey } });
    expect(JSON.parse(webhook.text).webhook.id).toBe(57);
    const list = await call(`${rest}/developer/v1/webhooks`, { headers: { Authorization: apiKey } });
    expect(list.text).toBe('{"meta":{"code":200,"status":"success"},"webhooks":[{"id":57,"types":["whatsapp_log_out"],"url":"http://example.com"}]}');
    expect(list.headers.get('content-length')).toBe('119');
    const deleted = await call(`${rest}/developer/v1/webhooks/57`, { method: 'DELETE', headers: { Authorization: apiKey } });
    expect(deleted.text).toBe('{"meta":{"code":200,"status":"success"}}');
    expect(deleted.text).toHaveLength(40);
    expect((await call(`${rest}/developer/v1/instances/1`, { headers: { Authorization: apiKey } })).text).toHaveLength(59);
    expect((await call(`${rest}/api/v1/utm_mark`, { headers: bearer(1) })).text).toHaveLength(55);

    sandbox.controls.chatpush.setBalance('developer', 0);
    const instance = sandbox.state.chatpush.instances[0]!;
    const renew = await call(`${rest}/developer/v1/instances/${instance.id}/renew_subscription`, { method: 'POST', headers: { Authorization: apiKey } });
    expect(renew.text).toBe('{"meta":{"code":422,"errors":{"base":["not enough money"]},"message":"Unprocessable Entity","status":"fail","status_id":1}}');
    expect(renew.text).toHaveLength(123);
    expect((await call(`${rest}/api/v1/max/send_phone?phone=7981159774`, { method: 'POST', headers: bearer() })).text).toHaveLength(142);

    const form = new FormData();
    form.append('file', new Blob(['GIF89a'], { type: 'image/gif' }), 'cat.gif');
    const mime = await call(`${rest}/api/v1/send_file?file_name=cat.gif&phone=995598464533`, { method: 'POST', headers: bearer(), body: form });
    expect(mime.text).toBe('{"meta":{"code":422,"errors":{"base":["invalid mime type"]},"message":"Unprocessable Entity","status":"fail","status_id":null}}');
    expect(mime.text).toHaveLength(127);
  });

  it('the instance update echo is 100 bytes plus the digits of its ids: 109 for the example\'s 20322 / 3748', async () => {
    const instance = sandbox.state.chatpush.instances[4]!;
    const update = await call(`${rest}/developer/v1/instances/${instance.id}?renew_subscription=true`, { method: 'PUT', headers: { Authorization: apiKey } });
    expect(update.text).toBe(`{"instance":{"customer_id":${instance.customerId},"id":${instance.id},"renew_subscription":true},"meta":{"code":200,"status":"success"}}`);
    expect(update.text).toHaveLength(100 + String(instance.customerId).length + String(instance.id).length);
  });
});

describe('documented validation messages (§1.5)', () => {
  it('send and bulk: "the text cannot be empty" with status_id null', async () => {
    for (const path of ['/api/v1/delivery?phone=995598464533', '/api/v1/bulk_delivery?phones_numbers[]=995598464533', '/v1/bulk_delivery?phones_numbers[]=1']) {
      const answer = await call(`${rest}${path}`, { method: 'POST', headers: bearer() });
      expect(answer.text).toBe('{"meta":{"code":422,"errors":{"text":["the text cannot be empty"]},"message":"Unprocessable Entity","status":"fail","status_id":null}}');
    }
  });

  it('webhooks: an unknown type is "types invalid"; PATCH is not a developer verb, PUT not an individual one', async () => {
    const wrong = await call(`${rest}/developer/v1/webhooks?url=https://example.com&types[]=whatsapp_log_ou`, { method: 'POST', headers: { Authorization: apiKey } });
    expect(JSON.parse(wrong.text).meta.errors).toEqual({ types: ['types invalid'] });
    const created = JSON.parse((await call(`${rest}/api/v1/webhooks?url=https://a.test&types[]=whatsapp_log_in`, { method: 'POST', headers: bearer() })).text).webhook;
    expect((await call(`${rest}/api/v1/webhooks/${created.id}?url=https://b.test&types[]=whatsapp_log_in`, { method: 'PUT', headers: bearer() })).status).toBe(404);
    expect((await call(`${rest}/developer/v1/webhooks/${created.id}?url=https://b.test&types[]=whatsapp_log_in`, { method: 'PATCH', headers: { Authorization: apiKey } })).status).toBe(404);
  });

  it('Telegram bot: a menu title without a link is the Russian "site link cannot be empty"', async () => {
    const instance = sandbox.state.chatpush.instances[0]!;
    const answer = await call(`${rest}/developer/v1/telegram_bots?instance_id=${instance.id}&api_token=6209296007:AAHmy6lVmmtztPjnZDnzSFVKldmOA5kAeI&menu_title=Main&menu_link=`, {
      method: 'POST',
      headers: { Authorization: apiKey },
    });
    expect(JSON.parse(answer.text).meta).toEqual({
      code: 422,
      errors: { menu_link: ['Ссылка на сайт не может быть пустым'] },
      message: 'Unprocessable Entity',
      status: 'fail',
      status_id: null,
    });
  });

  it('notes: the identity message lists the three fields', async () => {
    const answer = await call(`${rest}/api/developer_chat/conversations/notes`, { method: 'PUT', headers: { ...bearer(), 'Content-Type': 'application/json' }, body: '{"notes":[]}' });
    expect(JSON.parse(answer.text).meta.errors).toEqual({ phone: ['Phone number One of these fields must be present: [:phone, :tdlib_username, :tdlib_user_id]'] });
  });
});

describe('idempotency checksum on the server (§6.8)', () => {
  it('400 "Invalid checksum" for a wrong digest, 409 for a repeat, both exact bodies', async () => {
    const instance = sandbox.state.chatpush.instances[2]!;
    const query = 'external_id=100&phone=9951233456789&text=text&dispatch_routing[]=sms';
    const checksum = idempotencyChecksum({ external_id: '100', phone: '9951233456789', text: 'text', 'dispatch_routing[]': ['sms'] }, instance.idempotencyKey);
    const headers = { Authorization: `Bearer ${instance.token}` };
    const bad = await call(`${rest}/api/v1/delivery?${query}`, { method: 'POST', headers: { ...headers, checksum: 'f'.repeat(64) } });
    expect(bad).toMatchObject({ status: 400, text: '{"meta":{"code":400,"message":"Invalid checksum","status":"fail"}}' });
    expect((await call(`${rest}/api/v1/delivery?${query}`, { method: 'POST', headers: { ...headers, checksum } })).status).toBe(200);
    const repeat = await call(`${rest}/api/v1/delivery?${query}`, { method: 'POST', headers: { ...headers, checksum } });
    expect(repeat).toMatchObject({ status: 409, text: '{"meta":{"code":409,"message":"Request with current params has already been received","status":"fail"}}' });
    // Without the header nothing is checked.
    expect((await call(`${rest}/api/v1/delivery?${query}`, { method: 'POST', headers })).status).toBe(200);
  });
});
