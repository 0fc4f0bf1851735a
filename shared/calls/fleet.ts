import { z } from 'zod';
import {
  BulkResultsSchema,
  ExportColumnSchema,
  FleetActionSchema,
  FleetFilterSchema,
  FleetPageSchema,
  FleetQuerySchema,
  FleetSortSchema,
  FleetViewSchema,
  RowKeysSchema,
} from '../fleet';
import { call, Empty } from './define';

const JobStarted = z.object({ jobId: z.string() });

/** The fleet of instances across accounts: refresh, query, bulk actions, export, and the table's layout. */
export const fleetCalls = {
  /** Reads every account's instances again (or only these accounts) as a job; progress comes as `jobs.progress`. */
  'fleet.refresh': call(z.object({ accountIds: z.array(z.string().min(1).max(64)).max(1000).optional() }).strict(), JobStarted),
  /** One page of the rows matching a filter, sorted, with counts per state and how the last refresh went. */
  'fleet.query': call(FleetQuerySchema.strict(), FleetPageSchema),
  /** Every key matching a filter: "select all N matching". */
  'fleet.keys': call(z.object({ filter: FleetFilterSchema }).strict(), z.object({ keys: z.array(z.string()) })),
  /** Runs an action on the given rows as a job; rows whose provider lacks the action are reported as skipped. */
  'fleet.bulk': call(z.object({ action: FleetActionSchema, keys: RowKeysSchema }).strict(), JobStarted.extend({ accepted: z.number().int() }), {
    audit: true,
  }),
  /** The per-row results of a bulk job, from an index on (poll as progress arrives). */
  'fleet.bulkResults': call(z.object({ jobId: z.string().min(1).max(64), from: z.number().int().min(0).default(0) }).strict(), BulkResultsSchema),
  /** The current view (filter and sort) as CSV, with the visible columns and the words of the user's language. */
  'fleet.exportCsv': call(
    z
      .object({
        filter: FleetFilterSchema,
        sort: FleetSortSchema.nullable(),
        columns: z.array(ExportColumnSchema).min(1).max(20),
        /** Words for state values, keyed `whatsapp.authorized`, `autoRenew.true`… */
        labels: z.record(z.string().max(80), z.string().max(200)).default({}),
      })
      .strict(),
    z.object({ filename: z.string(), csv: z.string(), rows: z.number().int() }),
  ),
  'fleet.getView': call(Empty, FleetViewSchema),
  'fleet.setView': call(FleetViewSchema.partial().strict(), FleetViewSchema),
} as const;
