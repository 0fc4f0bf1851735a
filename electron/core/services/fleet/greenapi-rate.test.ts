import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox';
import { drafts, finishedJob, type TestCore } from './test-support';
import { startTestCore } from '../../testing/test-core';

/**
 * The console's side of GREEN-API's per-instance, per-method limits (specs/greenapi.md §8.2), which the sandbox
 * enforces by default: a fleet refresh reads many instances side by side, and an operator who cancels it and starts
 * it again at once asks every one of them the same methods again within the second. The shared limiter must make
 * those reads wait, not draw 429s.
 */
let running: TestCore;
let sandbox: Sandbox;
const INSTANCES = 60;

beforeAll(async () => {
  running = await startTestCore();
  sandbox = await running.core.sandboxReady();
  const seeded = sandbox.controls.greenapi.seedInstances(INSTANCES, { state: 'authorized' });
  await running.call('accounts.create', { draft: drafts.greenapi(sandbox, 'Green fleet', seeded) });
});
afterAll(async () => {
  await running?.dispose();
});

const startRefresh = async () => (await running.call<{ jobId: string }>('fleet.refresh', {})).jobId;
const log = () => sandbox.requests.list('greenapi');
const reads = (method: string) => log().filter((request) => request.path.includes(`/${method}/`));

/** Resolves once the sandbox has answered `count` requests of `method`. */
async function answered(method: string, count: number): Promise<void> {
  for (let tries = 0; tries < 1000; tries++) {
    if (reads(method).filter((request) => request.status !== undefined).length >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`the sandbox answered fewer than ${count} ${method}`);
}

describe('fleet refresh of many GREEN-API instances against the enforcing sandbox', () => {
  it('a refresh cancelled after its reads and started again at once reads every instance twice without one 429', async () => {
    expect(sandbox.state.greenapi.enforceRateLimits).toBe(true);
    sandbox.requests.clear();
    const first = await startRefresh();
    // The instance reads are done; what follows in the job (the balances' queue peek) is not needed here.
    await answered('showMessagesQueue', INSTANCES);
    await running.call('jobs.cancel', { jobId: first });
    await finishedJob(running, first);
    const second = await finishedJob(running, await startRefresh());
    expect(second).toMatchObject({ state: 'finished', done: second.total });

    // Each refresh asks every instance for its WhatsApp settings (§2.11) and its queue (§6), within the same second.
    expect(reads('getWaSettings')).toHaveLength(2 * INSTANCES);
    expect(reads('showMessagesQueue')).toHaveLength(2 * INSTANCES);
    expect(log().filter((request) => request.status === 429)).toEqual([]);
    for (const request of [...reads('getWaSettings'), ...reads('showMessagesQueue')]) expect(request.status).toBe(200);

    const rows = await running.call<{ rows: { error: unknown }[]; total: number }>('fleet.query', { limit: 500 });
    expect(rows.total).toBe(INSTANCES);
    expect(rows.rows.filter((row) => row.error !== null)).toEqual([]);
  });
});
