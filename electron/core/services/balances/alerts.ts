import { createHash } from 'node:crypto';
import { EXPIRING_ALERT_DAYS, type AccountBalance, type Alert } from '../../../../shared/balances';
import type { InstanceRow } from '../../../../shared/fleet';

/** Ids named in an alert; the count says how many there are in all. */
const NAMED = 5;

const linked = (row: InstanceRow | undefined) => row?.whatsapp === 'authorized' || row?.telegram === 'authorized';

/** Instances that were authorized (WhatsApp or Telegram) at the previous refresh and are not any more. */
export function leftAuthorized(previous: readonly InstanceRow[], next: readonly InstanceRow[]): string[] {
  const now = new Map(next.map((row) => [row.key, row]));
  return previous.filter((row) => linked(row) && now.has(row.key) && !linked(now.get(row.key))).map((row) => row.instanceId);
}

/** Subscriptions without auto-renew that end within EXPIRING_ALERT_DAYS: they will stop unless someone renews them. */
export function expiringWithoutRenewal(rows: readonly InstanceRow[]): string[] {
  return rows
    .filter((row) => row.autoRenew === false && row.subscription === 'active' && row.daysLeft !== null && row.daysLeft <= EXPIRING_ALERT_DAYS)
    .map((row) => row.instanceId);
}

export function alertOf(kind: Alert['kind'], account: Pick<AccountBalance, 'accountId' | 'accountName'>, at: string, extra: Partial<Alert> = {}): Alert {
  const ids = extra.instanceIds ?? [];
  return {
    // The same situation gives the same id, so it is announced once, not after every refresh.
    id: `${kind}:${account.accountId}:${createHash('sha256').update(`${extra.balance ?? ''}|${ids.join(',')}`).digest('hex').slice(0, 16)}`,
    at,
    kind,
    accountId: account.accountId,
    accountName: account.accountName,
    count: extra.count ?? ids.length,
    instanceIds: ids.slice(0, NAMED),
    balance: extra.balance ?? null,
    threshold: extra.threshold ?? null,
  };
}
