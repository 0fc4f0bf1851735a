import { describe, expect, it } from 'vitest';
import type { CopyResult } from '../../../../shared/instance-settings';
import { perTestCores } from '../../testing/per-test-cores';
import type { SandboxAccountWishes, SandboxDraft } from '../../testing/sandbox-accounts';
import { finishedJob } from '../fleet/test-support';

const cores = perTestCores();

/**
 * A core with one GREEN-API account of three sandbox instances, the last one with a wrong token, and the other
 * providers' accounts a test asks for.
 */
async function setUp(others: Omit<SandboxAccountWishes, 'greenapi'> = {}) {
  const { core, sandbox, ...accounts } = await cores.withAccounts({
    greenapi: (draft: SandboxDraft<'greenapi'>) => {
      const [a, b] = draft.instances;
      return { ...draft, instances: [a!, b!, { ...b!, label: 'broken', apiTokenInstance: 'wrong-token-000' }] };
    },
    ...others,
  });
  const target = (index: number) => ({ accountId: accounts.greenapi.id, instanceId: accounts.greenapi.instances[index]!.id });
  return { core, sandbox, accounts, target };
}

describe('instance settings against the sandbox', () => {
  it('GREEN-API: reads every setting and sends only the keys that differ', async () => {
    const { core, sandbox, target } = await setUp();
    const before = await core.call('instancesettings.greenapiGet', target(0));
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['delaySendMessagesMilliseconds', 'markIncomingMessagesReaded', 'keepOnlineStatus']));
    const delay = before.delaySendMessagesMilliseconds === 4000 ? 4500 : 4000;
    const saved = await core.call('instancesettings.greenapiSave', { ...target(0), changes: { delaySendMessagesMilliseconds: delay, keepOnlineStatus: before.keepOnlineStatus ?? 'no' } });
    expect(saved.changed).toEqual(['delaySendMessagesMilliseconds']);
    expect(await core.call('instancesettings.greenapiGet', target(0))).toMatchObject({ delaySendMessagesMilliseconds: delay });
    const bodies = sandbox.requests.list('greenapi').filter((r) => r.path.includes('/setSettings/'));
    expect(bodies).toHaveLength(1);

    const again = await core.call('instancesettings.greenapiSave', { ...target(0), changes: { delaySendMessagesMilliseconds: delay } });
    expect(again.changed).toEqual([]);
    expect(sandbox.requests.list('greenapi').filter((r) => r.path.includes('/setSettings/'))).toHaveLength(1);
  });

  it('rejects a send delay outside 500–86,400,000 ms with the field named', async () => {
    const { core, target } = await setUp();
    for (const delay of [499, 86_400_001]) {
      const bad = await core.callRaw('instancesettings.greenapiSave', { ...target(0), changes: { delaySendMessagesMilliseconds: delay } });
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(JSON.stringify(bad)).toContain('delaySendMessagesMilliseconds');
    }
  });

  it('copies settings to many instances as a job with a result per instance', async () => {
    const { core, target } = await setUp();
    await core.call('instancesettings.greenapiSave', { ...target(0), changes: { delaySendMessagesMilliseconds: 7000, incomingCallWebhook: 'yes', incomingWebhook: 'yes' } });
    const { jobId } = await core.call('instancesettings.greenapiCopy', {
      source: target(0),
      targets: [target(1), target(2)],
      keys: ['delaySendMessagesMilliseconds', 'incomingCallWebhook', 'incomingWebhook'],
    });
    const progress = await finishedJob(core, jobId);
    expect(progress).toMatchObject({ state: 'finished', done: 2, total: 2, failed: 1 });
    const results = await core.call('instancesettings.copyResults', { jobId });
    expect(results[0]).toMatchObject({ ...target(1), state: 'changed', error: null });
    expect(results[0]!.changed).toContain('delaySendMessagesMilliseconds');
    expect(results[1]).toMatchObject({ ...target(2), state: 'failed' });
    expect(results[1]!.error).toBeTruthy();
    expect(JSON.stringify(results)).not.toContain('wrong-token-000');
    expect(await core.call('instancesettings.greenapiGet', target(1))).toMatchObject({ delaySendMessagesMilliseconds: 7000, incomingCallWebhook: 'yes' });
  });

  it('cancels a copy: nothing is left waiting', async () => {
    const { core, target } = await setUp();
    const { jobId } = await core.call('instancesettings.greenapiCopy', { source: target(0), targets: [target(1), target(1), target(1), target(1), target(1)], keys: ['keepOnlineStatus'] });
    await core.call('jobs.cancel', { jobId });
    expect((await finishedJob(core, jobId)).state).toBe('cancelled');
    const results = await core.call('instancesettings.copyResults', { jobId });
    expect(results.some((result: CopyResult) => result.state === 'cancelled')).toBe(true);
    expect(results.filter((result: CopyResult) => result.state === 'pending')).toEqual([]);
  });

  it('Chategy/Jetapi: saves the instance fields through the developer update call, with the documented checks', async () => {
    const { core, sandbox, accounts } = await setUp({ chatpush: (draft) => ({ ...draft, clientTokens: [] }) });
    const account = accounts.chatpush;
    const [first] = await core.call('instancesettings.chatpushList', { accountId: account.id });
    expect(first).toBeDefined();
    const target = { accountId: account.id, instanceId: first!.id };

    for (const [field, changes] of [['password', { password: 'abcdefg' }], ['password', { password: 'ab1' }], ['phone', { phone: '12' }], ['email', { email: 'not-an-email' }]] as const) {
      const bad = await core.callRaw('instancesettings.chatpushSave', { ...target, changes });
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(JSON.stringify(bad)).toContain(field);
    }
    const saved = await core.call('instancesettings.chatpushSave', {
      ...target,
      changes: { externalId: 'crm-0042', renewSubscription: false, dispatchRouting: ['whatsapp', 'sms'], password: 'secret7x' },
    });
    expect(saved).toMatchObject({ id: first!.id, externalId: 'crm-0042', renewSubscription: false });
    const put = sandbox.requests.list('chatpush').filter((r) => r.method === 'PUT' && r.path.includes('/developer/v1/instances/'));
    expect(put).toHaveLength(1);
    expect(JSON.stringify(core.events)).not.toContain('secret7x');
  });

  it('Chat2Desk: switches the working mode and writes only the custom info fields that differ', async () => {
    const { core, accounts } = await setUp({ chat2desk: true });
    const account = accounts.chat2desk;
    const before = await core.call('instancesettings.chatDeskGet', { accountId: account.id });
    const mode = before.workingMode === 'online' ? 'offline' : 'online';
    const saved = await core.call('instancesettings.chatDeskSave', { accountId: account.id, changes: { workingMode: mode, customInfo: { '1': before.customInfo['1'], '2': 'VIP line' } } });
    expect(saved.changed).toEqual(['workingMode', 'customInfo.2']);
    expect(saved.settings).toMatchObject({ workingMode: mode, customInfo: { '2': 'VIP line' } });
    const again = await core.call('instancesettings.chatDeskSave', { accountId: account.id, changes: { workingMode: mode, customInfo: { '2': 'VIP line' } } });
    expect(again.changed).toEqual([]);
  });
});
