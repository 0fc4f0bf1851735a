import { authMethodsOf, type AuthInstance, type AuthInstanceList } from '../../../shared/auth';
import type { AccountView } from '../../../shared/accounts';
import type { AppErrorShape } from '../../../shared/errors';
import { toAppError } from '../../errors/to-app-error';
import { planWall, type WallPlan, type WallSkip, type WallTile } from './wall-plan';

/**
 * The fleet names an instance `<accountId>/<provider's instance id>` (shared/fleet.ts), while a session targets
 * what the Authorize list gives (a Chategy/Jetapi customer id, a GREEN-API entry of the account). Both carry the
 * provider's own id: the list has it among `ids` as `instanceId` or `idInstance`.
 */
const FLEET_ID_KEYS = new Set<AuthInstance['ids'][number]['key']>(['instanceId', 'idInstance']);

const byFleetId = (instances: readonly AuthInstance[]) => {
  const found = new Map<string, AuthInstance>();
  for (const instance of instances) {
    for (const id of instance.ids) if (FLEET_ID_KEYS.has(id.key) && !found.has(id.value)) found.set(id.value, instance);
  }
  return found;
};

type AccountRead = { sandbox: boolean; found: ReadonlyMap<string, AuthInstance> } | { error: AppErrorShape };

const splitKey = (key: string) => {
  const slash = key.indexOf('/');
  return { accountId: key.slice(0, slash), instanceId: key.slice(slash + 1) };
};

/**
 * The QR wall for rows selected on the Instances screen, which may span accounts and providers. Each account whose
 * capabilities include a QR login is listed once (with fresh link states); every key ends up either as a tile or
 * with the reason it is not one. Never throws: an account that cannot be read is that account's rows' reason.
 */
export async function fleetWallPlan(
  keys: readonly string[],
  accounts: readonly AccountView[],
  listInstances: (accountId: string) => Promise<AuthInstanceList>,
): Promise<WallPlan> {
  const accountOf = new Map(accounts.map((account) => [account.id, account]));
  const wanted = new Set<string>();
  for (const key of keys) {
    const account = accountOf.get(splitKey(key).accountId);
    if (account && authMethodsOf(account.capabilities).includes('qr')) wanted.add(account.id);
  }
  const lists = new Map<string, AccountRead>(
    await Promise.all(
      [...wanted].map(async (accountId): Promise<[string, AccountRead]> => {
        try {
          const list = await listInstances(accountId);
          return [accountId, { sandbox: list.sandbox, found: byFleetId(list.instances) }];
        } catch (error) {
          return [accountId, { error: toAppError(error) }];
        }
      }),
    ),
  );

  const chosen: WallTile[] = [];
  const skipped: WallSkip[] = [];
  const placed = new Set<string>();
  for (const key of keys) {
    const { accountId, instanceId } = splitKey(key);
    const account = accountOf.get(accountId);
    const skip = (reason: WallSkip['reason'], error: WallSkip['error'] = null) =>
      skipped.push({ key, accountName: account?.name ?? accountId, instance: null, instanceId, reason, error });
    const read = lists.get(accountId);
    if (!account) skip('notFound');
    else if (!read) skip('noQr');
    else if ('error' in read) skip('listFailed', read.error);
    else {
      const instance = read.found.get(instanceId);
      if (!instance) skip('notFound');
      // Two fleet rows cannot name one target, but a selection passed along twice must not open two sessions.
      else if (!placed.has(key)) {
        placed.add(key);
        chosen.push({ instance, accountName: account.name, sandbox: read.sandbox });
      }
    }
  }
  return planWall(chosen, skipped);
}
