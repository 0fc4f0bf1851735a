import type { OffsetPage } from './envelope';

/** A3: the largest page any list serves. */
export const MAX_PAGE_SIZE = 200;

/**
 * Every item of a limit/offset list (A3), page after page. The end is a short or empty page: `meta.total` is not
 * trusted as the bound ([CONTRA] A3, operator_stats: one row, total 0), and the next offset follows the rows
 * actually received, so a server that applies a smaller limit than asked is still read to the end.
 */
export async function* iterateOffsetPages<T>(
  fetchPage: (offset: number, limit: number) => Promise<OffsetPage<T>>,
  pageSize = MAX_PAGE_SIZE,
): AsyncGenerator<T> {
  for (let offset = 0; ; ) {
    const page = await fetchPage(offset, pageSize);
    yield* page.items;
    if (page.items.length === 0 || page.items.length < Math.min(pageSize, page.limit || pageSize)) return;
    offset += page.items.length;
  }
}

/**
 * Every message from `startId` on (A8): `messages (GET)` pages by `start_id` (id ≥ start_id) instead of offset.
 * The next page starts after the highest id received; a page that does not move forward ends the walk rather than
 * looping.
 */
export async function* iterateByStartId<T extends { id: number }>(
  fetchPage: (startId: number | undefined, limit: number) => Promise<T[]>,
  options: { startId?: number; pageSize?: number } = {},
): AsyncGenerator<T> {
  const pageSize = options.pageSize ?? MAX_PAGE_SIZE;
  let startId = options.startId;
  for (;;) {
    const items = await fetchPage(startId, pageSize);
    const fresh = startId === undefined ? items : items.filter((item) => item.id >= startId!);
    yield* fresh;
    if (fresh.length === 0 || items.length < pageSize) return;
    const next = Math.max(...fresh.map((item) => item.id)) + 1;
    if (startId !== undefined && next <= startId) return;
    startId = next;
  }
}
