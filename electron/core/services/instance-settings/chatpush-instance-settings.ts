import type { ChatpushInstanceChanges } from '../../../../shared/instance-settings';
import { AppError } from '../../app-error';
import type { ChatpushInstance } from '../../providers/chatpush/schemas';
import type { AccountsService } from '../accounts/accounts-service';
import { resolveAccount } from '../deliveries/account-targets';
import type { ProviderClients } from '../provider-clients';

const fields = (instance: ChatpushInstance) => ({
  id: instance.id,
  externalId: instance.externalId,
  renewSubscription: instance.renewSubscription ?? null,
  whatsappPhone: instance.whatsappPhone ?? null,
});

/**
 * Chategy/Jetapi instance fields (§2 Update). The platform reads back only external_id and renew_subscription; the
 * routing, email, phone and password are write-only, so the form sends just what the user filled in.
 */
export function createChatpushInstanceSettings(deps: { accounts: AccountsService; clients: ProviderClients }) {
  const developer = async (accountId: string) => deps.clients.chatpushDeveloper(await resolveAccount(deps.accounts, accountId, 'chatpush'));
  return {
    async list(accountId: string) {
      return (await (await developer(accountId)).listAllInstances()).map(fields);
    },
    async save(accountId: string, instanceId: number, changes: ChatpushInstanceChanges) {
      const sent = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      if (!Object.keys(sent).length) throw new AppError('invalid_input', 'Nothing to save: change at least one field first.');
      const api = await developer(accountId);
      await api.updateInstance(instanceId, sent);
      const updated = (await api.listAllInstances()).find((instance) => instance.id === instanceId);
      if (!updated) throw new AppError('not_found', `Instance ${instanceId} is no longer in the account.`);
      return fields(updated);
    },
  };
}
