import type { AuthInstance } from '../../../shared/auth';
import { useT } from '../../i18n/use-t';

/** TDLib state: authorized in green words, every waiting step as plain text. */
export function TelegramBadge({ state }: { state: AuthInstance['telegram'] }) {
  const t = useT();
  if (state === null) return <span className="muted">{t('common.none')}</span>;
  return (
    <span className={`badge ${state === 'authorized' ? 'link-badge-ok' : 'link-badge-neutral'}`}>
      {state === 'authorized' && <span aria-hidden="true">✓ </span>}
      {t(`authorize.tdlib.${state}`)}
    </span>
  );
}
