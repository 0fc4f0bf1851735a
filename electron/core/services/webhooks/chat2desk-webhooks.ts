import type { Chat2DeskWebhookView } from '../../../../shared/webhooks';
import type { Chat2DeskWebhook } from '../../providers/chat2desk/webhook-schemas';
import type { Chat2DeskWebhookInput } from '../../providers/chat2desk/inputs';
import type { AccountsService } from '../accounts/accounts-service';
import type { ProviderClients } from '../provider-clients';
import { resolveChat2Desk } from '../deliveries/account-targets';

type Fields = { name: string; url: string; events: string[]; channels: number[] };

/**
 * Chat2Desk webhooks (spec A6): list with the free allowance, create, edit, enable/disable, delete. Event names are
 * checked against the documented 25 by the provider client; an empty channel list means every channel.
 */
export function createChat2DeskWebhooks(deps: { accounts: AccountsService; clients: ProviderClients }) {
  const api = async (accountId: string) => deps.clients.chat2desk(await resolveChat2Desk(deps.accounts, accountId)).webhooks;
  const input = (fields: Fields) => ({ ...fields, channels: fields.channels.length ? fields.channels : undefined }) as Chat2DeskWebhookInput;

  return {
    async list(accountId: string) {
      const list = await (await api(accountId)).list();
      return { webhooks: list.webhooks.map(webhookView), freeLimit: list.freeLimit, freeSlotsLeft: list.freeSlotsLeft };
    },
    create: async (accountId: string, fields: Fields) => webhookView(await (await api(accountId)).create(input(fields))),
    // An empty list is sent as [] so a filter can be removed again ([GAP] A6: whether PUT takes channels).
    update: async (accountId: string, id: number, fields: Fields) => webhookView(await (await api(accountId)).update(id, { ...input(fields), channels: fields.channels })),
    setEnabled: async (accountId: string, id: number, enabled: boolean) => webhookView(await (await api(accountId)).setEnabled(id, enabled)),
    remove: async (accountId: string, id: number) => (await api(accountId)).delete(id),
  };
}

function webhookView(hook: Chat2DeskWebhook): Chat2DeskWebhookView {
  return { id: hook.id, name: hook.name, url: hook.url, events: hook.events, enabled: hook.enabled, errors: hook.errors, channels: hook.channels };
}
