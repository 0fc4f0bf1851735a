import { useEffect, useState } from 'react';
import type { JobProgress } from '../../../shared/jobs';
import { api, call } from '../../bridge/client';

/** The latest progress of one job, from the pushed `jobs.progress` events; null before the first arrives. */
export function useJobProgress(jobId: string | null): JobProgress | null {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!jobId) return;
    let live = false;
    const off = api.jobs.onProgress((event) => {
      if (event.jobId !== jobId) return;
      live = true;
      setProgress(event);
    });
    // A short job may have reported before this subscription existed: ask once for where it is.
    void call('jobs.list', {})
      .then((jobs) => {
        const known = jobs.find((job) => job.jobId === jobId);
        if (known && !live) setProgress(known);
      })
      .catch(() => undefined);
    return off;
  }, [jobId]);
  return progress;
}
