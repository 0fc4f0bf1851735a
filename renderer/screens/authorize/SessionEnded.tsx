import type { AuthEndReason } from '../../../shared/auth';
import { useT } from '../../i18n/use-t';

/** A session main closed without a link (left open too long, opened again elsewhere): why, and a fresh start. */
export function SessionEnded({ reason, onRestart }: { reason: Exclude<AuthEndReason, 'authorized'>; onRestart: () => void }) {
  const t = useT();
  return (
    <div className="auth-status">
      <p className="message message-info" role="status">
        {t(`authorize.ended.${reason}`)}
      </p>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={onRestart}>
          {t('authorize.ended.restart')}
        </button>
      </div>
    </div>
  );
}
