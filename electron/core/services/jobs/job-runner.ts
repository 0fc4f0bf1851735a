import { randomUUID } from 'node:crypto';
import type { JobProgress } from '../../../../shared/jobs';
import { AppError, toAppErrorShape } from '../../app-error';
import type { Logger } from '../../log';

export interface JobControl {
  readonly jobId: string;
  /** Aborted when the user cancels: pass it to every provider call. */
  readonly signal: AbortSignal;
  setTotal(total: number): void;
  /** One item done; `ok: false` counts it as failed (its details are the feature's own result). */
  tick(ok: boolean): void;
}

/**
 * Runs long work in the background and reports it: the caller gets a job id at once, progress is pushed as the
 * `jobs.progress` event (at most every `throttleMs`, and always at the end), and `cancel` aborts the job's signal.
 * A job that throws ends as `failed` with a typed error; one that was cancelled ends as `cancelled`.
 */
export function createJobRunner(deps: { emit: (progress: JobProgress) => void; log: Logger; throttleMs?: number }) {
  const throttleMs = deps.throttleMs ?? 100;
  const jobs = new Map<string, { progress: JobProgress; abort: AbortController; timer: NodeJS.Timeout | null }>();

  const publish = (jobId: string, force = false) => {
    const job = jobs.get(jobId);
    if (!job) return;
    if (force) {
      if (job.timer) clearTimeout(job.timer);
      job.timer = null;
      deps.emit({ ...job.progress });
      return;
    }
    job.timer ??= setTimeout(() => {
      job.timer = null;
      deps.emit({ ...job.progress });
    }, throttleMs);
  };

  return {
    start<T>(kind: string, work: (job: JobControl) => Promise<T>): { jobId: string; done: Promise<T | undefined> } {
      const jobId = randomUUID();
      const abort = new AbortController();
      const progress: JobProgress = {
        jobId,
        kind,
        state: 'running',
        done: 0,
        total: 0,
        failed: 0,
        startedAt: new Date().toISOString(),
        finishedAt: null,
        error: null,
      };
      jobs.set(jobId, { progress, abort, timer: null });
      const control: JobControl = {
        jobId,
        signal: abort.signal,
        setTotal: (total) => ((progress.total = total), publish(jobId)),
        tick: (ok) => {
          progress.done += 1;
          if (!ok) progress.failed += 1;
          publish(jobId);
        },
      };
      publish(jobId, true);
      const finish = (state: JobProgress['state'], error: JobProgress['error'] = null) => {
        progress.state = state;
        progress.error = error;
        progress.finishedAt = new Date().toISOString();
        publish(jobId, true);
      };
      const done = work(control).then(
        (result) => (finish(abort.signal.aborted ? 'cancelled' : 'finished'), result),
        (error: unknown) => {
          if (abort.signal.aborted) finish('cancelled');
          else {
            deps.log.error('job failed', { kind, error: error instanceof Error ? error.message : String(error) });
            finish('failed', toAppErrorShape(error));
          }
          return undefined;
        },
      );
      return { jobId, done };
    },

    cancel(jobId: string): void {
      const job = jobs.get(jobId);
      if (!job) throw new AppError('not_found', 'That job is no longer known; it may have finished long ago.');
      job.abort.abort();
    },

    /** Running jobs and recently finished ones, newest first. */
    list(): JobProgress[] {
      return [...jobs.values()].map((job) => ({ ...job.progress })).reverse();
    },
  };
}
export type JobRunner = ReturnType<typeof createJobRunner>;
