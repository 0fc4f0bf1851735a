import { setMaxListeners } from 'node:events';
import type { BulkLookupItem, BulkLookupResults } from '../../../../shared/deliveries';
import { AppError, toAppErrorShape } from '../../app-error';
import type { JobRunner } from '../jobs/job-runner';
import type { ChatpushClientTarget, ChatpushDeliveries } from './chatpush-deliveries';
import { runPaced, type PacingOptions } from './pacer';

/** Finished bulk lookups kept for the results view and the CSV export; older ones are forgotten. */
const KEEP_RESULTS = 20;

/**
 * Bulk lookup of delivery ids (§6.3 has no batch call: one GET per id), run as a job with progress and cancel.
 * An id the platform does not know for this token is a result ("unknown"), not a failure of the whole job.
 */
export function createBulkLookups(deps: { deliveries: ChatpushDeliveries; jobs: JobRunner; pacing?: Partial<PacingOptions> }) {
  const store = new Map<string, BulkLookupResults>();

  return {
    start(target: ChatpushClientTarget, ids: readonly number[]): { jobId: string; done: Promise<unknown> } {
      return deps.jobs.start('deliveries.bulkLookup', async (job) => {
        const record: BulkLookupResults = { jobId: job.jobId, total: ids.length, items: [], rateLimited: 0 };
        store.set(job.jobId, record);
        for (const old of [...store.keys()].slice(0, Math.max(0, store.size - KEEP_RESULTS))) store.delete(old);
        job.setTotal(ids.length);
        // Every request in flight listens to the job's cancel signal: many at once is the point, not a leak.
        setMaxListeners(0, job.signal);
        const { api } = await deps.deliveries.customer(target, job.signal, { kind: 'none' });

        const settle = (item: BulkLookupItem) => {
          record.items.push(item);
          job.tick(item.ok);
          return item;
        };
        const outcome = await runPaced(
          ids,
          async (id) => {
            try {
              return settle({ id, ok: true, delivery: await api.getDelivery(id) });
            } catch (error) {
              const code = error instanceof AppError ? error.code : 'internal';
              if (code === 'rate_limited' || code === 'cancelled') throw error;
              return settle({ id, ok: false, unknown: code === 'provider_not_found', error: toAppErrorShape(error) });
            }
          },
          {
            pacing: deps.pacing,
            signal: job.signal,
            onRateLimited: (id) =>
              settle({ id, ok: false, unknown: false, error: toAppErrorShape(new AppError('rate_limited', `Delivery ${id} was not looked up: the platform kept answering 429.`)) }),
          },
        );
        record.rateLimited = outcome.rateLimited;
      });
    },

    results(jobId: string): BulkLookupResults {
      const record = store.get(jobId);
      if (!record) throw new AppError('not_found', 'Those lookup results are no longer kept: run the lookup again.');
      return { ...record, items: [...record.items] };
    },
  };
}
