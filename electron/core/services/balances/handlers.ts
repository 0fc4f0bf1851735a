import type { Handlers } from '../../bridge/dispatcher';
import type { BalancesService } from './balances-service';

type BalanceHandlers = Pick<Handlers, 'balances.view' | 'balances.snapshots' | 'balances.setThreshold' | 'balances.exportCsv'>;

/** The balances.* calls, straight onto the service. */
export function balanceHandlers(balances: BalancesService): BalanceHandlers {
  return {
    'balances.view': () => balances.view(),
    'balances.snapshots': ({ limit }) => ({ snapshots: balances.snapshots(limit) }),
    'balances.setThreshold': ({ accountId, threshold }) => balances.setThreshold(accountId, threshold),
    'balances.exportCsv': ({ headers, words }) => balances.exportCsv(headers, words),
  };
}
