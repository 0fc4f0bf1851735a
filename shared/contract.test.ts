import { describe, expect, it } from 'vitest';
import { AccountDraftSchema, AccountPatchSchema, AccountViewSchema } from './accounts';
import { buildBridge, callNames, calls, eventNames, subscriberName } from './contract';
import { providerUrlProblem } from './url';

describe('contract', () => {
  it('names every call namespace.method, with input and output schemas', () => {
    expect(callNames.length).toBeGreaterThan(10);
    for (const name of callNames) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(calls[name].input.safeParse).toBeTypeOf('function');
      expect(calls[name].output.safeParse).toBeTypeOf('function');
    }
  });

  it('builds the bridge as named functions and subscriptions only', async () => {
    const invoked: [string, unknown][] = [];
    const bridge = buildBridge(
      async (name, input) => (invoked.push([name, input]), { ok: true, value: null }),
      () => () => {},
    ) as unknown as Record<string, Record<string, (...args: unknown[]) => unknown>>;
    await bridge.accounts!.list!({});
    await bridge.accounts!.remove!({ id: 'a' });
    expect(invoked).toEqual([
      ['accounts.list', {}],
      ['accounts.remove', { id: 'a' }],
    ]);
    expect(bridge.accounts!.onChanged).toBeTypeOf('function');
    expect(Object.keys(bridge).sort()).toEqual([...new Set([...callNames, ...eventNames].map((n) => n.split('.')[0]))].sort());
    expect(subscriberName('vault.changed')).toBe('onChanged');
    expect(JSON.stringify(Object.keys(bridge))).not.toMatch(/invoke|ipc|send/i);
  });

  it('rejects unknown keys in inputs', () => {
    expect(calls['accounts.remove'].input.safeParse({ id: 'x', extra: 1 }).success).toBe(false);
    expect(calls['app.info'].input.safeParse({ sneaky: true }).success).toBe(false);
  });
});

describe('account schemas', () => {
  const chatpush = {
    provider: 'chatpush',
    name: 'Main',
    brand: 'jetapi',
    hosts: {
      rest: 'https://api.jetapi.io/',
      root: 'https://jetapi.io',
      whatsappWs: 'wss://msg-farmer.jetapi.io/socket/websocket',
      telegramWs: 'wss://api.jetapi.io/socket/websocket',
    },
    apiKey: 'k'.repeat(20),
    clientTokens: [],
    wsOrigin: '',
  };

  it('accepts each provider shape and trims trailing slashes from hosts', () => {
    const parsed = AccountDraftSchema.parse(chatpush);
    expect(parsed.provider === 'chatpush' && parsed.hosts.rest).toBe('https://api.jetapi.io');
    expect(
      AccountDraftSchema.safeParse({
        provider: 'greenapi',
        name: 'G',
        instances: [{ label: '', idInstance: '1101', apiTokenInstance: 't'.repeat(50), apiUrl: 'https://api.green-api.com', mediaUrl: 'https://media.green-api.com' }],
      }).success,
    ).toBe(true);
    expect(AccountDraftSchema.safeParse({ provider: 'chat2desk', name: 'C', baseUrl: 'https://api.chat2desk.com', apiToken: 'x'.repeat(30) }).success).toBe(true);
    expect(AccountDraftSchema.safeParse({ provider: 'chatti', name: 'T', baseUrl: 'https://api.example.com', probePath: '/v1/x', apiKey: 'y'.repeat(12) }).success).toBe(true);
  });

  it('requires secrets in a draft but not in a patch', () => {
    expect(AccountDraftSchema.safeParse({ ...chatpush, apiKey: undefined }).success).toBe(false);
    expect(AccountPatchSchema.safeParse({ ...chatpush, apiKey: undefined }).success).toBe(true);
  });

  it('refuses plain http to a remote host, credentials in URLs and bad idInstance', () => {
    const bad = { ...chatpush, hosts: { ...chatpush.hosts, rest: 'http://api.jetapi.io' } };
    const result = AccountDraftSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join('.')).toBe('hosts.rest');
    expect(providerUrlProblem('https://user:pw@api.jetapi.io', 'http')).toBe('credentials_in_url');
    expect(providerUrlProblem('http://127.0.0.1:8080', 'http')).toBeNull();
    expect(providerUrlProblem('ws://[::1]:9/socket', 'ws')).toBeNull();
    expect(providerUrlProblem('ftp://x', 'http')).toBe('wrong_scheme');
    expect(
      AccountDraftSchema.safeParse({
        provider: 'greenapi',
        name: 'G',
        instances: [{ label: '', idInstance: '12345678901', apiTokenInstance: 't', apiUrl: 'https://a.b', mediaUrl: 'https://a.b' }],
      }).success,
    ).toBe(false);
  });

  it('views carry masks, never a secret field as a string', () => {
    const view = {
      ...chatpush,
      apiKey: { masked: '••••abcd' },
      id: 'a',
      createdAt: 'x',
      updatedAt: 'x',
      sandbox: false,
      capabilities: [],
      lastTest: null,
      damagedSecrets: [],
      missingSecrets: [],
    };
    expect(AccountViewSchema.safeParse(view).success).toBe(true);
    expect(AccountViewSchema.safeParse({ ...view, apiKey: 'plaintext-secret' }).success).toBe(false);
  });
});

describe('Chatti probe path', () => {
  it('is a path on the account host, never a network-path reference to another host', () => {
    const base = { provider: 'chatti', name: 'T', baseUrl: 'https://api.example.com', apiKey: 'y'.repeat(12) };
    expect(AccountDraftSchema.safeParse({ ...base, probePath: '/v1/contacts?per_page=1' }).success).toBe(true);
    expect(AccountDraftSchema.safeParse({ ...base, probePath: '//evil.example/x' }).success).toBe(false);
    expect(AccountDraftSchema.safeParse({ ...base, probePath: 'v1/x' }).success).toBe(false);
  });
});
