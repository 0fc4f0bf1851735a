import { AppError } from '../../app-error';
import type { Handlers } from '../../bridge/dispatcher';
import type { AccountsService } from '../accounts/accounts-service';
import type { ProviderClients } from '../provider-clients';

/**
 * The request workbench, offered to accounts whose provider documents conventions rather than endpoints (Chatti).
 * Every request is audited (method and path only, through the dispatcher), since it may change data.
 */
export function createWorkbenchHandlers(deps: { accounts: AccountsService; clients: ProviderClients }): Pick<Handlers, 'workbench.send'> {
  return {
    'workbench.send': async ({ accountId, request }) => {
      const account = await deps.accounts.resolve(accountId);
      if (account.provider !== 'chatti') {
        throw new AppError('invalid_input', 'The request workbench is for Chatti accounts; the other providers have their own screens.');
      }
      return deps.clients.chatti(account).workbench(request);
    },
  };
}
