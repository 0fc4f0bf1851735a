import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../../shared/jobs';
import { AppError } from '../../app-error';
import { silentLogger } from '../../log';
import { createJobRunner } from './job-runner';

function runner() {
  const events: JobProgress[] = [];
  return { events, jobs: createJobRunner({ emit: (p) => events.push(p), log: silentLogger, throttleMs: 5 }) };
}

describe('job runner', () => {
  it('reports start, throttled progress and a final state with counts', async () => {
    const { events, jobs } = runner();
    const { jobId, done } = jobs.start('test.work', async (job) => {
      job.setTotal(3);
      job.tick(true);
      job.tick(false);
      job.tick(true);
      return 'result';
    });
    expect(await done).toBe('result');
    expect(events[0]).toMatchObject({ jobId, kind: 'test.work', state: 'running', done: 0 });
    expect(events.at(-1)).toMatchObject({ jobId, state: 'finished', done: 3, total: 3, failed: 1, error: null });
    expect(events.length).toBeLessThanOrEqual(3);
  });

  it('cancels through the signal and ends as cancelled', async () => {
    const { events, jobs } = runner();
    const { jobId, done } = jobs.start('test.cancel', (job) => new Promise((_, reject) => job.signal.addEventListener('abort', () => reject(new Error('aborted')))));
    jobs.cancel(jobId);
    await done;
    expect(events.at(-1)).toMatchObject({ jobId, state: 'cancelled', error: null });
    expect(() => jobs.cancel('nope')).toThrow(AppError);
  });

  it('turns a thrown error into a failed job with a typed error', async () => {
    const { events, jobs } = runner();
    const { done } = jobs.start('test.fail', async () => {
      throw new AppError('provider_unavailable', 'GREEN-API is down');
    });
    await done;
    expect(events.at(-1)).toMatchObject({ state: 'failed', error: { code: 'provider_unavailable', message: 'GREEN-API is down' } });
    expect(jobs.list()[0]?.state).toBe('failed');
  });
});
