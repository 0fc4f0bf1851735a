import type { AuditEntry } from '../../../../shared/audit';
import {
  FleetQuerySchema,
  type AccountRefresh,
  type FleetAction,
  type FleetColumn,
  type FleetFilter,
  type FleetPage,
  type FleetQueryInput,
  type FleetSort,
} from '../../../../shared/fleet';
import type { QuarantinedFile } from '../../../../shared/vault';
import { silentLogger, type Logger } from '../../log';
import type { KeyValueStore } from '../../ports';
import type { JobControl, JobRunner } from '../jobs/job-runner';
import type { ProviderClients } from '../provider-clients';
import { createBulkRunner } from './bulk-runner';
import { createFleetCache } from './fleet-cache';
import { fleetCsv } from './fleet-csv';
import { createFleetWriter, loadSavedFleet, type FleetWriter, type LoadedFleet } from './fleet-file';
import { isFleetProvider, refreshFleet, type FleetAccounts, type FleetProvider } from './refresh';
import type { AccountEntry } from './types';
import { createViewPrefs } from './view-prefs';

export interface FleetDeps {
  accounts: FleetAccounts;
  clients: ProviderClients;
  jobs: JobRunner;
  store: KeyValueStore;
  /** Tells renderers the rows changed (throttled here). */
  changed: (revision: number) => void;
  audit?: { append(entry: Omit<AuditEntry, 'at' | 'actor'>): void };
  concurrency?: Partial<Record<FleetProvider, number>>;
  now?: () => Date;
  /** Minimum time between two `changed` notices while rows stream in. */
  changedEveryMs?: number;
  /**
   * Where the fleet is kept between sessions (fleet-file.ts); without it the fleet lives in memory only. Loaded
   * at creation, written debounced as it changes and at the end of every refresh.
   */
  file?: string;
  /** Quiet time before a change is written to `file`. */
  saveDelayMs?: number;
  log?: Logger;
}

/** Hooks for what builds on the fleet (balances, alerts): an account's old and new entry, and the end of a refresh. */
export interface FleetListener {
  committed?(accountId: string, previous: AccountEntry | undefined, next: AccountEntry): void;
  /** Still inside the refresh job: what it awaits (reads of its own, under the job's signal) ends before the job. */
  refreshed?(signal: AbortSignal): void | Promise<void>;
}

/**
 * The fleet across every account: refreshed as a job, kept in main, served a page at a time, acted on in bulk.
 */
export function createFleetService(deps: FleetDeps) {
  const listeners: FleetListener[] = [];
  const log = deps.log ?? silentLogger;
  let timer: NodeJS.Timeout | null = null;
  let writer: FleetWriter | null = null;
  const cache = createFleetCache(() => {
    timer ??= setTimeout(() => {
      timer = null;
      deps.changed(cache.revision);
    }, deps.changedEveryMs ?? 200);
    writer?.changed();
  });
  const bulk = createBulkRunner({ ...deps, cache });
  const view = createViewPrefs(deps.store);
  let refreshJob: string | null = null;
  const runningRefresh = () => (refreshJob && deps.jobs.list().some((job) => job.jobId === refreshJob && job.state === 'running') ? refreshJob : null);
  let refreshedAt: string | null = null;

  // The last session's fleet: shown until each account is read again, and the "previous" its first read compares to.
  const loaded: LoadedFleet = deps.file ? loadSavedFleet(deps.file, log) : { saved: null, quarantined: null };
  for (const entry of loaded.saved?.accounts ?? []) cache.commit(entry.refresh.accountId, entry);
  refreshedAt = loaded.saved?.refreshedAt ?? null;
  const fromLastSession = new Set(loaded.saved?.accounts.map((entry) => entry.refresh.accountId));
  if (deps.file) {
    const now = () => deps.now?.() ?? new Date();
    writer = createFleetWriter(
      deps.file,
      () => ({ version: 1, savedAt: now().toISOString(), refreshedAt, accounts: cache.entries() }),
      { delayMs: deps.saveDelayMs, log },
    );
  }
  /** When the oldest rows still shown from the last session were read; null once every account was read again. */
  const asOf = () =>
    [...fromLastSession]
      .map((accountId) => cache.entry(accountId)?.refresh.refreshedAt ?? null)
      .filter((at): at is string => at !== null)
      .sort()[0] ?? null;

  /** Accounts that still exist and have instances to list; rows of removed accounts are dropped. */
  const liveAccounts = () => {
    const records = deps.accounts.records().filter((record) => isFleetProvider(record.provider));
    cache.retain(new Set(records.map((record) => record.id)));
    return records;
  };

  /** Reads the accounts into the cache, telling the listeners each account's old and new entry, then the end. */
  const readAll = async (job: JobControl, accountIds: readonly string[] | undefined) => {
    await refreshFleet(deps, job, accountIds, (record, read, at) => {
      const failedRows = read.rows.filter((row) => row.error !== null).length;
      const entry: AccountEntry = {
        rows: read.rows,
        facts: read.facts,
        refresh: {
          accountId: record.id,
          accountName: record.name,
          provider: record.provider,
          state: read.error ? 'failed' : failedRows > 0 ? 'partial' : 'ok',
          instances: read.rows.length,
          failedRows,
          error: read.error,
          refreshedAt: at,
        },
      };
      const previous = cache.entry(record.id);
      fromLastSession.delete(record.id);
      cache.commit(record.id, entry);
      for (const listener of listeners) listener.committed?.(record.id, previous, entry);
    });
    // Inside the job, so that whoever sees its last progress event also sees the balances and snapshot it made.
    refreshedAt = (deps.now?.() ?? new Date()).toISOString();
    for (const listener of listeners) await listener.refreshed?.(job.signal);
  };

  // Accounts removed while the console was closed go with their rows (and out of the file at the next save).
  if (loaded.saved) liveAccounts();

  const accountStates = (): AccountRefresh[] =>
    liveAccounts().map(
      (record) =>
        cache.entry(record.id)?.refresh ?? {
          accountId: record.id,
          accountName: record.name,
          provider: record.provider,
          state: 'never',
          instances: 0,
          failedRows: 0,
          error: null,
          refreshedAt: null,
        },
    );

  return {
    cache,
    listen(listener: FleetListener): void {
      listeners.push(listener);
    },

    /** Starts a refresh, or returns the one already running (a second click must not double the load). */
    refresh(accountIds?: string[]): { jobId: string } {
      const running = runningRefresh();
      if (running) return { jobId: running };
      const { jobId } = deps.jobs.start('fleet.refresh', async (job) => {
        // Saved however the refresh ends (cancelled half-way, the accounts read so far are current), before the job.
        try {
          await readAll(job, accountIds);
        } finally {
          await writer?.flush();
        }
      });
      refreshJob = jobId;
      return { jobId };
    },

    query(input: FleetQueryInput): FleetPage {
      const { filter, sort, offset, limit } = FleetQuerySchema.parse(input);
      const accounts = accountStates();
      const rows = cache.view(filter, sort);
      return {
        rows: rows.slice(offset, offset + limit),
        offset,
        total: rows.length,
        counts: cache.counts(),
        revision: cache.revision,
        refreshedAt,
        asOf: asOf(),
        refreshJobId: runningRefresh(),
        accounts,
      };
    },

    keys(filter: FleetFilter): string[] {
      liveAccounts();
      return cache.view(filter, null).map((row) => row.key);
    },

    bulk: (action: FleetAction, keys: readonly string[]) => bulk.start(action, keys),
    bulkResults: (jobId: string, from: number) => bulk.results(jobId, from),

    exportCsv(input: { filter: FleetFilter; sort: FleetSort | null; columns: { column: FleetColumn; header: string }[]; labels: Record<string, string> }) {
      liveAccounts();
      const rows = cache.view(input.filter, input.sort);
      const stamp = (deps.now?.() ?? new Date()).toISOString().slice(0, 10);
      return { filename: `switchboard-instances-${stamp}.csv`, csv: fleetCsv(rows, input.columns, input.labels), rows: rows.length };
    },

    /** Every account with instances and how its last refresh went ('never' before the first). */
    accounts: accountStates,
    /** The saved fleet, when it could not be read at start-up and was moved aside. */
    quarantined: (): QuarantinedFile[] => (loaded.quarantined ? [loaded.quarantined] : []),
    /** Writes what is not saved yet (a bulk action's last rows); resolves once it is on disk. */
    flush: () => writer?.flush() ?? Promise.resolve(),
    view,
  };
}
export type FleetService = ReturnType<typeof createFleetService>;
