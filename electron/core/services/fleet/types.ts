import type { Chat2DeskLimits, QuotaSeen, TokenBalance } from '../../../../shared/balances';
import type { AppErrorShape } from '../../../../shared/errors';
import type { AccountRefresh, InstanceRow } from '../../../../shared/fleet';
import type { ProviderClients } from '../provider-clients';
import type { ConcurrencyLimit } from './concurrency';
import type { RowContext } from './row-mapping';

/** What a refresh learns about an account besides its rows: balances and limits, for the Balances screen. */
export interface AccountFacts {
  tokens: TokenBalance[];
  chat2desk: Chat2DeskLimits | null;
  quotas: QuotaSeen[];
}

/** One account as the last refresh left it. */
export interface AccountEntry {
  rows: InstanceRow[];
  facts: AccountFacts;
  refresh: AccountRefresh;
}

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
