import { z } from 'zod';
import { BalanceCsvColumnSchema, BalancesViewSchema, BalanceSnapshotSchema } from '../balances';
import { MoneySchema } from '../money';
import { call, Empty } from './define';

/** Balances and subscriptions across accounts, from what the last fleet refresh read. */
export const balanceCalls = {
  'balances.view': call(Empty, BalancesViewSchema),
  /** Balances and counts after each refresh, oldest first, for the chart. */
  'balances.snapshots': call(
    z.object({ limit: z.number().int().min(1).max(1000).default(90) }).strict(),
    z.object({ snapshots: z.array(BalanceSnapshotSchema) }),
  ),
  /** Warn when this account's balance falls below an amount; null stops warning. */
  'balances.setThreshold': call(z.object({ accountId: z.string().min(1).max(64), threshold: MoneySchema.nullable() }).strict(), BalancesViewSchema),
  /** The per-account table as CSV, with headers and yes/no in the user's language. */
  'balances.exportCsv': call(
    z
      .object({
        headers: z.partialRecord(BalanceCsvColumnSchema, z.string().max(120)).default({}),
        words: z.object({ yes: z.string().max(40), no: z.string().max(40) }).default({ yes: 'yes', no: 'no' }),
      })
      .strict(),
    z.object({ filename: z.string(), csv: z.string() }),
  ),
} as const;
