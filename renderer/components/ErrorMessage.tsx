import type { AppErrorShape } from '../../shared/errors';
import { describeError } from '../errors/describe-error';
import { useT } from '../i18n/use-t';

/**
 * A failed call, worded at render time (not when it failed) so that switching the language re-words it. With
 * `onRetry` (a read that failed) it offers "Try again" beside the reason, so the way forward is on the spot.
 */
export function ErrorMessage({ error, onRetry }: { error: AppErrorShape; onRetry?: () => void }) {
  const t = useT();
  if (!onRetry) {
    return (
      <p className="message message-error" role="alert">
        {describeError(error, t)}
      </p>
    );
  }
  return (
    <div className="message message-error" role="alert">
      <p>{describeError(error, t)}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('common.tryAgain')}
      </button>
    </div>
  );
}
