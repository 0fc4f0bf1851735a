import { z } from 'zod';
import { IntLikeSchema } from '../http';

/**
 * Part B "Pagination": `total, item_count, current_page, per_page, first_item, last_item, prev_page_url,
 * next_page_url` (null when none) and `data[]`. Every field but `data` is optional here: the console probes a
 * path the user chose, and only reads the count when the envelope is there.
 */
export const PageSchema = z.object({
  total: IntLikeSchema.optional(),
  item_count: IntLikeSchema.optional(),
  current_page: IntLikeSchema.optional(),
  per_page: IntLikeSchema.optional(),
  first_item: IntLikeSchema.nullish(),
  last_item: IntLikeSchema.nullish(),
  prev_page_url: z.string().nullish(),
  next_page_url: z.string().nullish(),
  data: z.array(z.unknown()),
});
export type ChattiPage = z.output<typeof PageSchema>;

/** Any JSON document: the probe path is the user's, so its body shape is unknown beyond "JSON". */
export const AnyJsonSchema = z.unknown();

/** A list answer, held to the whole documented envelope: what `list` and `iterate` read. */
export function listPageOf<T extends z.ZodType>(item: T) {
  return z
    .object({
      total: IntLikeSchema,
      item_count: IntLikeSchema,
      current_page: IntLikeSchema,
      per_page: IntLikeSchema,
      first_item: IntLikeSchema.nullable(),
      last_item: IntLikeSchema.nullable(),
      prev_page_url: z.string().nullable(),
      next_page_url: z.string().nullable(),
      data: z.array(item),
    })
    .transform((page) => ({
      items: page.data as z.output<T>[],
      total: page.total,
      itemCount: page.item_count,
      currentPage: page.current_page,
      perPage: page.per_page,
      firstItem: page.first_item,
      lastItem: page.last_item,
      hasPrevious: page.prev_page_url !== null,
      hasNext: page.next_page_url !== null,
    }));
}
export type ChattiListPage<T> = z.output<ReturnType<typeof listPageOf<z.ZodType<T>>>>;
