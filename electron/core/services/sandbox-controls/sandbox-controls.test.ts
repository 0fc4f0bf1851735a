import { describe, expect, it } from 'vitest';
import type { ConnectionTestResult } from '../../../../shared/accounts';
import type { FleetPage, InstanceRow } from '../../../../shared/fleet';
import { perTestCores } from '../../testing/per-test-cores';
import { startTestCore } from '../../testing/test-core';
import { finishedJob } from '../fleet/test-support';

/** Each control's effect, seen through the normal provider calls (fleet, connection test), as the demo user sees it. */
const cores = perTestCores();
type Running = Awaited<ReturnType<typeof cores.withDemo>>['core'];

async function chatpushRows(core: Running): Promise<InstanceRow[]> {
  await finishedJob(core, (await core.call<{ jobId: string }>('fleet.refresh', {})).jobId);
  return (await core.call<FleetPage>('fleet.query', { limit: 500 })).rows.filter((row) => row.provider === 'chatpush');
}

describe('sandbox controls', () => {
  it('refuse while no sandbox runs, and never start one', async () => {
    const running = await startTestCore();
    try {
      const result = await running.callRaw('sandbox.advanceClock', { amount: 1, unit: 'days' });
      expect(result.ok ? null : result.error).toMatchObject({ code: 'conflict', details: { operation: 'sandboxControls' } });
      expect((await running.call<{ sandbox: { running: boolean } }>('app.info')).sandbox.running).toBe(false);
    } finally {
      await running.dispose();
    }
  });

  it('validate their bounds', async () => {
    const { core } = await cores.withDemo();
    for (const [name, input] of [
      ['sandbox.advanceClock', { amount: 367, unit: 'days' }],
      ['sandbox.seedInstances', { provider: 'chatpush', count: 501 }],
      ['sandbox.injectFault', { provider: 'chatpush', fault: 'status500', times: 51 }],
      ['sandbox.injectFault', { provider: 'chatpush', fault: 'teapot', times: 1 }],
      ['sandbox.setBalance', { provider: 'chatpush', amount: '-5' }],
    ] as const) {
      const result = await core.callRaw(name, input);
      expect(result.ok ? null : result.error.code, name).toBe('invalid_input');
    }
  });

  it('advance the clock: a subscription without auto-renew lapses, one with it renews', async () => {
    const { core } = await cores.withDemo();
    const before = await chatpushRows(core);
    const lapsing = before.filter((row) => row.subscription === 'active' && row.autoRenew === false && row.daysLeft !== null && row.daysLeft < 30);
    const renewing = before.filter((row) => row.subscription === 'active' && row.autoRenew === true && row.daysLeft !== null && row.daysLeft < 30);
    expect(lapsing.length).toBeGreaterThan(0);
    expect(renewing.length).toBeGreaterThan(0);

    const status = await core.call<{ now: string }>('sandbox.advanceClock', { amount: 31, unit: 'days' });
    expect(Date.parse(status.now) - Date.now()).toBeGreaterThan(30 * 86_400_000);

    const after = new Map((await chatpushRows(core)).map((row) => [row.instanceId, row]));
    for (const row of lapsing) expect(after.get(row.instanceId)?.subscription, row.instanceId).not.toBe('active');
    for (const row of renewing) expect(after.get(row.instanceId)!.paidUntil! > row.paidUntil!, row.instanceId).toBe(true);
  });

  it('set the developer balance, read back by the connection test', async () => {
    const { core, accountId } = await cores.withDemo();
    await core.call('sandbox.setBalance', { provider: 'chatpush', amount: '12,5' });
    const result = await core.call<ConnectionTestResult>('accounts.test', { id: accountId('chatpush') });
    const master = result.checks.find((check) => check.label === 'Master account');
    expect(master?.facts).toContainEqual({ key: 'balance', value: '12.50' });

    const unknown = await core.callRaw('sandbox.setBalance', { provider: 'chatpush', customerId: 1, amount: '1' });
    expect(unknown.ok ? null : unknown.error.code).toBe('not_found');
  });

  it('seed instances: the fleet grows by that many', async () => {
    const { core } = await cores.withDemo();
    const before = (await chatpushRows(core)).length;
    expect(await core.call('sandbox.seedInstances', { provider: 'chatpush', count: 25 })).toEqual({ added: 25 });
    expect((await chatpushRows(core)).length).toBe(before + 25);
  });

  it('inject a 500 for the next request: one connection test fails with provider_unavailable, the next passes', async () => {
    const { core, accountId } = await cores.withDemo();
    const id = accountId('chatpush');
    const status = await core.call<{ pendingFaults: Record<string, number> }>('sandbox.injectFault', { provider: 'chatpush', fault: 'status500', times: 1 });
    expect(status.pendingFaults.chatpush).toBe(1);
    const failed = await core.call<ConnectionTestResult>('accounts.test', { id });
    expect(failed.ok).toBe(false);
    expect(failed.checks.find((check) => !check.ok)?.error).toMatchObject({ code: 'provider_unavailable', details: { status: 500 } });
    expect((await core.call<ConnectionTestResult>('accounts.test', { id })).ok).toBe(true);
  });

  it('clear faults: a 502 page meant for 50 requests stops at once', async () => {
    const { core, accountId } = await cores.withDemo();
    const id = accountId('chatpush');
    await core.call('sandbox.injectFault', { provider: 'chatpush', fault: 'html502', times: 50 });
    const failed = await core.call<ConnectionTestResult>('accounts.test', { id });
    expect(failed.checks.find((check) => !check.ok)?.error?.code).toBe('html_response');
    const cleared = await core.call<{ pendingFaults: Record<string, number> }>('sandbox.clearFaults', {});
    expect(cleared.pendingFaults.chatpush).toBe(0);
    expect((await core.call<ConnectionTestResult>('accounts.test', { id })).ok).toBe(true);
  });

  it('set WhatsApp state of a Chategy/Jetapi and a GREEN-API instance, as the fleet reads it', async () => {
    const { core, sandbox } = await cores.withDemo();
    const linked = (await chatpushRows(core)).find((row) => row.whatsapp === 'authorized')!;
    await core.call('sandbox.setWhatsappState', { provider: 'chatpush', customerId: Number(customerIdOf(sandbox, linked.instanceId)), linked: false });
    expect((await chatpushRows(core)).find((row) => row.instanceId === linked.instanceId)?.whatsapp).toBe('notAuthorized');

    const green = sandbox.demo.greenapi[0]!.idInstance;
    await core.call('sandbox.setWhatsappState', { provider: 'greenapi', idInstance: green, linked: false });
    await finishedJob(core, (await core.call<{ jobId: string }>('fleet.refresh', {})).jobId);
    const rows = (await core.call<FleetPage>('fleet.query', { limit: 500 })).rows;
    expect(rows.find((row) => row.provider === 'greenapi' && row.instanceId === green)?.whatsapp).toBe('notAuthorized');
  });
});

/** The customer id of a Chategy/Jetapi instance the fleet lists by its instance id. */
function customerIdOf(sandbox: Awaited<ReturnType<typeof cores.withDemo>>['sandbox'], instanceId: string): number {
  const record = sandbox.state.chatpush.instances.find((instance) => String(instance.id) === instanceId || String(instance.customerId) === instanceId);
  if (!record) throw new Error(`no sandbox instance ${instanceId}`);
  return record.customerId;
}
