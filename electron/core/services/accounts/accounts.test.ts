import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore } from '../../testing/test-core';

const CANARY = 'CANARY-chatpush-key-7f3e9a1b2c';
const CANARY_TOKEN = 'CANARY-client-token-55aa11';
const CANARY_IDEM = 'CANARY-idem-key-998877';

let running: Awaited<ReturnType<typeof startTestCore>> | null = null;
afterEach(async () => {
  await running?.dispose();
  running = null;
});

/** Everything the core wrote to disk, as text: the plain store, the vault file and the logs. */
function filesText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

async function withChatpushAccount() {
  running = await startTestCore();
  const { urls, demo } = await running.core.sandboxReady();
  const draft = {
    provider: 'chatpush',
    name: 'Jetapi main',
    brand: 'custom',
    hosts: urls.chatpush,
    apiKey: demo.chatpush.apiKey,
    clientTokens: [{ label: 'support line', token: demo.chatpush.clientTokens[0]!.token }],
    wsOrigin: 'https://crm.example.com',
    idempotencyKey: CANARY_IDEM,
  };
  const view = await running.call('accounts.create', { draft });
  return { core: running, view, draft, demo, urls };
}

describe('accounts service', () => {
  it('keeps secrets out of the store, the logs and every response, and shows masks', async () => {
    running = await startTestCore();
    const { urls } = await running.core.sandboxReady();
    const draft = {
      provider: 'chatpush',
      name: 'Canary',
      brand: 'custom',
      hosts: urls.chatpush,
      apiKey: CANARY,
      clientTokens: [{ label: 'a', token: CANARY_TOKEN }],
      wsOrigin: '',
      idempotencyKey: CANARY_IDEM,
    };
    const created = await running.callRaw('accounts.create', { draft });
    const listed = await running.callRaw('accounts.list');
    const tested = await running.callRaw('accounts.test', { id: (created as any).value.id });
    const responses = JSON.stringify([created, listed, tested, running.events]);
    for (const secret of [CANARY, CANARY_TOKEN, CANARY_IDEM]) {
      expect(responses).not.toContain(secret);
      expect(filesText(running.dataDir)).not.toContain(secret);
    }
    expect((created as any).value.apiKey).toEqual({ masked: `••••${CANARY.slice(-4)}` });
    expect((tested as any).value.ok).toBe(false);
    expect((tested as any).value.checks[0].error.code).toBe('auth_failed');
  });

  it('keeps a secret left blank on edit, replaces one given, clears an optional one with null', async () => {
    const { core, view, draft } = await withChatpushAccount();
    const patch = { ...draft, name: 'Renamed', apiKey: undefined, idempotencyKey: null, clientTokens: [{ id: view.clientTokens[0].id, label: 'renamed' }] };
    const updated = await core.call('accounts.update', { id: view.id, patch });
    expect(updated.name).toBe('Renamed');
    expect(updated.apiKey).toEqual(view.apiKey);
    expect(updated.clientTokens[0]).toEqual({ id: view.clientTokens[0].id, label: 'renamed', token: view.clientTokens[0].token });
    expect(updated.idempotencyKey).toBeUndefined();
    const resolved = await core.core.accounts.resolve(view.id);
    expect(resolved.provider === 'chatpush' && resolved.apiKey).toBe(draft.apiKey);
    expect(resolved.provider === 'chatpush' && resolved.clientTokens[0]?.token).toBe(draft.clientTokens[0]!.token);
  });

  it('drops the secret of a removed list entry and demands one for a new entry', async () => {
    const { core, view, draft } = await withChatpushAccount();
    const before = core.core.vault.ids().length;
    await core.call('accounts.update', { id: view.id, patch: { ...draft, apiKey: undefined, clientTokens: [] } });
    expect(core.core.vault.ids().length).toBe(before - 1);
    const result = await core.callRaw('accounts.update', {
      id: view.id,
      patch: { ...draft, apiKey: undefined, clientTokens: [{ label: 'new, no token' }] },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { fields: [{ path: 'patch.clientTokens.0.token' }] } } });
  });

  it('refuses to change the provider of an account and to edit one that is gone', async () => {
    const { core, view } = await withChatpushAccount();
    const asChat2desk = { provider: 'chat2desk', name: 'x', baseUrl: 'https://api.chat2desk.com', apiToken: 'y'.repeat(20) };
    expect(await core.callRaw('accounts.update', { id: view.id, patch: asChat2desk })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await core.callRaw('accounts.remove', { id: 'missing' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('removes an account with all its secrets', async () => {
    const { core, view } = await withChatpushAccount();
    await core.call('accounts.remove', { id: view.id });
    expect(await core.call('accounts.list')).toEqual([]);
    expect(core.core.vault.ids()).toEqual([]);
    expect(core.events.filter((e) => e.name === 'accounts.changed')).toHaveLength(2);
  });

  it('tests a saved account and remembers the result', async () => {
    const { core, view } = await withChatpushAccount();
    const result = await core.call('accounts.test', { id: view.id });
    expect(result.ok).toBe(true);
    expect(result.checks.map((c: any) => c.kind)).toEqual(['developerKey', 'clientToken']);
    const [listed] = await core.call('accounts.list');
    expect(listed.lastTest).toEqual(result);
  });

  it('tests a draft, taking blank secrets from the account being edited, without saving', async () => {
    const { core, view, draft } = await withChatpushAccount();
    const blank = { ...draft, apiKey: undefined, clientTokens: [] };
    expect((await core.call('accounts.testDraft', { patch: blank, existingId: view.id })).ok).toBe(true);
    const wrong = await core.call('accounts.testDraft', { patch: { ...blank, apiKey: 'wrong-key-000000' }, existingId: view.id });
    expect(wrong.checks[0].error.code).toBe('auth_failed');
    const [stored] = await core.call('accounts.list');
    expect(stored.apiKey).toEqual(view.apiKey);
  });

  it('lists an account whose stored secret was damaged, naming the field, instead of failing the whole list', async () => {
    const { core, view } = await withChatpushAccount();
    const { dataDir, keychain } = core;
    await core.dispose();
    const vaultFile = join(dataDir, 'vault.json');
    const doc = JSON.parse(readFileSync(vaultFile, 'utf8'));
    const apiKeyEntry = Object.keys(doc.entries).find((id) => id.endsWith(':apiKey'))!;
    const data = Buffer.from(doc.entries[apiKeyEntry].data, 'base64');
    data[0]! ^= 0xff;
    doc.entries[apiKeyEntry].data = data.toString('base64');
    writeFileSync(vaultFile, JSON.stringify(doc));
    running = await startTestCore({ dataDir, keychain });
    const [listed] = await running.call('accounts.list');
    expect(listed.id).toBe(view.id);
    expect(listed.damagedSecrets).toEqual(['apiKey']);
    expect(listed.clientTokens[0].token).toEqual(view.clientTokens[0].token);
  });

  it('lists an account whose required secrets the vault does not hold (a vault started afresh), and a key entered again makes it whole', async () => {
    const { core, view, draft } = await withChatpushAccount();
    const { dataDir, keychain } = core;
    await core.dispose();
    const vaultFile = join(dataDir, 'vault.json');
    const doc = JSON.parse(readFileSync(vaultFile, 'utf8'));
    for (const id of Object.keys(doc.entries)) if (id.endsWith(':apiKey')) delete doc.entries[id];
    writeFileSync(vaultFile, JSON.stringify(doc));
    running = await startTestCore({ dataDir, keychain });
    const [listed] = await running.call('accounts.list');
    expect(listed).toMatchObject({ id: view.id, damagedSecrets: [], missingSecrets: ['apiKey'] });
    // Saving without the key is refused with the field named; with it, the account is whole again.
    const keepingSecrets = { ...draft, apiKey: undefined, clientTokens: listed.clientTokens.map(({ id, label }: { id: string; label: string }) => ({ id, label })) };
    await expect(running.call('accounts.update', { id: view.id, patch: keepingSecrets })).rejects.toMatchObject({
      shape: { code: 'invalid_input', details: { fields: [{ path: 'patch.apiKey' }] } },
    });
    await running.call('accounts.update', { id: view.id, patch: { ...keepingSecrets, apiKey: 'a-new-developer-key-1234' } });
    const [whole] = await running.call('accounts.list');
    expect(whole).toMatchObject({ missingSecrets: [], apiKey: { masked: '••••1234' } });
  });
});

describe('demo workspace', () => {
  it('is offered on an empty workspace, creates one sandbox account per provider, and every one tests green', async () => {
    running = await startTestCore();
    expect(await running.call('demo.status')).toEqual({ offered: true, active: false });
    const created = await running.call('demo.create');
    expect(created.map((a: any) => a.provider)).toEqual(['chatpush', 'greenapi', 'chat2desk', 'chatti']);
    expect(created.every((a: any) => a.sandbox)).toBe(true);
    expect(await running.call('demo.status')).toEqual({ offered: false, active: true });
    for (const account of created) {
      const result = await running.call('accounts.test', { id: account.id });
      expect({ provider: account.provider, ok: result.ok }).toEqual({ provider: account.provider, ok: true });
    }
  });

  it('is not offered again once dismissed', async () => {
    running = await startTestCore();
    await running.call('demo.dismiss');
    expect(await running.call('demo.status')).toEqual({ offered: false, active: false });
  });
});

describe('audit log', () => {
  it('records every change with who, what, target and result, and never a secret', async () => {
    const { core, view, draft } = await withChatpushAccount();
    await core.call('accounts.update', { id: view.id, patch: { ...draft, name: 'Renamed', apiKey: 'CANARY-new-key-123456789' } });
    await core.callRaw('accounts.remove', { id: 'missing-account' });
    await core.call('accounts.list');
    const { entries, total } = await core.call('audit.list', {});
    expect(total).toBe(3);
    expect(entries.map((e: any) => [e.call, e.target, e.result])).toEqual([
      ['accounts.remove', 'missing-account', 'not_found'],
      ['accounts.update', view.id, 'ok'],
      ['accounts.create', view.id, 'ok'],
    ]);
    expect(entries[1].targetName).toBe('Renamed');
    expect(entries[0].actor).toBeTruthy();
    const { csv } = await core.call('audit.exportCsv');
    expect(csv.split('\r\n')[0]).toBe('time,who,what,target,target name,result,message');
    expect(csv).toContain('accounts.update');
    const written = readFileSync(join(core.dataDir, 'audit.log'), 'utf8') + csv;
    for (const secret of ['CANARY-new-key-123456789', draft.apiKey, draft.clientTokens[0]!.token]) expect(written).not.toContain(secret);
  });
});
