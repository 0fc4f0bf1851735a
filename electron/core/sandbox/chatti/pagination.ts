import type { SandboxRequest, SandboxResponse } from '../http-server';
import { parseFlexibleTimestamp } from './timestamps';
import { invalid, json } from './wire';

/**
 * Part B pagination for a list of records with a creation time: page (default 1), per_page (default 50, 1–1000),
 * after (inclusive), before (exclusive); the envelope with absolute page URLs that keep the other parameters.
 */
export function paginate<T extends { createdMs: number }>(req: SandboxRequest, records: T[], nowMs: number, toWire: (record: T) => unknown): SandboxResponse {
  const query = req.url.searchParams;
  const page = Number(query.get('page') ?? '1');
  const perPage = Number(query.get('per_page') ?? '50');
  if (!Number.isInteger(page) || page < 1) return invalid('page', 'The page must be at least 1.');
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 1000) return invalid('per_page', 'The per page must be between 1 and 1000.');
  const bounds: Record<'after' | 'before', number | undefined> = { after: undefined, before: undefined };
  for (const name of ['after', 'before'] as const) {
    const text = query.get(name);
    if (text === null) continue;
    bounds[name] = parseFlexibleTimestamp(text, nowMs);
    if (bounds[name] === undefined) return invalid(name, `The ${name} is not a valid date.`);
  }
  const matching = records.filter(
    (record) => (bounds.after === undefined || record.createdMs >= bounds.after) && (bounds.before === undefined || record.createdMs < bounds.before),
  );
  const total = matching.length;
  const start = (page - 1) * perPage;
  const items = matching.slice(start, start + perPage);
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const pageUrl = (n: number) => {
    const url = new URL(`${req.origin}${req.path}`);
    for (const [key, value] of query) if (key !== 'page') url.searchParams.append(key, value);
    url.searchParams.set('page', String(n));
    url.searchParams.set('per_page', String(perPage));
    return url.href;
  };
  return json({
    total,
    item_count: items.length,
    current_page: page,
    per_page: perPage,
    first_item: items.length ? start + 1 : null,
    last_item: items.length ? start + items.length : null,
    prev_page_url: page > 1 ? pageUrl(Math.min(page - 1, lastPage)) : null,
    next_page_url: page < lastPage ? pageUrl(page + 1) : null,
    data: items.map(toWire),
  });
}
