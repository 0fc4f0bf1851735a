import { z } from 'zod';

/**
 * Part B: "The API currently has a limit of 8MB for any individual request". Read as 8 000 000 bytes, the stricter
 * of the two readings of "MB", so what the console sends fits either.
 */
export const REQUEST_LIMIT_BYTES = 8_000_000;

/**
 * A request timestamp: a Date goes out as ISO 8601; text is passed as written, since Chatti takes "reasonably
 * flexible" values (`2001-12-31`, `01/01/1970`, `last Monday`, `yesterday`: Part B "Timestamps").
 */
const TimestampSchema = z.union([z.date().transform((date) => date.toISOString()), z.string().trim().min(1)]);

/** Part B pagination: page ≥ 1 (default 1), per_page 1–1000 (default 50), after (inclusive), before (exclusive). */
export const ListParamsSchema = z.object({
  page: z.number().int().min(1).optional(),
  perPage: z.number().int().min(1).max(1000).optional(),
  after: TimestampSchema.optional(),
  before: TimestampSchema.optional(),
});
export type ChattiListParams = z.input<typeof ListParamsSchema>;

export { RequestPathSchema, WorkbenchRequestSchema } from '../../../../shared/chatti-workbench';
import type { WorkbenchRequestSchema } from '../../../../shared/chatti-workbench';
export type ChattiWorkbenchRequest = z.input<typeof WorkbenchRequestSchema>;
