import { z } from 'zod';
import { AppErrorSchema } from './errors';

/** Long work (fleet refresh, bulk actions, bulk lookups) runs as a job: progress is pushed, and it can be cancelled. */
export const JobStateSchema = z.enum(['running', 'finished', 'cancelled', 'failed']);
export const JobProgressSchema = z.object({
  jobId: z.string(),
  /** What kind of work, e.g. `instances.refresh`, `deliveries.bulkLookup`: screens pick their own jobs by it. */
  kind: z.string(),
  state: JobStateSchema,
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Why the whole job stopped, when it did (per-item failures are the feature's own results). */
  error: AppErrorSchema.nullable(),
});
export type JobProgress = z.infer<typeof JobProgressSchema>;
