import type { AppErrorShape } from '../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/use-t';

/** The session could not even start (instance gone, account locked, provider unreachable): the reason and a retry. */
export function StartFailed({ error, onRetry }: { error: AppErrorShape; onRetry: () => void }) {
  const t = useT();
  return (
    <div className="auth-status">
      <ErrorMessage error={error} />
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      </div>
    </div>
  );
}
