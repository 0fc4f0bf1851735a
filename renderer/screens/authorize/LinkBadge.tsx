import type { LinkState } from '../../../shared/auth';
import { useT } from '../../i18n/use-t';

const TONE: Record<LinkState, 'ok' | 'failed' | 'warning' | 'neutral'> = {
  authorized: 'ok',
  notAuthorized: 'failed',
  blocked: 'failed',
  yellowCard: 'warning',
  sleepMode: 'warning',
  starting: 'neutral',
  creating: 'neutral',
  unknown: 'neutral',
};
const SYMBOL = { ok: '✓', failed: '✕', warning: '!', neutral: '…' } as const;

/** A link state in words and a symbol, never by colour alone. */
export function LinkBadge({ state }: { state: LinkState | null }) {
  const t = useT();
  if (state === null) return <span className="muted">{t('common.none')}</span>;
  const tone = TONE[state];
  return (
    <span className={`badge link-badge-${tone}`}>
      <span aria-hidden="true">{SYMBOL[tone]} </span>
      {t(`authorize.link.${state}`)}
    </span>
  );
}
