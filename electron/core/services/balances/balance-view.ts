import type { AccountBalance, LapsedInstance, NotificationPeek, QuotaFigure } from '../../../../shared/balances';
import type { AccountRefresh } from '../../../../shared/fleet';
import { compareMoney, subtractMoney } from '../../../../shared/money';
import type { AccountEntry } from '../fleet/types';
import { renewalCost } from './renewals';

/** Days ahead for the two renewal windows on the screen. */
export const SOON_DAYS = 7;
export const MONTH_DAYS = 30;

/**
 * The balance renewals are paid from. For Chategy/Jetapi that is the developer's master account (spec §7.1), read
 * through a client token whose customer id is none of the instances'; without such a token the balance is unknown.
 */
function payingBalance(entry: AccountEntry | undefined, refresh: AccountRefresh): Pick<AccountBalance, 'balance' | 'balanceMissing'> {
  if (refresh.provider !== 'chatpush') return { balance: null, balanceMissing: 'notOffered' };
  const tokens = entry?.facts.tokens ?? [];
  const master = tokens.find((token) => token.master && token.balance !== null);
  if (master) return { balance: master.balance, balanceMissing: null };
  return { balance: null, balanceMissing: tokens.some((token) => token.error) || refresh.state === 'failed' ? 'readFailed' : 'noMasterToken' };
}

export function accountBalance(
  refresh: AccountRefresh,
  entry: AccountEntry | undefined,
  options: { today: string; threshold: string | null; quotas: QuotaFigure[]; notificationPeek: NotificationPeek | null },
): AccountBalance {
  const rows = entry?.rows ?? [];
  const { balance, balanceMissing } = payingBalance(entry, refresh);
  const soon = renewalCost(rows, options.today, SOON_DAYS);
  const month = renewalCost(rows, options.today, MONTH_DAYS);
  const covers = (due: string) => (balance === null ? null : compareMoney(balance, due) >= 0);
  const covers7 = covers(soon.cost);
  const covers30 = covers(month.cost);
  const shortfall = (covered: boolean | null, due: string) => (covered === false && balance !== null ? subtractMoney(due, balance) : null);
  return {
    accountId: refresh.accountId,
    accountName: refresh.accountName,
    provider: refresh.provider,
    balance,
    balanceMissing,
    tokens: entry?.facts.tokens ?? [],
    renewals7: soon.renewals,
    due7: soon.cost,
    renewals30: month.renewals,
    due30: month.cost,
    covers7,
    covers30,
    shortfall7: shortfall(covers7, soon.cost),
    shortfall30: shortfall(covers30, month.cost),
    stopping7: rows.filter((row) => row.autoRenew === false && row.subscription === 'active' && row.daysLeft !== null && row.daysLeft <= SOON_DAYS).length,
    threshold: options.threshold,
    belowThreshold: balance !== null && options.threshold !== null && compareMoney(balance, options.threshold) < 0,
    chat2desk: entry?.facts.chat2desk ?? null,
    tracksQuotas: refresh.provider === 'greenapi',
    quotas: options.quotas,
    notificationPeek: options.notificationPeek,
    error: refresh.error,
    refreshedAt: refresh.refreshedAt,
  };
}

/** Instances whose subscription is not running, with the last day they were paid for; longest lapsed first. */
export function lapsedInstances(entries: readonly AccountEntry[]): LapsedInstance[] {
  return entries
    .flatMap((entry) => entry.rows)
    .flatMap((row): LapsedInstance[] =>
      row.subscription === 'inactive' || row.subscription === 'expired'
        ? [
            {
              key: row.key,
              provider: row.provider,
              accountName: row.accountName,
              instanceId: row.instanceId,
              externalId: row.externalId,
              subscription: row.subscription,
              lastPaidDay: row.paidUntil,
              autoRenew: row.autoRenew,
              cost: row.cost,
            },
          ]
        : [],
    )
    .sort((a, b) => (a.lastPaidDay ?? '').localeCompare(b.lastPaidDay ?? '') || a.key.localeCompare(b.key));
}
