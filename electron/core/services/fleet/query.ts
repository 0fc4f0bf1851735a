import type { FleetColumn, FleetCounts, FleetFilter, FleetSort, InstanceRow } from '../../../../shared/fleet';
import { compareMoney } from '../../../../shared/money';

/** Days within which a subscription counts as expiring soon (the counts chip and the balance warnings). */
export const EXPIRING_SOON_DAYS = 7;

const searchText = new WeakMap<InstanceRow, string>();
/** Everything a search word may match, lower-cased once per row. */
function haystack(row: InstanceRow): string {
  let text = searchText.get(row);
  if (text === undefined) {
    text = [row.instanceId, row.externalId, row.phone, row.label, row.accountName].filter(Boolean).join('\u0000').toLowerCase();
    searchText.set(row, text);
  }
  return text;
}

const valueOrNone = (value: string | null) => value ?? 'none';

/** A predicate for the filter; every part given must match (AND), values within a part are alternatives (OR). */
export function rowMatcher(filter: FleetFilter): (row: InstanceRow) => boolean {
  const words = filter.search.toLowerCase().split(/\s+/).filter(Boolean);
  const providers = new Set(filter.providers);
  const accounts = new Set(filter.accountIds);
  const whatsapp = new Set<string>(filter.whatsapp);
  const telegram = new Set<string>(filter.telegram);
  const subscription = new Set<string>(filter.subscription);
  const within = filter.expiringWithinDays;
  return (row) =>
    (providers.size === 0 || providers.has(row.provider)) &&
    (accounts.size === 0 || accounts.has(row.accountId)) &&
    (whatsapp.size === 0 || whatsapp.has(valueOrNone(row.whatsapp))) &&
    (telegram.size === 0 || telegram.has(valueOrNone(row.telegram))) &&
    (subscription.size === 0 || subscription.has(valueOrNone(row.subscription))) &&
    (filter.autoRenew === 'any' || row.autoRenew === (filter.autoRenew === 'on')) &&
    (within === null || (row.daysLeft !== null && row.daysLeft <= within)) &&
    (!filter.problemsOnly || row.error !== null) &&
    words.every((word) => haystack(row).includes(word));
}

type Comparable = string | number | boolean | null;
const SORT_VALUE: Record<Exclude<FleetColumn, 'cost'>, (row: InstanceRow) => Comparable> = {
  provider: (row) => row.provider,
  account: (row) => row.accountName.toLowerCase(),
  instanceId: (row) => row.instanceId,
  externalId: (row) => row.externalId,
  label: (row) => row.label?.toLowerCase() ?? null,
  phone: (row) => row.phone,
  whatsapp: (row) => row.whatsapp,
  telegram: (row) => row.telegram,
  queue: (row) => row.queueSize,
  subscription: (row) => row.subscription,
  paidUntil: (row) => row.paidUntil,
  daysLeft: (row) => row.daysLeft,
  autoRenew: (row) => row.autoRenew,
};

const collator = new Intl.Collator('en', { numeric: true });
function compareValues(a: Comparable, b: Comparable): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  // Ids are digit strings of varying length: numeric collation sorts 99 before 100.
  return collator.compare(String(a), String(b));
}

/**
 * A comparator for the sort. Empty values go last in both directions (they are "not known", not "smallest"), and
 * ties fall back to the row key so pages stay stable while the user scrolls.
 */
export function rowComparator(sort: FleetSort | null): (a: InstanceRow, b: InstanceRow) => number {
  const byKey = (a: InstanceRow, b: InstanceRow) => collator.compare(a.key, b.key);
  if (!sort) return byKey;
  const sign = sort.direction === 'asc' ? 1 : -1;
  const compare =
    sort.column === 'cost' ? nullsLast((row) => row.cost, compareMoney, sign) : nullsLast(SORT_VALUE[sort.column], compareValues, sign);
  return (a, b) => compare(a, b) || byKey(a, b);
}

function nullsLast<T>(value: (row: InstanceRow) => T | null, by: (x: T, y: T) => number, sign: number) {
  return (a: InstanceRow, b: InstanceRow): number => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return by(x, y) * sign;
  };
}

/** Counts per state over the whole fleet: what the chips above the table show. */
export function countRows(rows: readonly InstanceRow[]): FleetCounts {
  const counts: FleetCounts = { total: rows.length, whatsapp: {}, telegram: {}, subscription: {}, problems: 0, expiringSoon: 0 };
  const bump = (map: Record<string, number>, key: string) => (map[key] = (map[key] ?? 0) + 1);
  for (const row of rows) {
    bump(counts.whatsapp, valueOrNone(row.whatsapp));
    bump(counts.telegram, valueOrNone(row.telegram));
    bump(counts.subscription, valueOrNone(row.subscription));
    if (row.error) counts.problems++;
    if (row.daysLeft !== null && row.daysLeft <= EXPIRING_SOON_DAYS) counts.expiringSoon++;
  }
  return counts;
}
