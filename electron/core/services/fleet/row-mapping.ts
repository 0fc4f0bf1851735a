import type { AppErrorShape } from '../../../../shared/errors';
import type { InstanceRow, SubscriptionStatus, TelegramState, WhatsappState } from '../../../../shared/fleet';
import { isMoney, normalizeMoney } from '../../../../shared/money';
import type { ProviderId } from '../../../../shared/providers';
import type { Chat2DeskChannel } from '../../providers/chat2desk/schemas';
import type { ChatpushInstance } from '../../providers/chatpush/schemas';
import { daysBetween, dayOf } from './dates';

/** Which account a row belongs to, and when it was read. */
export interface RowContext {
  accountId: string;
  accountName: string;
  today: string;
  refreshedAt: string;
}

/** The fields a provider may not have, unset: each mapper fills in what it knows. */
export const EMPTY_ROW_FIELDS = {
  externalId: null,
  label: null,
  phone: null,
  whatsapp: null,
  telegram: null,
  queueSize: null,
  queueLimit: null,
  subscription: null,
  paidUntil: null,
  daysLeft: null,
  autoRenew: null,
  cost: null,
  error: null,
} satisfies Partial<InstanceRow>;

export const rowKey = (accountId: string, instanceId: string) => `${accountId}/${instanceId}`;

function base(ctx: RowContext, provider: ProviderId, instanceId: string): InstanceRow {
  return {
    ...EMPTY_ROW_FIELDS,
    key: rowKey(ctx.accountId, instanceId),
    provider,
    accountId: ctx.accountId,
    accountName: ctx.accountName,
    instanceId,
    refreshedAt: ctx.refreshedAt,
  };
}

/** Spec §2: tdlib_session 0 wait phone, 1 wait code, 2 wait password, 3 authorized, 4 wait_qr_code. */
const TDLIB: Record<number, TelegramState> = { 0: 'waitPhone', 1: 'waitCode', 2: 'waitPassword', 3: 'authorized', 4: 'waitQr' };

/** A price the provider sent, if it is a decimal amount; anything else is not shown as money. */
const money = (value: string | null): string | null => (value !== null && isMoney(value) ? normalizeMoney(value) : null);

export function chatpushRow(ctx: RowContext, instance: ChatpushInstance): InstanceRow {
  const paidUntil = dayOf(instance.subscriptionPaidUntil);
  const status = instance.subscriptionStatus?.toLowerCase();
  return {
    ...base(ctx, 'chatpush', String(instance.id)),
    externalId: instance.externalId,
    // §2: whatsapp_phone is set once WhatsApp is authorized.
    phone: instance.whatsappPhone || null,
    whatsapp: instance.whatsappSession === null ? null : instance.whatsappSession === 1 ? 'authorized' : 'notAuthorized',
    telegram: instance.tdlibSession === null ? null : (TDLIB[instance.tdlibSession] ?? null),
    queueSize: instance.whatsappQueueSize,
    queueLimit: instance.whatsappQueueLimit,
    subscription: status === 'active' || status === 'inactive' ? status : status ? 'unknown' : null,
    paidUntil,
    daysLeft: paidUntil ? daysBetween(ctx.today, paidUntil) : null,
    autoRenew: instance.renewSubscription,
    cost: money(instance.subscriptionCost),
  };
}

/** §8.3: "Instance account is expired. Renew your instance from personal area". */
const isExpired = (error: AppErrorShape | null) => !!error && /account is expired/i.test(error.details?.providerMessage ?? error.message);

/**
 * GREEN-API reports no subscription dates over the instance API. An instance that answers is paid up (an unpaid
 * one answers every call with "account is expired"), so a successful read is shown as `active`.
 */
export function greenapiRow(
  ctx: RowContext,
  instance: { idInstance: string; label: string },
  read: { state: WhatsappState | null; phone: string | null; queueSize: number | null; error: AppErrorShape | null },
): InstanceRow {
  const subscription: SubscriptionStatus | null = isExpired(read.error) ? 'expired' : read.state ? 'active' : null;
  return {
    ...base(ctx, 'greenapi', instance.idInstance),
    label: instance.label || null,
    phone: read.phone,
    whatsapp: read.state,
    queueSize: read.queueSize,
    subscription,
    error: read.error,
  };
}

/** A7: a channel carries no connection state ([GAP]); its phone and name are what the API gives. */
export function chat2deskRow(ctx: RowContext, channel: Chat2DeskChannel): InstanceRow {
  return { ...base(ctx, 'chat2desk', String(channel.id)), label: channel.name || null, phone: channel.phone };
}
