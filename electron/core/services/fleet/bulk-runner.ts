import { setMaxListeners } from 'node:events';
import type { AccountDraft } from '../../../../shared/accounts';
import type { AuditEntry } from '../../../../shared/audit';
import { FLEET_ACTIONS, type BulkItemResult, type BulkResults, type FleetAction } from '../../../../shared/fleet';
import { AppError, toAppErrorShape } from '../../app-error';
import type { JobRunner } from '../jobs/job-runner';
import type { ProviderClients } from '../provider-clients';
import { BULK_ACTIONS } from './bulk-actions';
import { createConcurrencyLimit } from './concurrency';
import type { FleetCache } from './fleet-cache';
import { DEFAULT_CONCURRENCY, isFleetProvider, type FleetAccounts, type FleetProvider } from './refresh';

/** Finished bulk jobs whose results are kept for the renderer to read. */
const KEPT_JOBS = 20;

interface Kept {
  action: FleetAction;
  total: number;
  items: BulkItemResult[];
  finished: boolean;
}

export interface BulkDeps {
  cache: FleetCache;
  accounts: FleetAccounts;
  clients: ProviderClients;
  jobs: JobRunner;
  /** Every instance touched is written to the audit log on its own (a renewal spends money). */
  audit?: { append(entry: Omit<AuditEntry, 'at' | 'actor'>): void };
  concurrency?: Partial<Record<FleetProvider, number>>;
  now?: () => Date;
}

/**
 * Runs one action over many rows as a job: each provider under its concurrency limit, each row's outcome
 * recorded (ok, failed with the provider's error, skipped when its provider has no such action, cancelled), and
 * the row patched in the cache on success.
 */
export function createBulkRunner(deps: BulkDeps) {
  const results = new Map<string, Kept>();
  const keep = (jobId: string, record: Kept) => {
    results.set(jobId, record);
    for (const old of [...results.keys()].slice(0, Math.max(0, results.size - KEPT_JOBS))) results.delete(old);
  };

  return {
    start(action: FleetAction, keys: readonly string[]): { jobId: string; accepted: number } {
      const unique = [...new Set(keys)];
      const record: Kept = { action, total: unique.length, items: [], finished: false };
      const { jobId } = deps.jobs.start(`fleet.${action}`, async (job) => {
        job.setTotal(unique.length);
        // Every request of the action listens to the job's signal: many at once are expected, not a leak.
        setMaxListeners(0, job.signal);
        const limits = new Map<FleetProvider, ReturnType<typeof createConcurrencyLimit>>();
        const limitFor = (provider: FleetProvider) =>
          limits.get(provider) ?? limits.set(provider, createConcurrencyLimit(deps.concurrency?.[provider] ?? DEFAULT_CONCURRENCY[provider])).get(provider)!;
        const resolved = new Map<string, Promise<AccountDraft>>();
        const resolve = (accountId: string) => resolved.get(accountId) ?? resolved.set(accountId, deps.accounts.resolve(accountId)).get(accountId)!;

        await Promise.all(
          unique.map(async (key) => {
            const row = deps.cache.find(key);
            const item: BulkItemResult = {
              key,
              instanceId: row?.instanceId ?? key,
              accountName: row?.accountName ?? '',
              outcome: 'ok',
              error: null,
              paidUntil: null,
            };
            const finish = (outcome: BulkItemResult['outcome'], error: unknown = null) => {
              item.outcome = outcome;
              item.error = error === null ? null : toAppErrorShape(error);
              record.items.push(item);
              job.tick(outcome === 'ok' || outcome === 'skipped');
              if (outcome === 'ok' || outcome === 'failed') {
                deps.audit?.append({
                  call: `fleet.${action}`,
                  target: item.instanceId,
                  targetName: item.accountName,
                  result: item.error?.code ?? 'ok',
                  message: item.error?.message ?? null,
                });
              }
            };
            if (!row) return finish('failed', new AppError('not_found', 'This instance is no longer in the fleet. Refresh and select again.'));
            if (!FLEET_ACTIONS[row.provider].includes(action) || !isFleetProvider(row.provider)) return finish('skipped');
            await limitFor(row.provider)(async () => {
              if (job.signal.aborted) return finish('cancelled');
              try {
                const account = await resolve(row.accountId);
                const patch = await BULK_ACTIONS[action]({ account, row, clients: deps.clients, signal: job.signal, now: deps.now?.() ?? new Date() });
                deps.cache.patch(key, patch);
                item.paidUntil = patch.paidUntil ?? null;
                finish('ok');
              } catch (error) {
                finish(job.signal.aborted ? 'cancelled' : 'failed', error);
              }
            });
          }),
        );
        record.finished = true;
      });
      keep(jobId, record);
      return { jobId, accepted: unique.length };
    },

    /** The items that finished from index `from` on. */
    results(jobId: string, from: number): BulkResults {
      const record = results.get(jobId);
      if (!record) throw new AppError('not_found', 'The results of that action are no longer kept. Run it again to see them.');
      return { jobId, action: record.action, total: record.total, from, items: record.items.slice(from), finished: record.finished };
    },
  };
}
