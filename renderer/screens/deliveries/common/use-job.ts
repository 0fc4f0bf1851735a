import { useEffect, useState } from 'react';
import type { JobProgress } from '../../../../shared/jobs';
import { api } from '../../../bridge/client';

/** The latest progress of one job, pushed by main as `jobs.progress`; null until the first event arrives. */
export function useJobProgress(jobId: string | null): JobProgress | null {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!jobId) return;
    return api.jobs.onProgress((event) => {
      if (event.jobId === jobId) setProgress(event);
    });
  }, [jobId]);
  return progress;
}
