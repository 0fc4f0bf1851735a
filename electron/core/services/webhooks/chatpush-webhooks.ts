import type { ChatpushWebhookScope, ChatpushWebhookView } from '../../../../shared/webhooks';
import type { AccountsService } from '../accounts/accounts-service';
import type { ProviderClients } from '../provider-clients';
import { resolveAccount, resolveChatpushClient } from '../deliveries/account-targets';

type Target = { accountId: string; scope: ChatpushWebhookScope };
type Fields = { url: string; types: string[] };

/**
 * Chategy/Jetapi webhooks (spec §5.1): the developer's (api_key, PUT) or one client token's individual ones (Bearer,
 * PATCH). The provider client checks the types against the five subscribable ones before anything is sent.
 */
export function createChatpushWebhooks(deps: { accounts: AccountsService; clients: ProviderClients }) {
  const api = async ({ accountId, scope }: Target) => {
    if (scope.kind === 'developer') return deps.clients.chatpushDeveloper(await resolveAccount(deps.accounts, accountId, 'chatpush')).webhooks;
    const { account, token } = await resolveChatpushClient(deps.accounts, { accountId, tokenId: scope.tokenId });
    return deps.clients.chatpushCustomer(account, token).webhooks;
  };
  return {
    list: async (target: Target): Promise<ChatpushWebhookView[]> => (await api(target)).list(),
    // The subscription names are checked by the client's schema; the cast only widens the compile-time type.
    create: async (target: Target, fields: Fields): Promise<ChatpushWebhookView> => (await api(target)).create(fields as Parameters<Awaited<ReturnType<typeof api>>['create']>[0]),
    update: async (target: Target, id: number, fields: Fields): Promise<ChatpushWebhookView> =>
      (await api(target)).update(id, fields as Parameters<Awaited<ReturnType<typeof api>>['update']>[1]),
    remove: async (target: Target, id: number): Promise<void> => (await api(target)).delete(id),
  };
}
