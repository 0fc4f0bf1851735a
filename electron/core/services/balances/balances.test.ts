import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, BalancesView, BalanceSnapshot } from '../../../../shared/balances';
import type { Sandbox } from '../../sandbox';
import { startTestCore } from '../../testing/test-core';
import { drafts, finishedJob, type TestCore } from '../fleet/test-support';

/** Balances through the contract against the real sandbox: what the fleet refresh read, judged against renewals. */
let running: TestCore;
let sandbox: Sandbox;
const ids: Record<string, string> = {};

beforeAll(async () => {
  running = await startTestCore();
  sandbox = await running.core.sandboxReady();
  const create = async (key: string, draft: unknown) => (ids[key] = (await running.call<{ id: string }>('accounts.create', { draft })).id);
  const client = sandbox.state.chatpush.instances[0]!;
  await create(
    'jetapi',
    drafts.chatpush(sandbox, 'Jetapi main', {
      clientTokens: [
        { label: 'Master', token: sandbox.controls.chatpush.developerToken() },
        { label: 'A client', token: client.token },
      ],
    }),
  );
  await create('noMaster', drafts.chatpush(sandbox, 'Jetapi without master'));
  await create('green', drafts.greenapi(sandbox, 'Green', sandbox.demo.greenapi));
  await create('c2d', drafts.chat2desk(sandbox, 'Chat2Desk support'));
});
afterAll(async () => {
  await running?.dispose();
});

async function refresh() {
  const { jobId } = await running.call<{ jobId: string }>('fleet.refresh', {});
  await finishedJob(running, jobId);
}
const view = () => running.call<BalancesView>('balances.view');
const account = async (name: string) => (await view()).accounts.find((a) => a.accountName === name)!;
const alerts = () => running.events.filter((e) => e.name === 'balances.alerted').flatMap((e) => (e.payload as { alerts: Alert[] }).alerts);

/** The test's own oracle for renewal costs: integer cents over the sandbox's records. */
function dueCents(days: number) {
  const today = new Date().toISOString().slice(0, 10);
  const end = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return sandbox.state.chatpush.instances
    .filter((i) => i.renewSubscription && i.subscriptionPaidUntil < end)
    .reduce((sum, i) => sum + Math.round(Number(i.subscriptionCost) * 100), 0);
}
const asMoney = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

describe('balances', () => {
  it('reads the master balance and weighs it against the renewals due in 7 and 30 days', async () => {
    // Every auto-renewing instance due within 7 days, and none lapsed: one renewal each in both windows.
    const today = new Date().toISOString().slice(0, 10);
    for (const instance of sandbox.state.chatpush.instances) {
      if (instance.renewSubscription) sandbox.controls.chatpush.setSubscription(instance.customerId, { paidUntil: today });
    }
    const due = dueCents(7);
    expect(due).toBeGreaterThan(0);
    sandbox.controls.chatpush.setBalance('developer', asMoney(due - 1));
    await refresh();

    const jetapi = await account('Jetapi main');
    expect(jetapi.balance).toBe(asMoney(due - 1));
    expect(jetapi.due7).toBe(asMoney(due));
    expect(jetapi.due30).toBe(asMoney(dueCents(30)));
    expect(jetapi.covers7).toBe(false);
    expect(jetapi.shortfall30).toBe('0.01');
    expect(jetapi.tokens.map((t) => [t.label, t.master])).toEqual([
      ['Master', true],
      ['A client', false],
    ]);

    sandbox.controls.chatpush.setBalance('developer', asMoney(due + 100_000));
    await refresh();
    expect(await account('Jetapi main')).toMatchObject({ covers7: true, covers30: true, shortfall30: null });
  });

  it('says why a balance is missing, and lists lapsed instances with their last paid day', async () => {
    expect(await account('Jetapi without master')).toMatchObject({ balance: null, balanceMissing: 'noMasterToken', covers7: null });
    expect(await account('Green')).toMatchObject({ balance: null, balanceMissing: 'notOffered' });

    const lapsed = (await view()).lapsed;
    const inactive = sandbox.state.chatpush.instances.filter((i) => i.subscriptionStatus === 'inactive');
    expect(inactive.length).toBeGreaterThan(0);
    // Both Jetapi accounts list the same developer's instances.
    expect(lapsed.filter((l) => l.accountName === 'Jetapi main').map((l) => [l.instanceId, l.lastPaidDay]).sort()).toEqual(
      inactive.map((i) => [String(i.id), i.subscriptionPaidUntil]).sort(),
    );
  });

  it('shows Chat2Desk API calls and each channel’s daily limit', async () => {
    sandbox.controls.chat2desk.setApiCalls({ usedThisMonth: 5000, leftFreeRequests: 10, leftPaidRequests: 0 });
    await refresh();
    const c2d = await account('Chat2Desk support');
    // Each request counts, and the channel list may be read before api_info answers.
    expect(c2d.chat2desk!.usedThisMonth! + c2d.chat2desk!.leftFree!).toBe(5010);
    expect(c2d.chat2desk).toMatchObject({ usedThisMonth: expect.any(Number), leftPaid: 0, left: c2d.chat2desk!.leftFree });
    expect(c2d.chat2desk!.usedThisMonth).toBeLessThanOrEqual(5002);
    expect(c2d.chat2desk!.channels).toHaveLength(sandbox.state.chat2desk.channels.length);
    expect(c2d.chat2desk!.channels[0]).toMatchObject({ limit: expect.any(Number), used: expect.any(Number) });
  });

  it('alerts once for a balance under the threshold and for instances that left the authorized state', async () => {
    const before = alerts().length;
    const threshold = await running.call<BalancesView>('balances.setThreshold', { accountId: ids.jetapi, threshold: '99999999.00' });
    expect(threshold.accounts.find((a) => a.accountId === ids.jetapi)).toMatchObject({ threshold: '99999999.00', belowThreshold: true });

    const linked = sandbox.state.greenapi.instances.find((i) => i.state === 'authorized' && sandbox.demo.greenapi.some((d) => d.idInstance === i.idInstance))!;
    sandbox.controls.greenapi.setState(linked.idInstance, 'notAuthorized');
    await refresh();
    const fresh = alerts().slice(before);
    expect(fresh.find((a) => a.kind === 'lowBalance')).toMatchObject({ accountName: 'Jetapi main', threshold: '99999999.00' });
    expect(fresh.find((a) => a.kind === 'leftAuthorized')).toMatchObject({ accountName: 'Green', count: 1, instanceIds: [linked.idInstance] });

    // The same situation at the next refresh is not announced again.
    const count = alerts().length;
    await refresh();
    expect(alerts().slice(count).filter((a) => a.kind === 'lowBalance' || a.kind === 'leftAuthorized')).toEqual([]);
    expect((await view()).alerts.some((a) => a.kind === 'lowBalance')).toBe(true);

    await expect(running.call('balances.setThreshold', { accountId: ids.jetapi, threshold: '12,50' })).rejects.toMatchObject({ shape: { code: 'invalid_input' } });
  });

  it('keeps a snapshot per refresh and exports the table as CSV', async () => {
    const { snapshots } = await running.call<{ snapshots: BalanceSnapshot[] }>('balances.snapshots', {});
    expect(snapshots.length).toBeGreaterThanOrEqual(4);
    expect(snapshots.at(-1)!.accounts.find((a) => a.accountName === 'Jetapi main')!.balance).toBe((await account('Jetapi main')).balance);

    const { csv } = await running.call<{ csv: string }>('balances.exportCsv', { headers: { account: 'Account', balance: 'Balance' }, words: { yes: 'Yes', no: 'No' } });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Account,provider,Balance,renewals7,/);
    expect(lines).toHaveLength(5);
    expect(lines.find((line) => line.startsWith('Jetapi main,'))).toContain(',Yes,');
  });

  it('GREEN-API: a quotaExceeded at the head of a polled queue shows as quota figures, and stays in the queue', async () => {
    const greenapi = sandbox.controls.greenapi;
    // A polling instance (no webhook URL) on the Developer tariff whose 4th chat of the month overflows (§8.1).
    const polled = sandbox.state.greenapi.instances.find((i) => i.state === 'notAuthorized' && i.settings.webhookUrl === '')!;
    greenapi.overflowChatQuota(polled.idInstance);
    const queued = greenapi.queuedNotifications(polled.idInstance);
    expect(queued[0]!.body.typeWebhook).toBe('quotaExceeded');
    sandbox.requests.clear();

    await refresh();
    const green = await account('Green');
    expect(green.quotas).toEqual([
      {
        idInstance: polled.idInstance,
        method: 'correspondents',
        used: 3,
        total: 3,
        status: 'CORRESPONDENTS_QUOTA_EXCEEDED',
        seenAt: expect.any(String),
        source: 'notification',
        chats: ['79000000001@c.us', '79000000002@c.us', '79000000003@c.us'],
      },
    ]);
    // The demo's first instance delivers to a webhook URL: no queue to read there.
    expect(green.notificationPeek).toMatchObject({ quotaAtHead: 1, webhookMode: 1, failed: 0 });
    expect(green.notificationPeek!.read).toBeGreaterThanOrEqual(1);
    // Nothing was taken from the customer's queue.
    expect(greenapi.queuedNotifications(polled.idInstance)).toEqual(queued);
    expect(sandbox.requests.list('greenapi').filter((r) => r.path.includes('deleteNotification'))).toEqual([]);
    expect((await account('Jetapi main')).notificationPeek).toBeNull();
  });
});
