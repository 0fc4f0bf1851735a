import { z } from 'zod';
import { Chat2DeskLimitsSchema, QuotaSeenSchema, TokenBalanceSchema } from '../../../../shared/balances';
import type { AppErrorShape } from '../../../../shared/errors';
import { AccountRefreshSchema, InstanceRowSchema, type InstanceRow } from '../../../../shared/fleet';
import type { ProviderClients } from '../provider-clients';
import type { ConcurrencyLimit } from './concurrency';
import type { RowContext } from './row-mapping';

/**
 * What a refresh learns about an account besides its rows: balances and limits, for the Balances screen. A token's
 * label, customer id and balance only — never the token itself: these facts are saved with the fleet (fleet-file.ts).
 */
export const AccountFactsSchema = z.object({
  tokens: z.array(TokenBalanceSchema),
  chat2desk: Chat2DeskLimitsSchema.nullable(),
  quotas: z.array(QuotaSeenSchema),
});
export type AccountFacts = z.infer<typeof AccountFactsSchema>;

/** One account as the last refresh left it. */
export const AccountEntrySchema = z.object({
  rows: z.array(InstanceRowSchema),
  facts: AccountFactsSchema,
  refresh: AccountRefreshSchema,
});
export type AccountEntry = z.infer<typeof AccountEntrySchema>;

/** Progress of a refresh, in instances: totals grow as providers say how many there are. */
export interface RefreshProgress {
  grow(count: number): void;
  done(ok: boolean, count?: number): void;
}

export interface ReadContext extends RowContext {
  clients: ProviderClients;
  signal: AbortSignal;
  limit: ConcurrencyLimit;
  progress: RefreshProgress;
}

/** What reading one account produced; `error` is set when nothing could be read at all. */
export interface AccountRead {
  rows: InstanceRow[];
  facts: AccountFacts;
  error: AppErrorShape | null;
}

export const NO_FACTS: AccountFacts = { tokens: [], chat2desk: null, quotas: [] };
