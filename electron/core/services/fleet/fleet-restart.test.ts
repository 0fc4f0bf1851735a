import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../../../shared/balances';
import type { FleetPage } from '../../../../shared/fleet';
import type { QuarantinedFile } from '../../../../shared/vault';
import { startSandbox, type Sandbox } from '../../sandbox';
import { startTestCore } from '../../testing/test-core';
import { drafts, finishedJob, type TestCore } from './test-support';

/**
 * Two sessions of the whole core on one data directory, against one sandbox that outlives them: what the first
 * session's refresh read is there when the second starts, and the second's first refresh is compared against it.
 */
let sandbox: Sandbox;
let first: TestCore;
let second: TestCore | null = null;
const BAD_TOKEN = 'wrong-token-000000';

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5 });
  first = await startTestCore();
  const clientToken = sandbox.state.chatpush.instances[0]!.token;
  const create = (draft: unknown) => first.call('accounts.create', { draft });
  await create(
    drafts.chatpush(sandbox, 'Jetapi main', {
      clientTokens: [
        { label: 'Master', token: sandbox.controls.chatpush.developerToken() },
        { label: 'A client', token: clientToken },
      ],
    }),
  );
  await create(drafts.greenapi(sandbox, 'Green', [...sandbox.demo.greenapi, { idInstance: '9999999999', apiTokenInstance: BAD_TOKEN, label: 'Bad token' }]));
  await create(drafts.chat2desk(sandbox, 'Chat2Desk support'));
});
afterAll(async () => {
  await second?.dispose();
  await first?.dispose();
  await sandbox?.close();
});

async function refresh(running: TestCore) {
  const { jobId } = await running.call<{ jobId: string }>('fleet.refresh', {});
  expect((await finishedJob(running, jobId)).state).toBe('finished');
}
const alerts = (running: TestCore) => running.events.filter((e) => e.name === 'balances.alerted').flatMap((e) => (e.payload as { alerts: Alert[] }).alerts);

describe('the fleet across a restart', () => {
  it('alerts for an instance that was authorized at the last refresh before the restart and is not now', async () => {
    const green = sandbox.demo.greenapi[0]!;
    if (sandbox.state.greenapi.instances.find((i) => i.idInstance === green.idInstance)!.state !== 'authorized') {
      sandbox.controls.greenapi.scanQr(green.idInstance);
    }
    await refresh(first);
    const before = (await first.call<FleetPage>('fleet.query', { filter: { search: green.idInstance } })).rows;
    expect(before.map((row) => row.whatsapp)).toEqual(['authorized']);
    await first.dispose();

    // While the console is closed, the instance is logged out (as the phone's "Linked devices → Log out" would).
    const logout = await fetch(`${sandbox.urls.greenapi.apiUrl}/waInstance${green.idInstance}/logout/${green.apiTokenInstance}`);
    expect(await logout.json()).toEqual({ isLogout: true });

    second = await startTestCore({ dataDir: first.dataDir, keychain: first.keychain });
    const kept = await second.call<FleetPage>('fleet.query', { filter: { search: green.idInstance } });
    expect(kept.rows.map((row) => row.whatsapp)).toEqual(['authorized']);
    expect(kept.asOf).not.toBeNull();
    expect((await second.call<{ quarantined: unknown[] }>('app.info')).quarantined).toEqual([]);

    await refresh(second);
    const left = alerts(second).filter((alert) => alert.kind === 'leftAuthorized');
    expect(left).toEqual([expect.objectContaining({ accountName: 'Green', count: 1, instanceIds: [green.idInstance] })]);
    const now = await second.call<FleetPage>('fleet.query', { filter: { search: green.idInstance } });
    expect(now.rows.map((row) => row.whatsapp)).toEqual(['notAuthorized']);
    expect(now.asOf).toBeNull();
  });

  it('keeps no secret in the saved fleet: no api key, client token, instance token or account token', () => {
    const text = readFileSync(join(first.dataDir, 'fleet.json'), 'utf8');
    // The file holds what the test expects it to: balances read through the tokens, and a row that failed on one.
    expect(text).toContain('"label":"A client"');
    expect(text).toContain('"instanceId":"9999999999"');
    const secrets = [
      sandbox.demo.chatpush.apiKey,
      sandbox.controls.chatpush.developerToken(),
      ...sandbox.state.chatpush.instances.map((instance) => instance.token),
      ...sandbox.state.greenapi.instances.map((instance) => instance.apiTokenInstance),
      BAD_TOKEN,
      sandbox.demo.chat2desk.apiToken,
    ];
    expect(secrets.filter((secret) => secret.length < 8)).toEqual([]);
    expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
  });

  it('reports a saved fleet it cannot read the way the store and the vault report theirs, and starts empty', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-core-'));
    writeFileSync(join(dataDir, 'fleet.json'), '{"version":1,"accounts":[{"rows":[');
    const broken = await startTestCore({ dataDir });
    try {
      const { quarantined } = await broken.call<{ quarantined: QuarantinedFile[] }>('app.info');
      expect(quarantined).toEqual([expect.objectContaining({ file: join(dataDir, 'fleet.json'), movedTo: expect.stringMatching(/fleet\.json\.corrupt-/) })]);
      expect((await broken.call<FleetPage>('fleet.query', {})).total).toBe(0);
    } finally {
      await broken.dispose();
    }
  });
});
