import { useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../shared/errors';
import { api, call } from '../../bridge/client';
import { describeError } from '../../errors/describe-error';
import { toAppError } from '../../errors/to-app-error';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useFleetStore } from './fleet-store';
import { useJobProgress } from '../../stores/jobs-store';

/**
 * Refresh the whole fleet: a button, then progress with a cancel, then when it last happened or why it stopped.
 * Rows kept from the last session are shown "as of" when they were read, so nobody takes them for current.
 */
export function RefreshBar() {
  const t = useT();
  const format = useFormat();
  const jobId = useFleetStore((state) => state.refreshJobId);
  const refreshedAt = useFleetStore((state) => state.refreshedAt);
  const asOf = useFleetStore((state) => state.asOf);
  const setRefreshJob = useFleetStore((state) => state.setRefreshJob);
  const progress = useJobProgress(jobId);
  const [outcome, setOutcome] = useState<{ kind: 'cancelled' } | { kind: 'failed'; error: AppErrorShape } | null>(null);

  // Rows change as accounts come in, and whoever shows this bar shows fleet figures.
  useEffect(() => api.fleet.onChanged(({ revision }) => useFleetStore.getState().changed(revision)), []);

  useEffect(() => {
    if (!progress || progress.state === 'running') return;
    setRefreshJob(null);
    useFleetStore.getState().refetch();
    if (progress.state === 'cancelled') setOutcome({ kind: 'cancelled' });
    if (progress.state === 'failed' && progress.error) setOutcome({ kind: 'failed', error: progress.error });
  }, [progress, setRefreshJob]);

  const start = async () => {
    setOutcome(null);
    try {
      setRefreshJob((await call('fleet.refresh', {})).jobId);
    } catch (error) {
      setOutcome({ kind: 'failed', error: toAppError(error) });
    }
  };
  const cancel = () => void call('jobs.cancel', { jobId: jobId! }).catch(() => undefined);

  const running = jobId !== null;
  return (
    <div className="refresh-bar">
      {running ? (
        <>
          <progress
            className="refresh-progress"
            aria-label={t('instances.refresh')}
            value={progress?.done ?? 0}
            max={Math.max(1, progress?.total ?? 1)}
          />
          <span role="status">
            {!progress || progress.total === 0
              ? t('instances.refreshStarting')
              : progress.done < progress.total
                ? t('instances.refreshing', { done: progress.done, total: progress.total })
                : t('instances.refreshFinishing', { total: progress.total })}
          </span>
          <button type="button" className="button" onClick={cancel}>
            {t('instances.cancelRefresh')}
          </button>
        </>
      ) : (
        <>
          <button type="button" className="button button-primary" onClick={() => void start()}>
            {t('instances.refresh')}
          </button>
          <span className="muted">
            {asOf
              ? t('instances.asOf', { time: format.dateTime(asOf) })
              : refreshedAt
                ? t('instances.refreshedAt', { time: format.dateTime(refreshedAt) })
                : t('instances.neverRefreshed')}
          </span>
        </>
      )}
      {outcome?.kind === 'cancelled' && (
        <p className="message message-info refresh-outcome" role="status">
          {t('instances.refreshCancelled')}
        </p>
      )}
      {outcome?.kind === 'failed' && (
        <p className="message message-error refresh-outcome" role="alert">
          {t('instances.refreshFailed', { reason: describeError(outcome.error, t) })}
        </p>
      )}
    </div>
  );
}
