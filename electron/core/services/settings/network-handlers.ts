import type { Handlers } from '../../bridge/dispatcher';
import type { ProxySource } from '../../providers/http';
import type { AccountsService } from '../accounts/accounts-service';
import type { NetworkSettingsService } from './network-settings-service';
import { testThroughProxy } from './network-test';

type NetworkHandlers = Pick<Handlers, 'network.get' | 'network.update' | 'network.test'>;

/** The Network settings calls: the proxy setting (password in, mask out) and its test through an account. */
export function createNetworkHandlers(deps: { network: NetworkSettingsService; accounts: AccountsService; proxy: ProxySource }): NetworkHandlers {
  return {
    'network.get': () => deps.network.view(),
    'network.update': (input) => deps.network.update(input),
    'network.test': ({ accountId }) => testThroughProxy(deps, accountId),
  };
}
