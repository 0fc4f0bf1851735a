import { deliveryStatus } from '../../../../shared/chatpush-delivery-statuses';
import { toCsv } from '../../../../shared/csv';
import type { BulkLookupItem } from '../../../../shared/deliveries';
import { describeError } from '../../../errors/describe-error';
import type { Translate } from '../../../i18n/translate';

export type BulkFilter = 'all' | 'pending' | 'delivered' | 'failed' | 'unknown' | 'error';
export const BULK_FILTERS: readonly BulkFilter[] = ['all', 'pending', 'delivered', 'failed', 'unknown', 'error'];

/** Which filter bucket an item belongs to: found deliveries by their status's outcome, misses by why. */
export function bucketOf(item: BulkLookupItem): Exclude<BulkFilter, 'all'> {
  if (!item.ok) return item.unknown ? 'unknown' : 'error';
  const outcome = deliveryStatus(item.delivery.statusId)?.outcome ?? 'pending';
  return outcome === 'stopped' ? 'failed' : outcome;
}

export function bulkCounts(items: readonly BulkLookupItem[]) {
  const found = items.filter((item) => item.ok).length;
  const unknown = items.filter((item) => !item.ok && item.unknown).length;
  return { found, unknown, errors: items.length - found - unknown };
}

/** The items in the order the ids were given (they finish in any order). */
export function inInputOrder(items: readonly BulkLookupItem[], ids: readonly number[]): BulkLookupItem[] {
  const position = new Map(ids.map((id, index) => [id, index]));
  return [...items].sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
}

/** Every result, one row per id, in the user's language for the words and as the wire has it for the values. */
export function bulkCsv(items: readonly BulkLookupItem[], t: Translate): string {
  const yesNo = (value: boolean) => (value ? t('deliveries.yes') : t('deliveries.no'));
  return toCsv(items, [
    { header: t('deliveries.csv.id'), value: (item) => item.id },
    { header: t('deliveries.csv.result'), value: (item) => (item.ok ? t('deliveries.result.found') : item.unknown ? t('deliveries.result.unknown') : t('deliveries.result.error')) },
    { header: t('deliveries.csv.statusId'), value: (item) => (item.ok ? item.delivery.statusId : '') },
    { header: t('deliveries.csv.status'), value: (item) => (item.ok ? (deliveryStatus(item.delivery.statusId)?.name ?? item.delivery.statusDescription) : '') },
    { header: t('deliveries.csv.final'), value: (item) => (item.ok ? yesNo(item.delivery.final) : '') },
    { header: t('deliveries.csv.phone'), value: (item) => (item.ok ? item.delivery.phone : '') },
    { header: t('deliveries.csv.sum'), value: (item) => (item.ok ? item.delivery.sum : '') },
    { header: t('deliveries.csv.externalId'), value: (item) => (item.ok ? item.delivery.externalId : '') },
    { header: t('deliveries.csv.error'), value: (item) => (item.ok ? '' : describeError(item.error, t)) },
  ]);
}
