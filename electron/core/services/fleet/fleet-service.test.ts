import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkResults, FleetPage } from '../../../../shared/fleet';
import type { Sandbox } from '../../sandbox';
import { startTestCore } from '../../testing/test-core';
import { drafts, finishedJob, type TestCore } from './test-support';

/**
 * The fleet service through the contract, against the real sandbox: three providers, a few hundred seeded
 * instances, one account with a wrong key and one GREEN-API instance with a wrong token.
 */
let running: TestCore;
let sandbox: Sandbox;
const ids: Record<string, string> = {};

beforeAll(async () => {
  running = await startTestCore();
  sandbox = await running.core.sandboxReady();
  sandbox.controls.chatpush.seedInstances(240, { externalIdPrefix: 'fleet-' });
  const seeded = sandbox.controls.greenapi.seedInstances(20, { state: 'authorized' });
  const create = async (key: string, draft: unknown) => (ids[key] = (await running.call<{ id: string }>('accounts.create', { draft })).id);
  await create('jetapi', drafts.chatpush(sandbox, 'Jetapi main', { clientTokens: [{ label: 'Master', token: sandbox.controls.chatpush.developerToken() }] }));
  await create('broken', drafts.chatpush(sandbox, 'Jetapi wrong key', { apiKey: 'not-the-key-0000' }));
  await create(
    'green',
    drafts.greenapi(sandbox, 'Green fleet', [
      ...sandbox.demo.greenapi,
      ...seeded,
      { idInstance: '9999999999', apiTokenInstance: 'wrong-token-000000', label: 'Bad token' },
    ]),
  );
  await create('c2d', drafts.chat2desk(sandbox, 'Chat2Desk support'));
});
afterAll(async () => {
  await running?.dispose();
});

const query = (input: Record<string, unknown> = {}) => running.call<FleetPage>('fleet.query', input);
async function refresh() {
  const { jobId } = await running.call<{ jobId: string }>('fleet.refresh', {});
  return finishedJob(running, jobId);
}

describe('fleet refresh', () => {
  it('reads every account into one table and lists failures per account instead of failing', async () => {
    const job = await refresh();
    expect(job.state).toBe('finished');
    expect(job.done).toBe(job.total);

    const page = await query({ limit: 50 });
    const chatpushCount = sandbox.state.chatpush.instances.length;
    const greenCount = sandbox.demo.greenapi.length + 21;
    expect(page.total).toBe(chatpushCount + greenCount + sandbox.state.chat2desk.channels.length);
    expect(page.rows).toHaveLength(50);

    const byName = Object.fromEntries(page.accounts.map((account) => [account.accountName, account]));
    expect(byName['Jetapi main']).toMatchObject({ state: 'ok', instances: chatpushCount });
    expect(byName['Jetapi wrong key']).toMatchObject({ state: 'failed', instances: 0, error: { code: 'auth_failed' } });
    expect(byName['Green fleet']).toMatchObject({ state: 'partial', failedRows: 1, instances: greenCount });
    expect(byName['Chat2Desk support']).toMatchObject({ state: 'ok', instances: sandbox.state.chat2desk.channels.length });
  });

  it('maps each provider onto the one row shape', async () => {
    const record = sandbox.state.chatpush.instances[0]!;
    const [row] = (await query({ filter: { search: String(record.id), providers: ['chatpush'] } })).rows;
    expect(row).toMatchObject({
      provider: 'chatpush',
      accountName: 'Jetapi main',
      instanceId: String(record.id),
      whatsapp: record.whatsappSession === 1 ? 'authorized' : 'notAuthorized',
      queueSize: record.whatsappQueueSize,
      queueLimit: record.whatsappQueueLimit,
      subscription: record.subscriptionStatus,
      paidUntil: record.subscriptionPaidUntil,
      autoRenew: record.renewSubscription,
      cost: record.subscriptionCost,
    });

    const green = (await query({ filter: { providers: ['greenapi'], whatsapp: ['authorized'] } })).rows[0]!;
    expect(green).toMatchObject({ provider: 'greenapi', subscription: 'active', queueSize: expect.any(Number), telegram: null });
    expect(green.phone).toMatch(/^\d+$/);

    const bad = (await query({ filter: { problemsOnly: true } })).rows;
    expect(bad.map((r) => r.label)).toEqual(['Bad token']);
    expect(bad[0]!.error?.code).toBe('forbidden');
  });

  it('filters really filter, counts count, and search combines words', async () => {
    const page = await query({ filter: { providers: ['chatpush'], whatsapp: ['authorized'] }, limit: 500 });
    expect(page.rows.every((row) => row.provider === 'chatpush' && row.whatsapp === 'authorized')).toBe(true);
    const expected = sandbox.state.chatpush.instances.filter((instance) => instance.whatsappSession === 1).length;
    expect(page.total).toBe(expected);

    const all = await query({});
    expect(all.counts.total).toBe(all.total);
    expect(Object.values(all.counts.whatsapp).reduce((a, b) => a + b, 0)).toBe(all.total);
    expect(all.counts.whatsapp.none).toBe(sandbox.state.chat2desk.channels.length + 1); // the bad token

    const searched = await query({ filter: { search: 'FLEET-12 main' } });
    expect(searched.rows.map((row) => row.externalId).sort()).toEqual(
      ['fleet-12', ...Array.from({ length: 10 }, (_, i) => `fleet-12${i}`)].sort(),
    );

    const renewOff = await query({ filter: { autoRenew: 'off', expiringWithinDays: 7 }, limit: 500 });
    expect(renewOff.rows.every((row) => row.autoRenew === false && row.daysLeft !== null && row.daysLeft <= 7)).toBe(true);
  });

  it('sorts in both directions with empty values last, and pages stay stable', async () => {
    const asc = await query({ sort: { column: 'daysLeft', direction: 'asc' }, limit: 500 });
    const days = asc.rows.map((row) => row.daysLeft);
    const known = days.filter((d): d is number => d !== null);
    expect(known).toEqual([...known].sort((a, b) => a - b));
    expect(days.indexOf(null) === -1 || days.slice(days.indexOf(null)).every((d) => d === null)).toBe(true);

    const desc = await query({ filter: { providers: ['chatpush'] }, sort: { column: 'cost', direction: 'desc' }, limit: 500 });
    const costs = desc.rows.map((row) => Number(row.cost));
    expect(costs).toEqual([...costs].sort((a, b) => b - a));

    const first = await query({ sort: { column: 'instanceId', direction: 'asc' }, offset: 0, limit: 100 });
    const second = await query({ sort: { column: 'instanceId', direction: 'asc' }, offset: 100, limit: 100 });
    const keys = [...first.rows, ...second.rows].map((row) => row.key);
    expect(new Set(keys).size).toBe(200);
  });

  it('can be cancelled: the job ends as cancelled and what was read before stays', async () => {
    const before = (await query({})).total;
    sandbox.faults.inject('greenapi', { kind: 'latency', ms: 400 });
    try {
      const { jobId } = await running.call<{ jobId: string }>('fleet.refresh', {});
      // A second click while it runs gets the same job, not a second refresh.
      expect((await running.call<{ jobId: string }>('fleet.refresh', {})).jobId).toBe(jobId);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await running.call('jobs.cancel', { jobId });
      const job = await finishedJob(running, jobId, 5_000);
      expect(job.state).toBe('cancelled');
    } finally {
      sandbox.faults.clear('greenapi');
    }
    const after = await query({});
    expect(after.total).toBe(before);
    expect(after.accounts.find((a) => a.accountName === 'Green fleet')).toMatchObject({ state: 'partial', instances: sandbox.demo.greenapi.length + 21 });
  });

  it('drops the rows of an account that was removed', async () => {
    await running.call('accounts.remove', { id: ids.broken });
    const page = await query({});
    expect(page.accounts.map((account) => account.accountName)).not.toContain('Jetapi wrong key');
  });
});

describe('bulk actions', () => {
  async function bulk(action: string, keys: string[]) {
    const { jobId } = await running.call<{ jobId: string }>('fleet.bulk', { action, keys });
    const job = await finishedJob(running, jobId);
    const results = await running.call<BulkResults>('fleet.bulkResults', { jobId, from: 0 });
    return { job, results };
  }

  it('renews many with one failure among successes, reports each row, and patches the table', async () => {
    const rows = (await query({ filter: { providers: ['chatpush'], search: 'fleet-2' }, limit: 5 })).rows;
    expect(rows).toHaveLength(5);
    const broke = sandbox.state.chatpush.instances.find((instance) => String(instance.id) === rows[2]!.instanceId)!;
    sandbox.controls.chatpush.setBalance('developer', '100000.00');
    sandbox.controls.chatpush.setSubscription(broke.customerId, { cost: '999999.00' });

    const { job, results } = await bulk('renew', rows.map((row) => row.key));
    expect(job).toMatchObject({ state: 'finished', total: 5, done: 5, failed: 1 });
    expect(results.items).toHaveLength(5);
    const failed = results.items.filter((item) => item.outcome === 'failed');
    expect(failed.map((item) => item.instanceId)).toEqual([String(broke.id)]);
    expect(failed[0]!.error).toMatchObject({ code: 'provider_validation' });
    expect(failed[0]!.error!.message).toMatch(/not enough money/i);

    for (const item of results.items.filter((i) => i.outcome === 'ok')) {
      const record = sandbox.state.chatpush.instances.find((instance) => String(instance.id) === item.instanceId)!;
      expect(item.paidUntil).toBe(record.subscriptionPaidUntil);
      const [row] = (await query({ filter: { search: item.instanceId, providers: ['chatpush'] } })).rows.filter((r) => r.key === item.key);
      expect(row!.paidUntil).toBe(record.subscriptionPaidUntil);
    }
    const audit = await running.call<{ entries: { call: string; target: string; result: string }[] }>('audit.list', {});
    expect(audit.entries.filter((entry) => entry.call === 'fleet.renew')).toHaveLength(5);
  });

  it('skips rows whose provider has no such action and toggles auto-renew', async () => {
    const chatpushRow = (await query({ filter: { providers: ['chatpush'], autoRenew: 'off' }, limit: 1 })).rows[0]!;
    const channel = (await query({ filter: { providers: ['chat2desk'] }, limit: 1 })).rows[0]!;
    const { results } = await bulk('autoRenewOn', [chatpushRow.key, channel.key]);
    expect(Object.fromEntries(results.items.map((item) => [item.key, item.outcome]))).toEqual({ [chatpushRow.key]: 'ok', [channel.key]: 'skipped' });
    const record = sandbox.state.chatpush.instances.find((instance) => String(instance.id) === chatpushRow.instanceId)!;
    expect(record.renewSubscription).toBe(true);
  });

  it('logs GREEN-API instances out', async () => {
    const row = (await query({ filter: { providers: ['greenapi'], whatsapp: ['authorized'] }, limit: 1 })).rows[0]!;
    const { results } = await bulk('logout', [row.key]);
    expect(results.items[0]).toMatchObject({ outcome: 'ok' });
    expect(sandbox.state.greenapi.instances.find((instance) => instance.idInstance === row.instanceId)!.state).toBe('notAuthorized');
    expect((await query({ filter: { search: row.instanceId, providers: ['greenapi'] } })).rows[0]!.whatsapp).toBe('notAuthorized');
  });
});

describe('bulk cancel', () => {
  it('marks the rows not yet started as not started', async () => {
    const rows = (await query({ filter: { providers: ['chatpush'] }, limit: 40 })).rows;
    sandbox.faults.inject('chatpush', { kind: 'latency', ms: 300 });
    try {
      const { jobId } = await running.call<{ jobId: string }>('fleet.bulk', { action: 'autoRenewOn', keys: rows.map((row) => row.key) });
      await new Promise((resolve) => setTimeout(resolve, 100));
      await running.call('jobs.cancel', { jobId });
      expect((await finishedJob(running, jobId, 5_000)).state).toBe('cancelled');
      const results = await running.call<BulkResults>('fleet.bulkResults', { jobId, from: 0 });
      expect(results.finished).toBe(true);
      expect(results.items).toHaveLength(40);
      expect(results.items.filter((item) => item.outcome === 'cancelled').length).toBeGreaterThan(30);
    } finally {
      sandbox.faults.clear('chatpush');
    }
  });
});

describe('export and layout', () => {
  it('exports the current view as CSV with the given headers and words', async () => {
    const filter = { providers: ['chatpush'], search: 'fleet-1' };
    const { csv, rows } = await running.call<{ csv: string; rows: number }>('fleet.exportCsv', {
      filter,
      sort: { column: 'instanceId', direction: 'asc' },
      columns: [
        { column: 'instanceId', header: 'Instance' },
        { column: 'whatsapp', header: 'WhatsApp' },
        { column: 'cost', header: 'Cost' },
      ],
      labels: { 'whatsapp.authorized': 'Authorized', 'whatsapp.notAuthorized': 'Not authorized' },
    });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Instance,WhatsApp,Cost');
    expect(lines).toHaveLength(rows + 1);
    expect(rows).toBe((await query({ filter })).total);
    expect(lines.slice(1).every((line) => /^\d+,(Authorized|Not authorized),\d+\.\d{2}$/.test(line))).toBe(true);
  });

  it('remembers columns, widths and sort in main', async () => {
    await running.call('fleet.setView', { columns: ['instanceId', 'phone'], widths: { phone: 222 } });
    expect(await running.call('fleet.getView')).toEqual({ columns: ['instanceId', 'phone'], widths: { phone: 222 }, sort: null });
    expect(running.store.get('fleetView')).toMatchObject({ widths: { phone: 222 } });
  });
});
