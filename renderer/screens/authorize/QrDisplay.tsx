import { memo } from 'react';
import type { AuthQr, AuthState } from '../../../shared/auth';
import { useT } from '../../i18n/use-t';
import { Countdown, useSecondTick } from './Countdown';
import { QrCanvas } from './QrCanvas';

const MemoQrCanvas = memo(QrCanvas);

/** Phases in which the last code stays on screen (greyed out unless it is scannable now). */
const KEEPS_CODE: readonly AuthState['phase'][] = ['showing_qr', 'waiting_for_qr', 'reconnecting', 'linking'];
/** Phases in which a code is on its way: an empty frame holds its place. Otherwise the words beside say why there is none. */
const AWAITS_CODE: readonly AuthState['phase'][] = ['connecting', 'waiting_for_qr', 'reconnecting', 'instance_not_ready', 'linking'];

type QrDisplayProps = { sessionId: string; qr: AuthQr | null; phase: AuthState['phase']; size?: 'large' | 'small'; caption: string };

/**
 * The code with its countdown. The once-a-second tick re-renders only this wrapper and the countdown: the canvas
 * is memoised and redraws when the code changes. Past its deadline a code is greyed out with "a fresh code is on
 * its way"; the platform's next code replaces it by itself.
 */
export function QrDisplay({ sessionId, qr, phase, size = 'large', caption }: QrDisplayProps) {
  const t = useT();
  const now = useSecondTick();
  const shown = qr && KEEPS_CODE.includes(phase) ? qr : null;
  if (!shown) {
    return AWAITS_CODE.includes(phase) ? <div className={`qr-frame qr-frame-${size} qr-placeholder`} aria-hidden="true" /> : null;
  }
  const overdue = phase === 'showing_qr' && now >= shown.expiresAt;
  const stale = phase !== 'showing_qr' || overdue;
  return (
    <div className="qr-display">
      <MemoQrCanvas sessionId={sessionId} qr={shown} stale={stale} size={size} label={caption} />
      {phase === 'showing_qr' && !overdue && (
        <Countdown expiresAt={shown.expiresAt} lifetimeMs={shown.lifetimeMs} now={now} label={t('authorize.countdownLabel')} />
      )}
      {overdue && <p className="qr-overdue">{t('authorize.freshCodeComing')}</p>}
    </div>
  );
}
