import { useEffect, useRef, useState } from 'react';
import type { AppErrorShape } from '../../../shared/errors';
import { CONFIRMED_ACTIONS, type BulkItemResult, type FleetAction } from '../../../shared/fleet';
import { call } from '../../bridge/client';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { describeError } from '../../errors/describe-error';
import { toAppError } from '../../errors/to-app-error';
import { useT } from '../../i18n/use-t';
import { useDayFormat } from './day-format';
import { useJobProgress } from '../../stores/jobs-store';

/** Successful rows listed in the results; failures are always listed in full. */
const SHOWN_SUCCESSES = 200;

type BulkDialogProps = { action: FleetAction; keys: string[]; applicable: number; onClose: () => void };

/**
 * A bulk action from start to end: what it will do (and to how many; the rest are skipped), then progress with
 * cancel, then each row's outcome — failures first, with the provider's reason.
 */
export function BulkDialog({ action, keys, applicable, onClose }: BulkDialogProps) {
  const t = useT();
  const day = useDayFormat();
  const [jobId, setJobId] = useState<string | null>(null);
  const [startError, setStartError] = useState<AppErrorShape | null>(null);
  const [items, setItems] = useState<BulkItemResult[]>([]);
  const [busy, setBusy] = useState(false);
  const progress = useJobProgress(jobId);
  const fetched = useRef(0);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const finished = progress !== null && progress.state !== 'running';

  // Each progress event may bring new finished rows: fetch only those after the ones already here.
  useEffect(() => {
    if (!jobId || !progress) return;
    let stale = false;
    void call('fleet.bulkResults', { jobId, from: fetched.current })
      .then((results) => {
        if (stale || results.items.length === 0) return;
        fetched.current += results.items.length;
        setItems((previous) => [...previous, ...results.items]);
      })
      .catch(() => undefined);
    return () => {
      stale = true;
    };
  }, [jobId, progress]);

  const run = async () => {
    setBusy(true);
    setStartError(null);
    try {
      setJobId((await call('fleet.bulk', { action, keys })).jobId);
    } catch (error) {
      setStartError(toAppError(error));
    } finally {
      setBusy(false);
    }
  };

  const count = (outcome: BulkItemResult['outcome']) => items.filter((item) => item.outcome === outcome).length;
  const failed = items.filter((item) => item.outcome === 'failed');
  const others = items.filter((item) => item.outcome !== 'failed');
  const skipped = keys.length - applicable;
  const destructive = CONFIRMED_ACTIONS.includes(action);

  return (
    <Dialog title={t(`instances.action.${action}`)} onClose={onClose} size="large" initialFocus={jobId ? cancelButton : confirmButton}>
      {!jobId && (
        <>
          <p>{t(`instances.confirm.${action}`, { count: applicable })}</p>
          {skipped > 0 && <p className="message message-info">{t('instances.skippedNote', { count: skipped })}</p>}
          {startError && <ErrorMessage error={startError} />}
          <div className="button-row">
            <button
              type="button"
              ref={destructive ? undefined : confirmButton}
              className={`button ${destructive ? 'button-danger' : 'button-primary'}`}
              onClick={() => void run()}
              disabled={busy}
              aria-busy={busy}
            >
              {t('instances.run')}
            </button>
            {/* Focus starts on Cancel for actions that spend money or cut a connection. */}
            <button type="button" ref={destructive ? confirmButton : undefined} className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      )}
      {jobId && (
        <>
          <progress className="bulk-progress" aria-label={t(`instances.action.${action}`)} value={progress?.done ?? 0} max={Math.max(1, progress?.total ?? keys.length)} />
          <p role="status" data-testid="bulk-status">
            {!finished && t('instances.bulkProgress', { done: progress?.done ?? 0, total: progress?.total ?? keys.length, failed: progress?.failed ?? 0 })}
            {finished && progress.state === 'finished' && t('instances.bulkFinished', { ok: count('ok'), failed: count('failed'), skipped: count('skipped') })}
            {finished && progress.state === 'cancelled' && t('instances.bulkCancelled', { ok: count('ok'), failed: count('failed'), cancelled: keys.length - count('ok') - count('failed') - count('skipped') })}
            {finished && progress.state === 'failed' && progress.error && t('instances.bulkStopped', { reason: describeError(progress.error, t) })}
          </p>
          <div className="button-row">
            {!finished ? (
              <button type="button" ref={cancelButton} className="button" onClick={() => void call('jobs.cancel', { jobId }).catch(() => undefined)}>
                {t('instances.cancelAction')}
              </button>
            ) : (
              <button type="button" className="button button-primary" onClick={onClose}>
                {t('common.close')}
              </button>
            )}
          </div>
          {items.length > 0 && (
            <BulkResultsTable items={[...failed, ...others.slice(0, SHOWN_SUCCESSES)]} more={Math.max(0, others.length - SHOWN_SUCCESSES)} day={day} />
          )}
        </>
      )}
    </Dialog>
  );
}

function BulkResultsTable({ items, more, day }: { items: BulkItemResult[]; more: number; day: (isoDay: string) => string }) {
  const t = useT();
  return (
    // Focusable so keyboard users can scroll a long list of results.
    <div className="bulk-results table-scroll" role="region" aria-label={t('instances.results')} tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">{t('instances.results')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fleet.column.instanceId')}</th>
            <th scope="col">{t('fleet.column.account')}</th>
            <th scope="col">{t('instances.results')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.key} className={`outcome-${item.outcome}`}>
              <th scope="row" className="mono">
                {item.instanceId}
              </th>
              <td>{item.accountName}</td>
              <td>
                <span className={`state state-${item.outcome === 'ok' ? 'ok' : item.outcome === 'failed' ? 'failed' : 'neutral'}`}>
                  {t(`instances.outcome.${item.outcome}`)}
                </span>{' '}
                {item.error && describeError(item.error, t)}
                {item.paidUntil && t('instances.renewedUntil', { date: day(item.paidUntil) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 && <p className="muted">{t('instances.moreResults', { count: more })}</p>}
    </div>
  );
}
