import { describe, expect, it, vi } from 'vitest';
import type { AuthInstance, AuthInstanceList } from '../../../shared/auth';
import type { AccountView } from '../../../shared/accounts';
import { PROVIDER_CAPABILITIES, type ProviderId } from '../../../shared/providers';

// The bridge reaches for `window` when loaded; the plan only needs its error type.
vi.mock('../../bridge/client', () => ({ BridgeError: class BridgeError extends Error {} }));
const { fleetWallPlan } = await import('./fleet-wall-plan');
const { MAX_WALL_TILES, planWall } = await import('./wall-plan');

const instance = (accountId: string, target: string, ids: AuthInstance['ids'], extra: Partial<AuthInstance> = {}): AuthInstance => ({
  target: { accountId, instance: target },
  label: '',
  ids,
  whatsapp: 'notAuthorized',
  telegram: null,
  phone: null,
  stateError: null,
  methods: ['qr', 'telegram'],
  actions: [],
  ...extra,
});

const account = (id: string, provider: ProviderId, sandbox = false) =>
  ({ id, name: `Account ${id}`, provider, sandbox, capabilities: [...PROVIDER_CAPABILITIES[provider]] }) as unknown as AccountView;

const list = (accountId: string, instances: AuthInstance[], sandbox = false): AuthInstanceList => ({
  accountId,
  instances,
  listError: null,
  sandbox,
  provisioning: null,
});

describe('planWall', () => {
  it('gives a tile to each instance that can show a code and says why the others have none, in the order chosen', () => {
    const chosen = [
      instance('a', '1', [], { whatsapp: 'authorized' }),
      instance('a', '2', []),
      instance('a', '3', [], { methods: ['telegram'] }),
      instance('a', '4', [], { whatsapp: null }),
    ].map((i) => ({ instance: i, accountName: 'A', sandbox: false }));
    const plan = planWall(chosen);
    expect(plan.tiles.map((tile) => tile.instance.target.instance)).toEqual(['2', '4']);
    expect(plan.skipped.map((skip) => [skip.key, skip.reason])).toEqual([
      ['a/1', 'linked'],
      ['a/3', 'noQr'],
    ]);
  });

  it('stops at the wall’s size and lists the rest as not fitting', () => {
    const chosen = Array.from({ length: MAX_WALL_TILES + 3 }, (_, n) => ({ instance: instance('a', String(n), []), accountName: 'A', sandbox: false }));
    const plan = planWall(chosen);
    expect(plan.tiles).toHaveLength(MAX_WALL_TILES);
    expect(plan.skipped.map((skip) => skip.reason)).toEqual(['wallFull', 'wallFull', 'wallFull']);
  });
});

describe('fleetWallPlan', () => {
  const accounts = [account('jet', 'chatpush'), account('green', 'greenapi', true), account('c2d', 'chat2desk')];
  const lists: Record<string, AuthInstanceList> = {
    jet: list('jet', [
      instance('jet', '17599', [
        { key: 'customerId', value: '17599' },
        { key: 'instanceId', value: '1125' },
      ]),
      instance('jet', '17647', [
        { key: 'customerId', value: '17647' },
        { key: 'instanceId', value: '1134' },
      ], { whatsapp: 'authorized' }),
      // The customer id of one instance equals the developer id of a row: only `instanceId` may match it.
      instance('jet', '1178', [{ key: 'customerId', value: '1178' }]),
    ]),
    green: list('green', [instance('green', 'entry-1', [{ key: 'idInstance', value: '1101000001' }], { methods: ['qr', 'pairingCode'] })], true),
  };

  it('matches fleet rows to the Authorize list by the provider’s id and gives every key a tile or a reason', async () => {
    const asked: string[] = [];
    const plan = await fleetWallPlan(
      ['jet/1125', 'c2d/27683', 'jet/1134', 'green/1101000001', 'jet/1178', 'gone/5'],
      accounts,
      async (accountId) => (asked.push(accountId), lists[accountId]!),
    );
    // Chat2Desk has no QR login: its account is not even listed.
    expect(asked.sort()).toEqual(['green', 'jet']);
    expect(plan.tiles.map((tile) => [tile.instance.target.accountId, tile.instance.target.instance, tile.sandbox, tile.accountName])).toEqual([
      ['jet', '17599', false, 'Account jet'],
      ['green', 'entry-1', true, 'Account green'],
    ]);
    expect(plan.skipped.map((skip) => [skip.key, skip.reason, skip.accountName])).toEqual([
      ['c2d/27683', 'noQr', 'Account c2d'],
      ['jet/1178', 'notFound', 'Account jet'],
      ['gone/5', 'notFound', 'gone'],
      ['jet/17647', 'linked', 'Account jet'],
    ]);
  });

  it('an account whose list fails leaves its rows off with its error; the other accounts still get tiles', async () => {
    const plan = await fleetWallPlan(['jet/1125', 'green/1101000001'], accounts, async (accountId) => {
      if (accountId === 'jet') throw new Error('socket hang up');
      return lists[accountId]!;
    });
    expect(plan.tiles.map((tile) => tile.instance.target.instance)).toEqual(['entry-1']);
    expect(plan.skipped).toEqual([
      expect.objectContaining({ key: 'jet/1125', reason: 'listFailed', error: expect.objectContaining({ message: 'socket hang up' }) }),
    ]);
  });

  it('a key selected twice opens one session', async () => {
    const plan = await fleetWallPlan(['jet/1125', 'jet/1125'], accounts, async (accountId) => lists[accountId]!);
    expect(plan.tiles).toHaveLength(1);
  });
});
