import type { AccountDraft } from '../../../../shared/accounts';
import type { NetworkTestResult } from '../../../../shared/network-settings';
import { proxyRouteFor, type ProxySource } from '../../providers/http';
import type { AccountsService } from '../accounts/accounts-service';

/**
 * "Test through proxy" on the Network settings: the account's own connection test (real calls, under the saved
 * setting, recorded as its last test), and the proxy its first address is routed through, so the operator sees
 * whether the proxy was used at all (a bypass entry or a loopback sandbox account goes direct).
 */
export async function testThroughProxy(deps: { accounts: AccountsService; proxy: ProxySource }, accountId: string): Promise<NetworkTestResult> {
  const route = proxyRouteFor(new URL(firstAddress(await deps.accounts.resolve(accountId))), deps.proxy);
  const result = await deps.accounts.test(accountId);
  return { proxy: route?.display ?? null, result };
}

/** The address the account's connection test calls first. */
function firstAddress(account: AccountDraft): string {
  switch (account.provider) {
    case 'chatpush':
      return account.hosts.rest;
    case 'greenapi':
      return account.instances[0]!.apiUrl;
    case 'chat2desk':
    case 'chatti':
      return account.baseUrl;
  }
}
