import { fieldIssue } from '../../../../shared/field-problems';
import { chatpushHasIndividualWebhooks, type ChatpushWebhookScope, type ChatpushWebhookView } from '../../../../shared/webhooks';
import { AppError } from '../../app-error';
import type { AccountsService } from '../accounts/accounts-service';
import type { ProviderClients } from '../provider-clients';
import { resolveAccount, resolveChatpushClient } from '../deliveries/account-targets';

type Target = { accountId: string; scope: ChatpushWebhookScope };
type Fields = { url: string; types: string[] };

/**
 * Chategy/Jetapi webhooks (spec §5.1): the developer's (api_key, PUT) or one client token's individual ones (Bearer,
 * PATCH; Jetapi's only, §1.2). The provider client checks the types against the five subscribable ones before anything is sent.
 */
export function createChatpushWebhooks(deps: { accounts: AccountsService; clients: ProviderClients }) {
  const api = async ({ accountId, scope }: Target) => {
    if (scope.kind === 'developer') return deps.clients.chatpushDeveloper(await resolveAccount(deps.accounts, accountId, 'chatpush')).webhooks;
    const { account, token } = await resolveChatpushClient(deps.accounts, { accountId, tokenId: scope.tokenId });
    // Refused before any request: Chategy documents no /api/v1/webhooks, and a guess could act on something else.
    if (!chatpushHasIndividualWebhooks(account.brand)) {
      throw new AppError('invalid_input', 'Chategy has no individual (client token) webhooks: use the developer webhooks.', {
        fields: [fieldIssue('scope', 'individual_webhooks_jetapi_only')],
      });
    }
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
