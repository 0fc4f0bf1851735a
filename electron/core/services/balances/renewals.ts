import type { InstanceRow } from '../../../../shared/fleet';
import { multiplyMoney, sumMoney } from '../../../../shared/money';
import { addDays, addMonths } from '../fleet/dates';

/**
 * How many times a monthly auto-renewing subscription debits the balance from today through `days` days ahead.
 * A subscription paid until D renews once D has passed (spec §2 Renew, §7.1 "debits the master balance on the due
 * date and extends one month"), so it is due in the window when D is before its end. One that already lapsed with
 * auto-renew on is waiting for money: due now, and it then runs a month from today (the sandbox and §2's example
 * renew a lapsed subscription from the day of payment).
 */
export function renewalsWithin(paidUntil: string, today: string, days: number): number {
  const end = addDays(today, days);
  let due = paidUntil;
  let count = 0;
  if (due < today) {
    count = 1;
    due = addMonths(today, 1);
  }
  while (due < end) {
    count++;
    due = addMonths(due, 1);
  }
  return count;
}

/** The renewals of a set of rows within `days`: how many, and what they cost together (decimal strings, no floats). */
export function renewalCost(rows: readonly InstanceRow[], today: string, days: number): { renewals: number; cost: string } {
  let renewals = 0;
  const costs: string[] = [];
  for (const row of rows) {
    if (row.autoRenew !== true || row.paidUntil === null || row.cost === null) continue;
    const count = renewalsWithin(row.paidUntil, today, days);
    if (count === 0) continue;
    renewals += count;
    costs.push(multiplyMoney(row.cost, count));
  }
  return { renewals, cost: sumMoney(costs) };
}
