import { useEffect } from 'react';
import type { AuthTarget } from '../../../../shared/auth';
import { call } from '../../../bridge/client';
import { useT } from '../../../i18n/use-t';
import { QrDisplay } from '../QrDisplay';
import { runSessionAction } from '../session-actions';
import { SandboxAction } from '../SandboxAction';
import { SessionStatus } from '../SessionStatus';
import { SessionEnded } from '../SessionEnded';
import { StartFailed } from '../StartFailed';
import { useAuthSession } from '../use-auth-session';

export type TabProps = {
  target: AuthTarget;
  /** Demo account: the tab offers to play the phone's part. */
  sandbox: boolean;
  /** The instance is linked: the dialog says so and closes itself. */
  onAuthorized: (phone: string | null) => void;
};

/** WhatsApp by QR code: the live code with its countdown, what to do on the phone, and every stop as a next step. */
export function QrTab({ target, sandbox, onAuthorized }: TabProps) {
  const t = useT();
  const { sessionId, view, startError, endedWithout, restart } = useAuthSession(target, 'qr');
  const ended = view?.ended;
  const phone = view?.state.phone ?? null;
  useEffect(() => {
    if (ended === 'authorized') onAuthorized(phone);
  }, [ended, phone, onAuthorized]);

  if (startError) return <StartFailed error={startError} onRetry={restart} />;
  if (endedWithout) return <SessionEnded reason={endedWithout} onRestart={restart} />;
  if (!view || !sessionId) return <p role="status">{t('authorize.phase.connecting')}</p>;
  const { state, qr } = view;
  return (
    <div className="qr-panel">
      <QrDisplay sessionId={sessionId} qr={qr} phase={state.phase} caption={t('authorize.qrLabel')} />
      <div className="qr-side">
        <ol className="scan-steps">
          <li>{t('authorize.scan.open')}</li>
          <li>{t('authorize.scan.linked')}</li>
          <li>{t('authorize.scan.point')}</li>
        </ol>
        <SessionStatus state={state} method="qr" onAction={(action) => runSessionAction(target, sessionId, action)} />
        {state.transport === 'http' && <p className="muted">{t('authorize.httpFallback')}</p>}
        {sandbox && state.phase === 'showing_qr' && <SandboxAction label={t('authorize.sandbox.scan')} run={() => call('sandbox.scanQr', target)} />}
      </div>
    </div>
  );
}
