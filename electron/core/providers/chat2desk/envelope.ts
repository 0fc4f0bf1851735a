import { z } from 'zod';
import { IntLikeSchema } from '../http';

/**
 * A4: success is `{"data":…,"status":"success"}`; lists add `meta`. Some answers carry only `{"status":"success"}`
 * (DELETE webhooks, PUT operators) and `statistics` has no `status` at all, so `status` is optional everywhere.
 */
export function dataOf<T extends z.ZodType>(data: T): z.ZodType<z.output<T>> {
  return z.object({ data, status: z.string().optional() }).transform((envelope) => (envelope as { data: z.output<T> }).data);
}

/**
 * A4 [AMBIG]: the examples of messages, dialogs, tags … are bare (Python-repr) objects and arrays, so the real
 * wrapping cannot be told from the document. Both readings are accepted: enveloped first, then bare.
 */
export function dataOrBare<T extends z.ZodType>(data: T): z.ZodType<z.output<T>> {
  return z.union([dataOf(data), data]) as z.ZodType<z.output<T>>;
}

/** `{"status":"success"}` alone, or anything else a write may answer with when its reply is undocumented. */
export const AcknowledgementSchema = z.unknown().transform(() => undefined);

/** A3: `meta` echoes the total, the effective limit and the offset. */
export const ListMetaSchema = z.object({ total: IntLikeSchema, limit: IntLikeSchema, offset: IntLikeSchema });

/** A page of a limit/offset list (A3). */
export interface OffsetPage<T> {
  items: T[];
  /** meta.total; [CONTRA] A3: operator_stats shows 1 row with total 0, so it is informative, not a loop bound. */
  total: number;
  /** The limit the server applied (meta echoes it; default 20, maximum 200). */
  limit: number;
  offset: number;
}

export function pageOf<T extends z.ZodType>(item: T): z.ZodType<OffsetPage<z.output<T>>> {
  return z.object({ data: z.array(item), meta: ListMetaSchema.optional(), status: z.string().optional() }).transform((envelope) => {
    const { data, meta } = envelope as { data: z.output<T>[]; meta?: z.output<typeof ListMetaSchema> };
    return { items: data, total: meta?.total ?? data.length, limit: meta?.limit ?? data.length, offset: meta?.offset ?? 0 };
  });
}
