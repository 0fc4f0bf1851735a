import type { AccountDraft } from '../../../../shared/accounts';
import type { FleetAction, InstanceRow } from '../../../../shared/fleet';
import { AppError } from '../../app-error';
import type { ProviderClients } from '../provider-clients';
import { daysBetween, dayOf, isoDay } from './dates';

type Patch = Partial<InstanceRow>;
type Run = (ctx: { account: AccountDraft; row: InstanceRow; clients: ProviderClients; signal: AbortSignal; now: Date }) => Promise<Patch>;

function chatpush(account: AccountDraft) {
  if (account.provider !== 'chatpush') throw new AppError('invalid_input', 'This action is for Chategy/Jetapi instances.');
  return account;
}

function greenapiInstance(account: AccountDraft, idInstance: string) {
  const instance = account.provider === 'greenapi' ? account.instances.find((candidate) => candidate.idInstance === idInstance) : undefined;
  if (!instance) throw new AppError('not_found', `Instance ${idInstance} is no longer in this account. Refresh the fleet.`);
  return instance;
}

const setAutoRenew =
  (on: boolean): Run =>
  async ({ account, row, clients, signal }) => {
    const updated = await clients.chatpushDeveloper(chatpush(account), signal).updateInstance(Number(row.instanceId), { renewSubscription: on });
    return { autoRenew: updated.renewSubscription ?? on };
  };

/**
 * What each action does through the provider's client, and what it changes in the row afterwards so the table
 * shows the result without a full refresh.
 */
export const BULK_ACTIONS: Record<FleetAction, Run> = {
  // Spec §2 Renew: the master balance is debited and the subscription runs one month more.
  renew: async ({ account, row, clients, signal, now }) => {
    const renewed = await clients.chatpushDeveloper(chatpush(account), signal).renewSubscription(Number(row.instanceId));
    const paidUntil = dayOf(renewed.subscriptionPaidUntil);
    return { paidUntil, daysLeft: paidUntil ? daysBetween(isoDay(now), paidUntil) : null, subscription: 'active' };
  },
  autoRenewOn: setAutoRenew(true),
  autoRenewOff: setAutoRenew(false),
  // Spec §2 delete_container_session ends the WhatsApp session (§9.5: whatsapp_session back to 0).
  interrupt: async ({ account, row, clients, signal }) => {
    await clients.chatpushDeveloper(chatpush(account), signal).interruptWhatsappAuthorization(Number(row.instanceId));
    return { whatsapp: 'notAuthorized', phone: null };
  },
  // specs/greenapi.md §4: a rebooting instance is `starting` for up to 5 minutes.
  reboot: async ({ account, row, clients, signal }) => {
    const result = await clients.greenapiInstance(greenapiInstance(account, row.instanceId), signal).reboot();
    if (!result.isReboot) throw new AppError('provider_error', `GREEN-API did not reboot instance ${row.instanceId} (isReboot: false).`, { provider: 'greenapi' });
    return { whatsapp: 'starting' };
  },
  logout: async ({ account, row, clients, signal }) => {
    const result = await clients.greenapiInstance(greenapiInstance(account, row.instanceId), signal).logout();
    if (!result.isLogout) throw new AppError('provider_error', `GREEN-API did not log out instance ${row.instanceId} (isLogout: false).`, { provider: 'greenapi' });
    return { whatsapp: 'notAuthorized', phone: null };
  },
};
