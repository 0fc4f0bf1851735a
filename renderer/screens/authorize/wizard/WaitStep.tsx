import { useEffect, useState } from 'react';
import { call } from '../../../bridge/client';
import { useJobProgress } from '../../../stores/jobs-store';
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
  const [jobId, setJobId] = useState<string | null>(null);
  const [startError, setStartError] = useState<AppErrorShape | null>(null);
  const [attempt, setAttempt] = useState(0);
  const job = useJobProgress(jobId);

  useEffect(() => {
    let live = true;
    setStartError(null);
    call('auth.wizardWait', {}).then(
      ({ jobId: id }) => live && setJobId(id),
      (error: unknown) => live && setStartError(toAppError(error)),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  useEffect(() => {
    if (job?.state === 'finished') onReady();
  }, [job?.state, onReady]);

  const retry = () => {
    setJobId(null);
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
