import { describe, expect, it } from 'vitest';
import { perTestCores } from '../../testing/per-test-cores';

const cores = perTestCores();

/** A core with one account per provider (the first demo token and instance), pointing at its own sandbox. */
const setUp = () =>
  cores.withAccounts({
    chatpush: (draft) => ({ ...draft, clientTokens: draft.clientTokens.slice(0, 1) }),
    greenapi: (draft) => ({ ...draft, instances: draft.instances.slice(0, 1) }),
    chat2desk: true,
  });

describe('webhooks against the sandbox', () => {
  it('Chategy/Jetapi: developer (PUT) and individual (PATCH) webhooks, with the types checked first', async () => {
    const { core, sandbox, chatpush } = await setUp();
    for (const scope of [{ kind: 'developer' }, { kind: 'individual', tokenId: chatpush.clientTokens[0]!.id }]) {
      const target = { accountId: chatpush.id, scope };
      const created = await core.call('webhooks.chatpushCreate', { ...target, url: 'https://hooks.example.com/a', types: ['whatsapp_log_in'] });
      const updated = await core.call('webhooks.chatpushUpdate', { ...target, webhookId: created.id, url: 'https://hooks.example.com/b', types: ['whatsapp_status_msg', 'whatsapp_log_out'] });
      expect(updated).toMatchObject({ id: created.id, url: 'https://hooks.example.com/b', types: ['whatsapp_status_msg', 'whatsapp_log_out'] });
      expect(await core.call('webhooks.chatpushList', target)).toEqual([updated]);
      await core.call('webhooks.chatpushDelete', { ...target, webhookId: created.id });
      expect(await core.call('webhooks.chatpushList', target)).toEqual([]);
    }
    const verbs = sandbox.requests.list('chatpush').filter((r) => r.path.includes('webhooks/') && ['PUT', 'PATCH'].includes(r.method));
    expect(verbs.map((r) => `${r.method} ${r.path.split('?')[0]!.replace(/\d+$/, ':id')}`)).toEqual(['PUT /developer/v1/webhooks/:id', 'PATCH /api/v1/webhooks/:id']);

    const bad = await core.callRaw('webhooks.chatpushCreate', { accountId: chatpush.id, scope: { kind: 'developer' }, url: 'https://x.example', types: ['whatsapp_log_ou'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const withCredentials = await core.callRaw('webhooks.chatpushCreate', { accountId: chatpush.id, scope: { kind: 'developer' }, url: 'https://u:p@x.example', types: ['whatsapp_log_in'] });
    expect(withCredentials).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { fields: [{ path: 'url', message: 'Remove the user name and password from the URL' }] } } });
  });

  it('Chategy: no individual webhooks (§1.2, Jetapi only): refused before any request, the developer ones still work', async () => {
    const { core, sandbox, chatpush: chategy } = await cores.withAccounts({
      chatpush: (draft) => ({ ...draft, name: 'Chategy', brand: 'chategy', clientTokens: draft.clientTokens.slice(0, 1) }),
    });
    const before = sandbox.requests.list('chatpush').length;
    for (const call of ['webhooks.chatpushList', 'webhooks.chatpushCreate'] as const) {
      const input = { accountId: chategy.id, scope: { kind: 'individual', tokenId: chategy.clientTokens[0]!.id }, url: 'https://hooks.example.com/a', types: ['whatsapp_log_in'] };
      const refused = await core.callRaw(call, call === 'webhooks.chatpushList' ? { accountId: input.accountId, scope: input.scope } : input);
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { fields: [{ path: 'scope', code: 'individual_webhooks_jetapi_only' }] } } });
    }
    expect(sandbox.requests.list('chatpush').slice(before).filter((r) => r.path.startsWith('/api/v1/webhooks'))).toEqual([]);
    expect(await core.call('webhooks.chatpushList', { accountId: chategy.id, scope: { kind: 'developer' } })).toEqual(expect.any(Array));
  });

  it('GREEN-API: reads the settings with the token masked, and writes only what changed', async () => {
    const { core, greenapi } = await setUp();
    const target = { accountId: greenapi.id, instanceId: greenapi.instances[0]!.id };
    const saved = await core.call('webhooks.greenapiSave', {
      ...target,
      webhookUrl: 'https://hooks.example.com/green',
      authorization: { kind: 'basic', user: 'hook', password: 's3cret-pw' },
      switches: { incomingWebhook: 'yes', incomingCallWebhook: 'yes' },
    });
    expect(saved.changed).toEqual(expect.arrayContaining(['webhookUrl', 'webhookUrlToken']));
    const read = await core.call('webhooks.greenapiGet', target);
    expect(read).toMatchObject({ webhookUrl: 'https://hooks.example.com/green', authorization: { set: true, scheme: 'Basic' }, switches: { incomingWebhook: 'yes', incomingCallWebhook: 'yes' } });
    const basic = Buffer.from('hook:s3cret-pw').toString('base64');
    expect(JSON.stringify([saved, read, core.events])).not.toContain(basic);
    expect(read.authorization.masked).toBe(`••••${basic.slice(-4)}`);

    const again = await core.call('webhooks.greenapiSave', { ...target, webhookUrl: 'https://hooks.example.com/green', authorization: { kind: 'keep' }, switches: { incomingWebhook: 'yes' } });
    expect(again.changed).toEqual([]);
    const polling = await core.call('webhooks.greenapiSave', { ...target, webhookUrl: '', authorization: { kind: 'clear' }, switches: {} });
    expect(polling.changed.sort()).toEqual(['webhookUrl', 'webhookUrlToken']);
    expect(polling.settings).toMatchObject({ webhookUrl: '', authorization: { set: false, scheme: 'none' } });
  });

  it('Chat2Desk: create, edit, disable, enable and delete, with the free allowance counted', async () => {
    const { core, chat2desk } = await setUp();
    const accountId = chat2desk.id;
    const before = await core.call('webhooks.chatDeskList', { accountId });
    const created = await core.call('webhooks.chatDeskCreate', { accountId, name: 'CRM', url: 'https://crm.example.com/hook', events: ['inbox', 'outbox_status'], channels: [] });
    expect(created).toMatchObject({ name: 'CRM', enabled: true, channels: null });
    const after = await core.call('webhooks.chatDeskList', { accountId });
    expect(after.freeSlotsLeft).toBe(before.freeSlotsLeft - 1);
    const edited = await core.call('webhooks.chatDeskUpdate', { accountId, webhookId: created.id, name: 'CRM 2', url: 'https://crm.example.com/hook2', events: ['inbox'], channels: [] });
    expect(edited).toMatchObject({ name: 'CRM 2', events: ['inbox'] });
    expect(await core.call('webhooks.chatDeskSetEnabled', { accountId, webhookId: created.id, enabled: false })).toMatchObject({ enabled: false });
    expect(await core.call('webhooks.chatDeskSetEnabled', { accountId, webhookId: created.id, enabled: true })).toMatchObject({ enabled: true });
    await core.call('webhooks.chatDeskDelete', { accountId, webhookId: created.id });
    expect((await core.call('webhooks.chatDeskList', { accountId })).webhooks.some((hook: { id: number }) => hook.id === created.id)).toBe(false);

    const unknownEvent = await core.callRaw('webhooks.chatDeskCreate', { accountId, name: 'x', url: 'https://x.example', events: ['inboxx'], channels: [] });
    expect(unknownEvent).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('lists what each subscription brings, from the provider folders', async () => {
    const { core } = await setUp();
    const catalogue = await core.call('webhooks.catalogue');
    expect(catalogue.chatpush.types.find((t: { type: string }) => t.type === 'whatsapp_status_msg')).toEqual({ type: 'whatsapp_status_msg', payloadTypes: ['message_status'] });
    expect(catalogue.chat2desk.events).toHaveLength(25);
    expect(catalogue.chat2desk.freeLimit).toBe(5);
  });
});
