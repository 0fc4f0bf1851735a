import { useEffect, useState } from 'react';
import type { ChatpushDeliveryView } from '../../../../shared/deliveries';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { describeError } from '../../../errors/describe-error';
import { toAppError } from '../../../errors/to-app-error';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { useJobProgress } from '../../../stores/jobs-store';
import { statusLabel } from './status-text';
import type { ClientTarget } from './target';

const INTERVAL_SECONDS = 5;

/**
 * "Follow until final": main looks the delivery up every few seconds (a job, cancellable) and pushes each status
 * change; the timeline lists them with the time they were seen.
 */
export function FollowDelivery({ target, deliveryId, final, onUpdate }: {
  target: ClientTarget;
  deliveryId: number;
  /** Already final: nothing to follow (unless a follow that ended it is being shown). */
  final: boolean;
  onUpdate: (delivery: ChatpushDeliveryView) => void;
}) {
  const t = useT();
  const format = useFormat();
  const [jobId, setJobId] = useState<string | null>(null);
  const [startError, setStartError] = useState<AppErrorShape | null>(null);
  const [timeline, setTimeline] = useState<{ at: string; statusId: number }[]>([]);
  const progress = useJobProgress(jobId);

  useEffect(() => {
    if (!jobId) return;
    return api.deliveries.onFollowed((event) => {
      if (event.jobId !== jobId || !event.delivery) return;
      const delivery = event.delivery;
      setTimeline((list) => (list.at(-1)?.statusId === delivery.statusId ? list : [...list, { at: new Date().toISOString(), statusId: delivery.statusId }]));
      onUpdate(delivery);
    });
  }, [jobId, onUpdate]);

  const start = async () => {
    setStartError(null);
    setTimeline([]);
    try {
      setJobId((await call('deliveries.follow', { ...target, deliveryId, intervalSeconds: INTERVAL_SECONDS })).jobId);
    } catch (error) {
      setStartError(toAppError(error));
    }
  };
  const running = jobId !== null && (!progress || progress.state === 'running');
  if (final && !jobId) return null;

  return (
    <div className="follow">
      <div className="button-row">
        {running ? (
          <button type="button" className="button" onClick={() => void call('jobs.cancel', { jobId: jobId! }).catch(() => undefined)}>
            {t('deliveries.follow.stop')}
          </button>
        ) : (
          !final && (
            <button type="button" className="button button-primary" onClick={() => void start()}>
              {t('deliveries.follow')}
            </button>
          )
        )}
      </div>
      <div role="status" aria-live="polite">
        {running && <p>{t('deliveries.follow.running', { id: String(deliveryId), seconds: INTERVAL_SECONDS })}</p>}
        {progress?.state === 'finished' && <p>{t('deliveries.follow.finished', { id: String(deliveryId) })}</p>}
        {progress?.state === 'cancelled' && <p>{t('deliveries.follow.stopped', { id: String(deliveryId) })}</p>}
        {progress?.state === 'failed' && progress.error && <p className="message message-error">{t('deliveries.follow.failed', { reason: describeError(progress.error, t) })}</p>}
      </div>
      {startError && <ErrorMessage error={startError} />}
      {timeline.length > 0 && (
        <>
          <h3>{t('deliveries.follow.timeline')}</h3>
          <ol className="timeline">
            {timeline.map((entry) => (
              <li key={`${entry.at}-${entry.statusId}`}>{t('deliveries.follow.at', { time: format.dateTime(entry.at), status: statusLabel(entry.statusId) })}</li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
