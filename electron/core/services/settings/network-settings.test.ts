import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuthEvent, AuthInstanceList, AuthSession } from '../../../../shared/auth';
import type { NetworkSettingsView, NetworkTestResult } from '../../../../shared/network-settings';
import { closeProxyDispatchers } from '../../providers/http';
import { startTestProxy, type TestProxy } from '../../providers/http/test-proxy';
import { startTestCore } from '../../testing/test-core';
import { PROXY_PASSWORD_ID } from './network-settings-service';

/**
 * The Network setting end to end inside one core: the calls as the window makes them, the vault and the plain
 * store, and the demo workspace's accounts reached through a real proxy on loopback. The sandbox is on loopback,
 * so the setting lists `<-loopback>` to send it through the proxy (what the browser test does too).
 */
const PASSWORD = 'Proxy-Secret-4e1d9c';

let proxy: TestProxy;
let running: Awaited<ReturnType<typeof startTestCore>> | null = null;
beforeAll(async () => {
  proxy = await startTestProxy({ requireAuth: `ops:${PASSWORD}` });
});
afterEach(async () => {
  await running?.dispose();
  running = null;
  proxy.reset();
});
afterAll(async () => {
  await closeProxyDispatchers();
  await proxy.close();
});

async function demoCore() {
  running = await startTestCore();
  await running.core.sandboxReady();
  const views = await running.call<{ id: string; provider: string }[]>('demo.create');
  return { core: running, accountId: (provider: string) => views.find((view) => view.provider === provider)!.id };
}

const manual = (extra: Record<string, unknown> = {}) => ({ mode: 'manual', url: proxy.url(), username: 'ops', password: PASSWORD, bypass: '<-loopback>', ...extra });

/** Everything the core wrote to disk, as text: the plain store, the vault file and the logs. */
function filesText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

describe('network settings', () => {
  it('stores the password in the vault only, returns it masked, keeps it when left out and clears it on null', async () => {
    running = await startTestCore();
    const initial = await running.call<NetworkSettingsView>('network.get');
    expect(initial).toMatchObject({ mode: 'environment', url: '', username: '', bypass: '', password: null });

    const saved = await running.callRaw('network.update', manual({ url: '127.0.0.1:3128', bypass: 'corp.local  10.0.0.0/8,<-loopback>' }));
    expect(saved).toMatchObject({ ok: true, value: { mode: 'manual', url: 'http://127.0.0.1:3128', username: 'ops', bypass: 'corp.local, 10.0.0.0/8, <-loopback>', password: { masked: '••••1d9c' } } });
    expect(running.core.vault.get(PROXY_PASSWORD_ID)).toBe(PASSWORD);
    const kept = await running.call<NetworkSettingsView>('network.update', { mode: 'manual', url: proxy.url(), username: 'ops', bypass: '' });
    expect(kept.password).toEqual({ masked: '••••1d9c' });
    expect(running.core.vault.get(PROXY_PASSWORD_ID)).toBe(PASSWORD);
    expect(JSON.stringify([saved, kept, await running.callRaw('network.get'), running.events])).not.toContain(PASSWORD);
    expect(readFileSync(running.store.path, 'utf8')).not.toContain(PASSWORD);
    expect(filesText(running.dataDir)).not.toContain(PASSWORD);

    expect((await running.call<NetworkSettingsView>('network.update', { mode: 'manual', url: proxy.url(), username: 'ops', bypass: '', password: null })).password).toBeNull();
    await running.call('network.update', manual());
    // No user name, no password: Basic authentication has none without a user.
    expect((await running.call<NetworkSettingsView>('network.update', { mode: 'direct', url: proxy.url(), username: '', bypass: '' })).password).toBeNull();
    expect(running.core.vault.get(PROXY_PASSWORD_ID)).toBeUndefined();
  });

  it('refuses what it cannot use, naming each field by its problem code', async () => {
    running = await startTestCore();
    const refused = await running.callRaw('network.update', {
      mode: 'manual',
      url: 'socks5://proxy.corp:1080/path',
      username: 'domain:user',
      bypass: 'corp.local, not a host!',
      password: PASSWORD,
    });
    expect(refused.ok).toBe(false);
    const fields = !refused.ok ? refused.error.details?.fields : [];
    expect(fields?.map((field) => [field.path, field.code])).toEqual([
      ['url', 'proxy_url'],
      ['username', 'proxy_user_colon'],
      ['bypass', 'proxy_bypass_entry'],
    ]);
    const missing = await running.callRaw('network.update', { mode: 'manual', url: '', username: '', bypass: '', password: PASSWORD });
    expect(!missing.ok && missing.error.details?.fields?.map((field) => [field.path, field.code])).toEqual([
      ['url', 'required'],
      ['password', 'proxy_password_needs_user'],
    ]);
    const withCredentials = await running.callRaw('network.update', { mode: 'manual', url: `http://ops:${PASSWORD}@proxy.corp:3128`, username: '', bypass: '' });
    expect(!withCredentials.ok && withCredentials.error.details?.fields?.[0]?.code).toBe('url_credentials');
    expect(JSON.stringify([refused, missing, withCredentials])).not.toContain(PASSWORD);
  });

  it('"Test through proxy": the account\'s connection test goes through the saved proxy, and a changed setting applies to the next test', async () => {
    const { core, accountId } = await demoCore();
    await core.call('network.update', manual());
    const through = await core.call<NetworkTestResult>('network.test', { accountId: accountId('chat2desk') });
    expect(through).toMatchObject({ proxy: proxy.display, result: { ok: true, provider: 'chat2desk' } });
    expect(proxy.seen.length).toBeGreaterThan(0);
    expect(proxy.seen.every((entry) => entry.auth === `ops:${PASSWORD}`)).toBe(true);

    const seen = proxy.seen.length;
    await core.call('network.update', { mode: 'direct', url: proxy.url(), username: 'ops', bypass: '<-loopback>' });
    const direct = await core.call<NetworkTestResult>('network.test', { accountId: accountId('chat2desk') });
    expect(direct).toMatchObject({ proxy: null, result: { ok: true } });
    expect(proxy.seen).toHaveLength(seen);
  });

  it('a wrong proxy password fails each check with proxy_auth_required, and the password reaches no response, file or log', async () => {
    const { core, accountId } = await demoCore();
    await core.call('network.update', manual({ password: 'Wrong-Proxy-Pass-31337' }));
    const { result } = await core.call<NetworkTestResult>('network.test', { accountId: accountId('greenapi') });
    expect(result.ok).toBe(false);
    expect(result.checks.map((check) => check.error?.code)).toEqual(result.checks.map(() => 'proxy_auth_required'));
    expect(result.checks[0]!.error!.message).toContain(`The proxy at ${proxy.display} asked for a user name and password`);
    expect(JSON.stringify([result, core.events])).not.toContain('Wrong-Proxy-Pass-31337');
    expect(filesText(core.dataDir)).not.toContain('Wrong-Proxy-Pass-31337');
  });

  it('a GREEN-API QR session opened from the console tunnels its websocket through the proxy', async () => {
    const { core, accountId } = await demoCore();
    await core.call('network.update', manual());
    const sandbox = await core.core.sandboxReady();
    // The demo's second GREEN-API instance waits for a scan.
    const list = await core.call<AuthInstanceList>('auth.instances', { accountId: accountId('greenapi') });
    const target = list.instances[1]!.target;
    const session = await core.call<AuthSession>('auth.start', { ...target, method: 'qr' });
    const qrShown = () =>
      core.events.some((event) => event.name === 'auth.event' && (event.payload as AuthEvent).sessionId === session.sessionId && (event.payload as AuthEvent).type === 'qr');
    for (let tries = 0; tries < 500 && !qrShown(); tries++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(qrShown()).toBe(true);
    expect(proxy.tunnels).toBeGreaterThan(0);
    expect(proxy.seen.some((entry) => entry.method === 'CONNECT' && entry.target === `127.0.0.1:${new URL(sandbox.urls.greenapi.apiUrl).port}`)).toBe(true);
    await core.call('auth.stop', { sessionId: session.sessionId });
  });
});
