import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore } from '../../testing/test-core';

let running: Awaited<ReturnType<typeof startTestCore>> | null = null;
afterEach(async () => {
  await running?.dispose();
  running = null;
});

async function demo() {
  running = await startTestCore();
  const accounts = await running.call('demo.create');
  const chatti = accounts.find((a: any) => a.provider === 'chatti');
  const sandbox = await running.core.sandboxReady();
  return { core: running, chatti, other: accounts.find((a: any) => a.provider === 'chat2desk'), key: sandbox.demo.chatti.apiKey };
}

describe('request workbench', () => {
  it('sends the request with the key injected in main, and the answer never carries the key', async () => {
    const { core, chatti, key } = await demo();
    const response = await core.call('workbench.send', { accountId: chatti.id, request: { method: 'GET', path: '/v1/contacts', query: { per_page: 2 } } });
    expect(response.status).toBe(200);
    expect(response.body.kind).toBe('json');
    expect(response.body.value.data).toHaveLength(2);
    expect(JSON.stringify(response)).not.toContain(key);
    const audit = readFileSync(join(core.dataDir, 'audit.log'), 'utf8');
    expect(audit).toContain('workbench.send');
    expect(audit).not.toContain(key);
  });

  it('refuses a path that names another host or carries a credential, before sending anything', async () => {
    const { core, chatti } = await demo();
    for (const path of ['//evil.example/x', 'https://evil.example/x', '/v1/x?api_key=abc']) {
      const result = await core.callRaw('workbench.send', { accountId: chatti.id, request: { method: 'GET', path } });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('is only for Chatti accounts', async () => {
    const { core, other } = await demo();
    const result = await core.callRaw('workbench.send', { accountId: other.id, request: { method: 'GET', path: '/v1/companies/api_info' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
