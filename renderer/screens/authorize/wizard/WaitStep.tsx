import { useEffect, useRef, useState } from 'react';
import type { JobProgress } from '../../../../shared/jobs';
import { api, call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { toAppError } from '../../../errors/to-app-error';
import { useT } from '../../../i18n/use-t';
import type { AppErrorShape } from '../../../../shared/errors';

/**
 * GREEN-API answers getStateInstance with `null` while a new instance is being created (1.3.13): main polls every
 * 5 s as a job; this step shows how long it has waited and can cancel. Done: the wizard moves on by itself.
 */
export function WaitStep({ onReady }: { onReady: () => void }) {
  const t = useT();
  const [job, setJob] = useState<JobProgress | null>(null);
  const [startError, setStartError] = useState<AppErrorShape | null>(null);
  const [attempt, setAttempt] = useState(0);
  const jobId = useRef<string | null>(null);
  const seen = useRef(new Map<string, JobProgress>());

  useEffect(() => {
    let live = true;
    // Subscribed before the job starts, so its first and last reports are not missed.
    const off = api.jobs.onProgress((progress) => {
      seen.current.set(progress.jobId, progress);
      if (live && progress.jobId === jobId.current) setJob(progress);
    });
    setStartError(null);
    call('auth.wizardWait', {}).then(
      async ({ jobId: id }) => {
        jobId.current = id;
        const known = seen.current.get(id) ?? (await call('jobs.list', {})).find((candidate) => candidate.jobId === id) ?? null;
        if (live && known) setJob(known);
      },
      (error: unknown) => live && setStartError(toAppError(error)),
    );
    return () => {
      live = false;
      off();
    };
  }, [attempt]);

  useEffect(() => {
    if (job?.state === 'finished') onReady();
  }, [job?.state, onReady]);

  const retry = () => {
    setJob(null);
    setAttempt((n) => n + 1);
  };
  const running = !job || job.state === 'running';
  return (
    <div>
      <p>{t('authorize.wizard.wait.intro')}</p>
      {startError && <ErrorMessage error={startError} />}
      {!startError && (
        <div className="wait-progress">
          <progress max={job?.total || 1} value={job?.done ?? 0} aria-label={t('authorize.wizard.wait.label')} />
          <p role="status">
            {job?.state === 'cancelled'
              ? t('authorize.wizard.wait.cancelled')
              : job?.state === 'finished'
                ? t('authorize.wizard.wait.ready')
                : t('authorize.wizard.wait.checks', { count: job?.done ?? 0 })}
          </p>
        </div>
      )}
      {job?.error && <ErrorMessage error={job.error} />}
      <div className="button-row">
        {running && job && (
          <button type="button" className="button" onClick={() => void call('jobs.cancel', { jobId: job.jobId })}>
            {t('authorize.wizard.wait.cancel')}
          </button>
        )}
        {(startError || job?.state === 'failed' || job?.state === 'cancelled') && (
          <button type="button" className="button button-primary" onClick={retry}>
            {t('authorize.wizard.wait.again')}
          </button>
        )}
      </div>
    </div>
  );
}
