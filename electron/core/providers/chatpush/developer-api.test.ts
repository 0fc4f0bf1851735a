import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';
import { customerIdFromToken } from './jwt';
import { rejection, sandboxClients } from './test-support';

let sandbox: Sandbox;
let clients: ReturnType<typeof sandboxClients>;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 301 });
  clients = sandboxClients(sandbox);
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.requests.clear();
});

const newInstance = (n: number) => ({ email: `new${n}@example.com`, phone: `99555000${String(n).padStart(4, '0')}`, password: 'secret123' });

describe('developer instances (§2)', () => {
  it('creates an instance on the root host with a JSON body: token, idempotency key, renew default true', async () => {
    const created = await clients.developer().createInstance({ ...newInstance(1), externalId: '0077', dispatchRouting: ['WhatsApp', 'sms'] });
    expect(created).toMatchObject({ externalId: '0077', renewSubscription: true });
    expect(created.idempotencyKey).toMatch(/^[A-Za-z0-9]{8}$/);
    expect(customerIdFromToken(created.token)).toBe(created.customerId);
    expect(sandbox.requests.list('chatpush').map((r) => [r.server, r.method, r.path])).toEqual([['root', 'POST', '/api/tmp/instances']]);
    const stored = sandbox.state.chatpush.instances.find((i) => i.id === created.id)!;
    // §6.1: `Telegram`-style capitals are normalised; the channels arrive as given.
    expect(stored.account.dispatchRouting).toEqual(['whatsapp', 'sms']);
    expect(stored.subscriptionCost).toBe(sandbox.state.chatpush.developer.rate);
  });

  it('validates before sending: email, phone, password (≥7, letters and digits), channels; nothing reaches the platform', async () => {
    const api = clients.developer();
    // The code is what the window words in the user's language (shared/field-problems.ts, or zod's own).
    const cases: [object, string, string][] = [
      [{ ...newInstance(2), email: 'nope' }, 'email must be an email address', 'invalid_format'],
      [{ ...newInstance(2), phone: '12-34' }, 'phone must be an international phone number', 'international_phone'],
      [{ ...newInstance(2), password: 'abc12' }, 'password must be at least 7 characters', 'too_small'],
      [{ ...newInstance(2), password: 'abcdefgh' }, 'password must contain a digit', 'password_digit'],
      [{ ...newInstance(2), password: '12345678' }, 'password must contain a letter', 'password_letter'],
      [{ ...newInstance(2), dispatchRouting: ['pigeon'] }, 'dispatchRouting.0', 'invalid_value'],
      [{ ...newInstance(2), externalId: '' }, 'externalId cannot be empty', 'too_small'],
    ];
    for (const [input, expected, code] of cases) {
      const error = await rejection(api.createInstance(input as never));
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(/^Nothing was sent to Jetapi \(creating an instance\): /);
      expect(error.message).toContain(expected);
      expect(error.details.fields?.[0]?.code).toBe(code);
      expect(error.message).not.toContain('abc12');
    }
    expect(sandbox.requests.list('chatpush')).toEqual([]);
  });

  it('a duplicate email/phone is the create-specific 422 (lower-case "entity"), never retried', async () => {
    const first = sandbox.state.chatpush.instances[0]!;
    const error = await rejection(clients.developer().createInstance({ email: first.email, phone: first.phone, password: 'secret123' }));
    expect(error).toMatchObject({ code: 'provider_validation', details: { status: 422, providerMessage: 'Unprocessable entity', operation: 'createInstance' } });
    expect(error.details.fields).toEqual([
      { path: 'email', message: 'already exists' },
      { path: 'phone', message: 'already exists' },
    ]);
    expect(error.message).toContain('email already exists; phone already exists');
    expect(error.message).toContain('search the instance list');
    expect(sandbox.requests.list('chatpush')).toHaveLength(1);
  });

  it('gets an instance by customer id; an instance id or unknown id is 404 with a hint', async () => {
    const target = sandbox.state.chatpush.instances[3]!;
    const instance = await clients.developer().getInstance(target.customerId);
    expect(instance).toMatchObject({ id: target.id, customerId: target.customerId, token: target.token, subscriptionCost: target.subscriptionCost });
    const error = await rejection(clients.developer().getInstance(target.id));
    expect(error).toMatchObject({ code: 'provider_not_found', details: { status: 404, providerMessage: 'Not found' } });
    expect(error.message).toContain('takes the customer id, not the instance id');
  });

  it('lists with the external_id filter (none → empty page, not an error) and pages', async () => {
    const api = clients.developer();
    const withExternal = sandbox.state.chatpush.instances.find((i) => i.externalId)!;
    const page = await api.listInstances({ externalId: withExternal.externalId! });
    expect(page.instances.map((i) => i.id)).toContain(withExternal.id);
    expect(await api.listInstances({ externalId: 'no-such-id' })).toEqual({ instances: [], page: 1, perPage: 100, totalCount: 0 });
    const second = await api.listInstances({ page: 2, perPage: 5 });
    expect(second).toMatchObject({ page: 2, perPage: 5 });
    expect(second.instances).toHaveLength(5);
  });

  it('iterates every page of a fleet one request at a time', async () => {
    const fleet = await startSandbox({ seed: 302 });
    try {
      fleet.controls.chatpush.seedInstances(238);
      const api = sandboxClients(fleet).developer();
      const progress: [number, number][] = [];
      const all = await api.listAllInstances({ onProgress: (received, total) => progress.push([received, total]) });
      expect(all).toHaveLength(250);
      expect(new Set(all.map((i) => i.customerId)).size).toBe(250);
      expect(progress).toEqual([
        [100, 250],
        [200, 250],
        [250, 250],
      ]);
      expect(fleet.requests.list('chatpush').map((r) => r.path)).toEqual([
        '/developer/v1/instances?page=1&per_page=100',
        '/developer/v1/instances?page=2&per_page=100',
        '/developer/v1/instances?page=3&per_page=100',
      ]);
      const tagged = await api.listAllInstances({ externalId: 'fleet-7' });
      expect(tagged.map((i) => i.externalId)).toEqual(['fleet-7']);
    } finally {
      await fleet.close();
    }
  });

  it('updates through query parameters and echoes {customer_id, id, renew_subscription}', async () => {
    const target = sandbox.state.chatpush.instances[5]!;
    const updated = await clients.developer().updateInstance(target.id, { renewSubscription: false, externalId: 'ext-5', dispatchRouting: ['tdlib'] });
    expect(updated).toEqual({ id: target.id, customerId: target.customerId, renewSubscription: false });
    expect(sandbox.requests.list('chatpush')[0]!.path).toBe(
      `/developer/v1/instances/${target.id}?renew_subscription=false&external_id=ext-5&dispatch_routing%5B%5D=tdlib`,
    );
    expect(target).toMatchObject({ externalId: 'ext-5', renewSubscription: false, account: { dispatchRouting: ['tdlib'] } });
    expect((await rejection(clients.developer().updateInstance(target.id, {}))).code).toBe('invalid_input');
    const taken = sandbox.state.chatpush.instances[6]!.email;
    const error = await rejection(clients.developer().updateInstance(target.id, { email: taken }));
    expect(error).toMatchObject({ code: 'provider_validation', details: { fields: [{ path: 'email', message: 'already exists' }] } });
    expect((await rejection(clients.developer().updateInstance(999_999, { renewSubscription: true }))).code).toBe('provider_not_found');
  });

  it('renews for one month against the developer balance; without money: 422 "not enough money" (status_id 1)', async () => {
    const target = sandbox.state.chatpush.instances[7]!;
    const before = target.subscriptionPaidUntil;
    sandbox.controls.chatpush.setBalance('developer', '10000.00');
    const renewed = await clients.developer().renewSubscription(target.id);
    expect(renewed.id).toBe(target.id);
    expect(renewed.subscriptionPaidUntil > before).toBe(true);
    expect(sandbox.state.chatpush.developer.totalAmount).toBe((10000 - Number(target.subscriptionCost)).toFixed(2));

    sandbox.controls.chatpush.setBalance('developer', '0.00');
    const error = await rejection(clients.developer().renewSubscription(target.id));
    expect(error).toMatchObject({ code: 'provider_validation', details: { status: 422, fields: [{ path: 'base', message: 'not enough money' }] } });
    expect(error.message).toContain('top up the developer balance');
    expect(sandbox.requests.list('chatpush')).toHaveLength(2);
  });

  it('interrupts the WhatsApp authorization (bare success) and the session is gone', async () => {
    const target = sandbox.state.chatpush.instances.find((i) => i.whatsappSession === 1)!;
    await expect(clients.developer().interruptWhatsappAuthorization(target.id)).resolves.toBeUndefined();
    expect(target).toMatchObject({ whatsappSession: 0, whatsappPhone: null });
  });

  it('refuses a wrong api_key (401) and an api_key sent as Bearer, naming the credential', async () => {
    const error = await rejection(clients.developer('wrong-key-123456').listInstances());
    expect(error).toMatchObject({ code: 'auth_failed', details: { status: 401, providerMessage: 'Not authorized!' } });
    expect(error.message).toMatch(/^Jetapi rejected the developer api_key \(401\) while listing the developer instances on 127\.0\.0\.1:\d+\. Check the developer api_key/);
  });
});

describe('developer webhooks (§5.1: PUT update)', () => {
  it('creates, lists, gets, updates with PUT and deletes', async () => {
    const hooks = clients.developer().webhooks;
    const created = await hooks.create({ url: 'https://hooks.example.test/a', types: ['whatsapp_log_out', 'whatsapp_log_out'] });
    expect(created).toMatchObject({ url: 'https://hooks.example.test/a', types: ['whatsapp_log_out'] });
    expect(await hooks.list()).toContainEqual(created);
    expect(await hooks.get(created.id)).toEqual(created);
    const updated = await hooks.update(created.id, { url: 'https://hooks.example.test/b', types: ['whatsapp_log_in', 'whatsapp_status_msg'] });
    expect(updated).toEqual({ id: created.id, url: 'https://hooks.example.test/b', types: ['whatsapp_log_in', 'whatsapp_status_msg'] });
    await hooks.delete(created.id);
    expect((await rejection(hooks.get(created.id))).code).toBe('provider_not_found');
    expect(clients.seen()).toEqual([
      'POST /developer/v1/webhooks',
      'GET /developer/v1/webhooks',
      `GET /developer/v1/webhooks/${created.id}`,
      `PUT /developer/v1/webhooks/${created.id}`,
      `DELETE /developer/v1/webhooks/${created.id}`,
      `GET /developer/v1/webhooks/${created.id}`,
    ]);
  });

  it('accepts only the 5 subscribable types and an http(s) url, before sending', async () => {
    const hooks = clients.developer().webhooks;
    const wrongType = await rejection(hooks.create({ url: 'https://x.test', types: ['whatsapp_log_ou' as never] }));
    expect(wrongType).toMatchObject({ code: 'invalid_input', details: { operation: 'developer.createWebhook' } });
    expect((await rejection(hooks.create({ url: 'https://x.test', types: [] }))).message).toContain('types needs at least one event type');
    expect((await rejection(hooks.create({ url: 'ftp://x.test', types: ['tdlib_incoming_msg'] }))).message).toContain('url must be an http(s) URL');
    // message_status is a payload type, not a subscription type (§5.2).
    expect((await rejection(hooks.create({ url: 'https://x.test', types: ['message_status' as never] }))).code).toBe('invalid_input');
    expect(sandbox.requests.list('chatpush')).toEqual([]);
  });
});

describe('Telegram bot authorization (§4.3)', () => {
  it('connects a bot to an instance and reports its link', async () => {
    const target = sandbox.state.chatpush.instances[2]!;
    const bot = await clients.developer().authorizeTelegramBot({
      instanceId: target.id,
      apiToken: '6209296007:AAHmy6glVmmtztPjnZDnzSFVKldmOA5kAe',
      menuTitle: 'Main',
      menuLink: 'https://www.notion.so/',
    });
    expect(bot).toMatchObject({ instanceId: target.id, menuTitle: 'Main', menuLink: 'https://www.notion.so/', status: 'running' });
    expect(bot.botLink).toMatch(/^https:\/\/t\.me\/\w+_bot$/);
    // The bot token travels in the query: it is registered as a secret.
    expect(clients.redactor.redact('6209296007:AAHmy6glVmmtztPjnZDnzSFVKldmOA5kAe')).toBe('••••');
  });

  it('requires menu_link with menu_title and a bot-token shape, before sending', async () => {
    const api = clients.developer();
    const error = await rejection(api.authorizeTelegramBot({ instanceId: 1, apiToken: '6209296007:AAHmy6glVmmtztPjnZ', menuTitle: 'Main' }));
    expect(error.details.fields).toEqual([{ path: 'menuLink', message: 'is required when a menu title is set', code: 'menu_link_required' }]);
    expect((await rejection(api.authorizeTelegramBot({ instanceId: 1, apiToken: '12345' }))).details.fields?.[0]).toMatchObject({ path: 'apiToken', code: 'bot_token' });
    expect(sandbox.requests.list('chatpush')).toEqual([]);
  });
});
