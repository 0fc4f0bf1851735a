import { useEffect } from 'react';
import { create } from 'zustand';
import type { JobProgress } from '../../shared/jobs';
import { api, call } from '../bridge/client';

/** Finished jobs remembered for screens that come back to them; running ones are never dropped. */
const KEEP_FINISHED = 200;

type JobsState = { byId: Record<string, JobProgress> };

/**
 * Every `jobs.progress` event, kept by job id from the moment the renderer starts. A screen learns its job id only
 * when the start call returns, and a short job can have reported (even finished) by then: subscribing per screen
 * after that lost those reports, and the screen showed "0 of N" for ever. One subscription for the whole app
 * cannot miss them.
 */
export const useJobsStore = create<JobsState>()(() => ({ byId: {} }));

function remember(progress: JobProgress, fromEvent: boolean) {
  useJobsStore.setState(({ byId }) => {
    // A listing is a snapshot that may be older than an event already seen: it only fills gaps.
    if (!fromEvent && byId[progress.jobId]) return { byId };
    const next = { ...byId, [progress.jobId]: progress };
    const finished = Object.values(next).filter((job) => job.state !== 'running');
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) delete next[old.jobId];
    return { byId: next };
  });
}

/** Starts recording: called once when the console opens, before any screen can start a job. Returns the stop. */
export function recordJobProgress(): () => void {
  return api.jobs.onProgress((progress) => remember(progress, true));
}

/** The latest progress of one job; null until main has reported it. Jobs started before this window are asked for once. */
export function useJobProgress(jobId: string | null): JobProgress | null {
  const progress = useJobsStore((state) => (jobId ? state.byId[jobId] : undefined));
  const known = progress !== undefined;
  useEffect(() => {
    if (!jobId || known) return;
    void call('jobs.list', {})
      .then((jobs) => jobs.filter((job) => job.jobId === jobId).forEach((job) => remember(job, false)))
      .catch(() => undefined);
    // Asked once per job id: later reports arrive as events.
  }, [jobId]);
  return progress ?? null;
}
