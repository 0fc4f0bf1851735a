import { openAsBlob } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';
import type { ChatpushInstanceRecord } from '../../sandbox/state';
import { SEND_FILE_MAX_BYTES } from './send-file-rules';
import { rejection, sandboxClients } from './test-support';

let sandbox: Sandbox;
let clients: ReturnType<typeof sandboxClients>;
/** WhatsApp and Telegram authorized, subscription paid, money on the account. */
let ready: ChatpushInstanceRecord;
const STEP = 60_000;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 303 });
  clients = sandboxClients(sandbox);
  // Deliveries move only when the test moves the sandbox clock.
  sandbox.controls.chatpush.configure({ deliveryStepMs: STEP });
  ready = sandbox.state.chatpush.instances[0]!;
  sandbox.controls.chatpush.setInstanceState(ready.customerId, { whatsapp: { phone: '995500000001' }, tdlibSession: 3 });
  sandbox.controls.chatpush.setSubscription(ready.customerId, { paidUntil: '2999-01-01' });
  sandbox.controls.chatpush.setBalance(ready.customerId, '100.00');
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.requests.clear();
});

const settleDeliveries = () => sandbox.clock.advance(STEP);

describe('account and token (§3, §4.5)', () => {
  it('reads the account and the customer id the token carries', async () => {
    const api = clients.customer();
    const account = await api.getAccount();
    expect(account).toMatchObject({ customerId: ready.customerId, balance: '100.00', whatsappSession: 1, tdlibSession: 3, subscriptionStatus: 'active' });
    expect(api.customerId()).toBe(account.customerId);
  });

  it("reads the developer's master balance with the master token (short form)", async () => {
    const account = await clients.customer({ token: sandbox.controls.chatpush.developerToken() }).getAccount();
    expect(account).toMatchObject({ customerId: sandbox.state.chatpush.developer.customerId, balance: sandbox.state.chatpush.developer.totalAmount, subscriptionStatus: null });
  });

  it('a token the platform did not issue is 401 "Not authorized!", named as the client token', async () => {
    const error = await rejection(clients.customer({ token: 'eyJhbGciOiJIUzI1NiJ9.eyJjdXN0b21lcl9pZCI6MX0.forged' }).getAccount());
    expect(error).toMatchObject({ code: 'auth_failed', details: { status: 401, providerMessage: 'Not authorized!', operation: 'getAccount' } });
    expect(error.message).toMatch(/^Jetapi rejected the client token \(401\) while reading the account balance/);
  });
});

describe('deliveries (§6)', () => {
  it('sends (flat status 6 "Accepted"), then the lookup shows the nested status moving to delivered', async () => {
    const api = clients.customer();
    const sent = await api.sendDelivery({ phone: '+995 598 464 533', text: 'hello', dispatchRouting: ['whatsapp'], utmMark: 'spring', priority: 'high' });
    expect(sent).toMatchObject({ statusId: 6, statusDescription: 'Accepted', final: false, phone: '+995598464533', priority: 'high', sum: '0.0', totalSms: 1 });
    expect(await api.getDelivery(sent.id)).toMatchObject({ id: sent.id, statusId: 6, operator: { id: 81, slug: 'georgia' }, dispatchRouting: null });
    settleDeliveries();
    expect(await api.getDelivery(sent.id)).toMatchObject({ statusId: 15, statusDescription: 'In progress', final: false });
    settleDeliveries();
    expect(await api.getDelivery(sent.id)).toMatchObject({ statusId: 2, statusDescription: 'Delivered', final: true });
  });

  it('looking up an unknown delivery id, or one sent with another client token, is 404 "Not found" with a hint (§1.5, §6.3)', async () => {
    const api = clients.customer();
    const unknown = await rejection(api.getDelivery(987_654_321));
    expect(unknown).toMatchObject({ code: 'provider_not_found', details: { status: 404, providerMessage: 'Not found', operation: 'getDelivery' } });
    expect(unknown.message).toContain('looking up delivery 987654321');
    expect(unknown.message).toContain('Check the delivery id and that it was sent with this client token.');

    // A delivery belongs to the customer whose token sent it: another customer's token does not see it.
    const sent = await api.sendDelivery({ phone: '995598464533', text: 'mine', dispatchRouting: ['whatsapp'] });
    const other = sandbox.state.chatpush.instances.find((instance) => instance.customerId !== ready.customerId)!;
    const foreign = await rejection(clients.customer({ token: other.token }).getDelivery(sent.id));
    expect(foreign).toMatchObject({ code: 'provider_not_found', details: { status: 404 } });
  });

  it('charges an SMS when it is delivered, per segment', async () => {
    const api = clients.customer();
    const sent = await api.sendDelivery({ phone: '995598464533', text: 'x'.repeat(200), dispatchRouting: ['sms'] });
    expect(sent.totalSms).toBe(2);
    settleDeliveries();
    settleDeliveries();
    expect(await api.getDelivery(sent.id)).toMatchObject({ statusId: 2, sum: '5.00' });
    expect((await api.getAccount()).balance).toBe('95.00');
  });

  it('validates before sending: text, a recipient, the callback URL', async () => {
    const api = clients.customer();
    expect((await rejection(api.sendDelivery({ phone: '995598464533', text: '  ' }))).message).toBe(
      'Nothing was sent to Jetapi (sending a message): text cannot be empty. Correct it and try again.',
    );
    expect((await rejection(api.sendDelivery({ text: 'hi' }))).details.fields).toEqual([
      { path: 'phone', message: 'needs a phone, a Telegram username or user id, or a WhatsApp lid', code: 'recipient_required' },
    ]);
    expect((await rejection(api.sendDelivery({ phone: '995598464533', text: 'hi', callbackUrl: 'javascript:alert(1)' }))).code).toBe('invalid_input');
    expect(sandbox.requests.list('chatpush')).toEqual([]);
  });

  it('sends the checksum header: a repeat is 409, a wrong key 400, each reworded and sent once', async () => {
    const params = { phone: '995598464533', text: 'once only', externalId: 'order-17' };
    const api = clients.customer({ idempotencyKey: ready.idempotencyKey });
    const first = await api.sendDelivery(params);
    expect(first.externalId).toBe('order-17');

    const duplicate = await rejection(api.sendDelivery(params));
    expect(duplicate).toMatchObject({
      code: 'provider_conflict',
      details: { status: 409, providerMessage: 'Request with current params has already been received', reason: 'duplicate_request' },
    });
    expect(duplicate.message).toMatch(/^Jetapi has already received a request with exactly these parameters \(409\) while sending a message on 127\.0\.0\.1:\d+, so it was not processed again\./);

    const wrongKey = await rejection(clients.customer({ idempotencyKey: 'WRONGKEY' }).sendDelivery({ ...params, externalId: 'order-18' }));
    expect(wrongKey).toMatchObject({ code: 'provider_validation', details: { status: 400, providerMessage: 'Invalid checksum', reason: 'checksum_rejected' } });
    expect(wrongKey.message).toContain('rejected the idempotency checksum (400)');
    expect(wrongKey.message).toContain('nothing was sent');
    expect(clients.seen()).toEqual(['POST /api/v1/delivery', 'POST /api/v1/delivery', 'POST /api/v1/delivery']);
    expect(clients.retryDelays).toEqual([]);
  });

  it('bulk: the echo with state and url_shorting, one delivery per phone', async () => {
    const before = sandbox.state.chatpush.deliveries.length;
    const bulk = await clients.customer().sendBulk({
      text: 'news',
      phones: ['995598464533', '995598464534'],
      dispatchRouting: ['sms'],
      scheduledAt: '2999-12-11 20:30:00',
      utmMark: 'bulk-1',
    });
    expect(bulk).toMatchObject({ phones: ['995598464533', '995598464534'], state: 2, urlShortening: false, scheduledAt: '2999-12-11T20:30:00Z', utmMark: 'bulk-1' });
    expect(sandbox.state.chatpush.deliveries.length - before).toBe(2);
    expect(sandbox.requests.list('chatpush')[0]!.path).toContain('phones_numbers%5B%5D=995598464533&phones_numbers%5B%5D=995598464534');
  });

  it('deletes only delivered WhatsApp/TDLib messages, with the four documented refusals reworded', async () => {
    const api = clients.customer();
    const sms = await api.sendDelivery({ phone: '995598464533', text: 'sms', dispatchRouting: ['sms'] });
    const whatsapp = await api.sendDelivery({ phone: '995598464533', text: 'wa', dispatchRouting: ['whatsapp'] });
    const telegram = await api.sendDelivery({ phone: '995598464533', text: 'tg', dispatchRouting: ['tdlib'] });

    const notComplete = await rejection(api.deleteDelivery(whatsapp.id));
    expect(notComplete.details.fields).toEqual([{ path: 'delivery', message: 'delivery not_complete' }]);
    expect(notComplete.message).toBe(`Jetapi refused to delete delivery ${whatsapp.id} (422): only deliveries in the final status "delivered" can be deleted; wait for it or check its status.`);
    // The broken rule also travels as a reason with the id, for the window to word in the user's language.
    expect(notComplete.details).toMatchObject({ reason: 'delete_not_delivered', reasonParams: { deliveryId: whatsapp.id } });

    settleDeliveries();
    settleDeliveries();
    const smsRefusal = await rejection(api.deleteDelivery(sms.id));
    expect(smsRefusal.details.fields).toEqual([{ path: 'dispatch_type', message: 'dispatch_type invalid' }]);
    expect(smsRefusal.details).toMatchObject({ reason: 'delete_wrong_channel', reasonParams: { deliveryId: sms.id } });
    await api.deleteDelivery(whatsapp.id);
    await api.deleteDelivery(telegram.id);
    expect(await api.getDelivery(whatsapp.id)).toMatchObject({ statusId: 4, statusDescription: 'Deleted' });
    const deletedAlready = await rejection(api.deleteDelivery(whatsapp.id));
    expect(deletedAlready.details.fields).toEqual([{ path: 'delivery', message: 'delivery not found' }]);
    expect(deletedAlready.details.reason).toBe('delete_not_found');
    const gone = await rejection(api.deleteDelivery(telegram.id));
    expect(gone.details.fields).toEqual([{ path: 'tdlib_delivery', message: 'tdlib_delivery not found' }]);
    expect(gone.message).toContain('the Telegram message does not exist or is already deleted');
    expect(gone.details.reason).toBe('delete_telegram_not_found');
    expect((await rejection(api.deleteDelivery(1))).message).toContain('was not sent through the service, or is already deleted');
  });

  it('looks up the operator of a number; an unknown number is 404', async () => {
    const api = clients.customer();
    expect(await api.searchOperator('995598464533')).toEqual({
      formattedPhone: '+995598464533',
      operator: { id: 81, name: 'Georgia', brandName: 'Georgia', country: 'Georgia', slug: 'georgia' },
    });
    expect((await rejection(api.searchOperator('123'))).code).toBe('provider_not_found');
  });

  it('lists the UTM marks used', async () => {
    expect(await clients.customer().listUtmMarks()).toEqual(['bulk-1', 'spring']);
  });
});

describe('send_file (§6.6)', () => {
  it('uploads a multipart file with the query parameters; the answer says "Received" (⚠ the example)', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4 sandbox');
    const sent = await clients.customer().sendFile({ file: pdf, fileName: 'offer.pdf', phone: '995598464533', caption: 'Offer', dispatchRouting: ['whatsapp'] });
    expect(sent).toMatchObject({ statusId: 6, statusDescription: 'Received', simulateTyping: true, replyToMessageId: null });
    const stored = sandbox.state.chatpush.deliveries.find((d) => d.id === sent.id)!;
    expect(stored.file).toMatchObject({ name: 'offer.pdf', mimeType: 'application/pdf', caption: 'Offer' });
    expect(sandbox.requests.list('chatpush')[0]!.path).toMatch(/^\/api\/v1\/send_file\?phone=995598464533&dispatch_routing%5B%5D=whatsapp&file_name=offer\.pdf&caption=Offer$/);
  });

  it('refuses a type off the allow-list and a file over 100 MB before uploading anything', async () => {
    const api = clients.customer();
    const gif = await rejection(api.sendFile({ file: new Uint8Array([71, 73, 70]), fileName: 'cat.gif', phone: '995598464533' }));
    expect(gif).toMatchObject({ code: 'invalid_input', details: { fields: [{ path: 'file', message: 'invalid mime type' }] } });
    expect(gif.message).toContain("image/gif is not on Jetapi's list of allowed types");

    // A sparse file: 100 MB + 1 byte on paper, nothing written to disk.
    const dir = await mkdtemp(join(tmpdir(), 'chatpush-'));
    try {
      const path = join(dir, 'huge.mp4');
      const handle = await open(path, 'w');
      await handle.truncate(SEND_FILE_MAX_BYTES + 1);
      await handle.close();
      const huge = await rejection(api.sendFile({ file: await openAsBlob(path), fileName: 'huge.mp4', phone: '995598464533' }));
      expect(huge.message).toBe('Nothing was sent to Jetapi (sending a file): huge.mp4 is 100.0 MB, over the 100 MB limit. Send a link to it instead.');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(sandbox.requests.list('chatpush')).toEqual([]);
  });
});

describe('MAX authorization (§4.4)', () => {
  it('phone → code → authorized → closed, with each documented 422', async () => {
    const api = clients.customer();
    const blank = await rejection(api.maxSendPhone(''));
    expect(blank).toMatchObject({ code: 'provider_validation', details: { fields: [{ path: 'phone', message: "Phone number can't be blank" }] } });
    expect((await rejection(api.maxSendPhone('7981159774'))).details.fields).toEqual([{ path: 'phone', message: 'Phone number has invalid format' }]);
    await api.maxSendPhone('79811597745');
    const code = sandbox.controls.chatpush.maxCode(ready.customerId)!;
    expect(code).toMatch(/^\d{6}$/);
    expect((await rejection(api.maxSendCode(''))).details.fields).toEqual([{ path: 'code', message: "code can't be blank" }]);
    const wrong = code === '000000' ? '111111' : '000000';
    expect((await rejection(api.maxSendCode(wrong))).details.fields).toEqual([{ path: 'confirmation_code', message: 'confirmation code invalid' }]);
    await api.maxSendCode(code);
    await api.maxCloseSession();
    expect((await rejection(api.maxCloseSession())).details.fields).toEqual([{ path: 'max_session_closer', message: 'max_session_closer session_not_found' }]);
  });
});

describe('individual webhooks (§5.1: PATCH update)', () => {
  it('CRUD under /api/v1/webhooks with PATCH, and only the customer’s own', async () => {
    const hooks = clients.customer().webhooks;
    const created = await hooks.create({ url: 'https://mine.example.test/', types: ['tdlib_incoming_msg'] });
    const updated = await hooks.update(created.id, { url: 'https://mine.example.test/v2', types: ['whatsapp_status_msg'] });
    expect(updated).toEqual({ id: created.id, url: 'https://mine.example.test/v2', types: ['whatsapp_status_msg'] });
    expect(await hooks.list()).toEqual([updated]);
    const other = clients.customer({ customerId: sandbox.state.chatpush.instances[1]!.customerId }).webhooks;
    expect(await other.list()).toEqual([]);
    expect((await rejection(other.get(created.id))).code).toBe('provider_not_found');
    await hooks.delete(created.id);
    expect(clients.seen()).toContain(`PATCH /api/v1/webhooks/${created.id}`);
  });
});

describe('iFrame web messenger (§7.1)', () => {
  it('generates a link (both trees) whose page opens without auth; a weak password is refused with both messages', async () => {
    const corporate = await clients.customer().generateIframeLink({ password: 'Example123' });
    expect(corporate).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/developer_chat\\?customer_id=${ready.customerId}&hash=[0-9a-f]{40}$`));
    const page = await fetch(`${corporate}&phone=995591234567`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Chat with +995591234567');
    expect((await fetch(corporate.replace(/hash=\w+/, 'hash=nope'))).status).toBe(403);

    const individual = await clients.customer({ iframeApi: 'chatter' }).generateIframeLink({ authType: 1 });
    expect(individual).toContain('/chatter?customer_id=');
    expect(clients.seen()).toContain('POST /api/v1/chatter/generate_link');

    const weak = await rejection(clients.customer().generateIframeLink({ password: 'abc' }));
    expect(weak.details.fields).toEqual([
      { path: 'password', message: 'password at least one punctuation character' },
      { path: 'password', message: 'password should be at least 7 character(s)' },
    ]);
    expect((await rejection(clients.customer().generateIframeLink({}))).code).toBe('invalid_input');
  });

  it('changes the password (bare success) or refuses it', async () => {
    const api = clients.customer();
    await api.changeIframePassword('Qwerrty1234');
    const refused = await rejection(api.changeIframePassword('Qwerrtyy'));
    expect(refused.details.fields).toEqual([{ path: 'password', message: 'password at least one digit or punctuation character' }]);
  });

  it('saves notes on every conversation of the contact; a title-only note is refused', async () => {
    sandbox.controls.chatpush.receiveMessage(ready.customerId, { messenger: 'whatsapp', from: '995591234567', text: 'hi' });
    sandbox.controls.chatpush.receiveMessage(ready.customerId, { messenger: 'tdlib', from: '995591234567', text: 'hi' });
    const api = clients.customer();
    const conversations = await api.updateNotes({ phone: '995591234567', notes: [{ title: 'Text', body: '[Hello](https://google.com) _x_' }] });
    expect(conversations.map((c) => c.conversationType).sort()).toEqual(['tdlib', 'whatsapp']);
    expect(conversations[0]!.notes).toEqual([{ title: 'Text', body: '[Hello](https://google.com) _x_' }]);
    expect(conversations[0]!.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    const titleOnly = await rejection(api.updateNotes({ phone: '995591234567', notes: [{ title: 'Only a title' }] }));
    expect(titleOnly.details.fields).toEqual([{ path: 'notes', message: 'Notes must contain a maximum of 2 parts' }]);
    expect((await rejection(api.updateNotes({ notes: [] }))).code).toBe('invalid_input');
  });

  it('deletes the chats with counts, zero counts the second time', async () => {
    const api = clients.customer();
    expect(await api.deleteIframeChats()).toEqual({ customerId: ready.customerId, deletedConversations: 2, deletedMessages: 2 });
    expect(await api.deleteIframeChats()).toEqual({ customerId: ready.customerId, deletedConversations: 0, deletedMessages: 0 });
  });
});
