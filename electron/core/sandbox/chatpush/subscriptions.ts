import { EPOCH_MS, isoDate } from '../world-kit';
import { addDays, addMonths, daysBetween } from './calendar';
import { debit } from './ledger';
import type { ChatpushInstanceRecord, ChatpushWorld } from './world';

/**
 * §2 Renew and §7.1 Developer's office: activating a subscription debits the developer's (master) balance by
 * the instance's cost and extends it one month, from its last paid day or from today if it had lapsed (the
 * example renewed on 27 Nov 2023 to 2023-12-27). False when the balance is short: "not enough money".
 */
export function renewInstance(world: ChatpushWorld, instance: ChatpushInstanceRecord, today: string): boolean {
  if (!debit(world.developer, instance.subscriptionCost)) return false;
  const from = instance.subscriptionPaidUntil >= today ? instance.subscriptionPaidUntil : today;
  instance.subscriptionPaidUntil = addMonths(from, 1);
  instance.subscriptionStatus = 'active';
  return true;
}

/**
 * What the passing of days does: a subscription past its last paid day renews itself (auto-renew on, money
 * enough, one month at a time from the due date) or becomes inactive. ISO dates compare as strings, so a fleet of
 * ten thousand is one cheap pass.
 */
export function settleSubscriptions(world: ChatpushWorld, today: string): void {
  for (const instance of world.instances) {
    while (instance.subscriptionPaidUntil < today && instance.renewSubscription) {
      if (!debit(world.developer, instance.subscriptionCost)) break;
      instance.subscriptionPaidUntil = addMonths(instance.subscriptionPaidUntil, 1);
    }
    instance.subscriptionStatus = instance.subscriptionPaidUntil >= today ? 'active' : 'inactive';
  }
}

/**
 * The seeded world is dated around a fixed day (world-kit EPOCH) so a seed always gives the same data; once the
 * servers run, its dates move to the sandbox's today, so "paid until" means the same number of days left.
 */
export function rebaseSeededDates(world: ChatpushWorld, today: string): void {
  if (world.datesRebased) return;
  world.datesRebased = true;
  const shift = daysBetween(isoDate(EPOCH_MS), today);
  for (const instance of world.instances) instance.subscriptionPaidUntil = addDays(instance.subscriptionPaidUntil, shift);
}
