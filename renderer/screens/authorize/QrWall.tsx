import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuthInstance } from '../../../shared/auth';
import { call } from '../../bridge/client';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/use-t';
import { instanceName } from './instance-name';
import { QrDisplay } from './QrDisplay';
import { runSessionAction } from './session-actions';
import { SandboxAction } from './SandboxAction';
import { SessionStatus } from './SessionStatus';
import { SessionEnded } from './SessionEnded';
import { StartFailed } from './StartFailed';
import { useAuthSession } from './use-auth-session';
import { useFocusRescue } from './use-focus-rescue';

type QrWallProps = { instances: AuthInstance[]; sandbox: boolean; onClose: () => void };

/**
 * Bulk onboarding: one QR session per selected instance, side by side, each with its own code, countdown and
 * status, so one person can link a batch of phones in one sitting. Closing the wall stops every session.
 */
export function QrWall({ instances, sandbox, onClose }: QrWallProps) {
  const t = useT();
  const [linked, setLinked] = useState<ReadonlySet<string>>(new Set());
  const markLinked = useCallback((key: string) => setLinked((current) => new Set(current).add(key)), []);
  const withQr = instances.filter((instance) => instance.methods.includes('qr'));
  const wall = useRef<HTMLUListElement>(null);
  useFocusRescue(wall);
  return (
    <Dialog title={t('authorize.wall.title', { count: withQr.length })} onClose={onClose} size="large" description={t('authorize.wall.description')}>
      <p className="counts" role="status">
        {t('authorize.wall.progress', { done: linked.size, count: withQr.length })}
      </p>
      <ul ref={wall} tabIndex={-1} className="qr-wall">
        {withQr.map((instance) => (
          <QrTile key={instance.target.instance} instance={instance} sandbox={sandbox} onLinked={markLinked} />
        ))}
      </ul>
    </Dialog>
  );
}

function QrTile({ instance, sandbox, onLinked }: { instance: AuthInstance; sandbox: boolean; onLinked: (key: string) => void }) {
  const t = useT();
  const { sessionId, view, startError, endedWithout, restart } = useAuthSession(instance.target, 'qr');
  const name = instanceName(instance, t);
  const key = instance.target.instance;
  const done = view?.ended === 'authorized';
  const tile = useRef<HTMLLIElement>(null);
  const success = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!done) return;
    onLinked(key);
    // The button that had focus is gone with the code: keep focus in the wall, on the news, so Esc still works.
    const active = document.activeElement;
    if (!active || active === document.body || tile.current?.contains(active)) success.current?.focus();
  }, [done, key, onLinked]);

  return (
    <li ref={tile} className={`qr-tile${done ? ' qr-tile-done' : ''}`} aria-label={name}>
      <h3 className="qr-tile-title">{name}</h3>
      {startError && <StartFailed error={startError} onRetry={restart} />}
      {endedWithout && <SessionEnded reason={endedWithout} onRestart={restart} />}
      {!startError && (!view || !sessionId) && <p role="status">{t('authorize.phase.connecting')}</p>}
      {view && sessionId && done && (
        <p ref={success} tabIndex={-1} className="message message-info auth-success">
          <span aria-hidden="true">✓ </span>
          {t('authorize.success.qr', { name, phone: view.state.phone ?? '' })}
        </p>
      )}
      {view && sessionId && !done && !endedWithout && (
        <>
          <QrDisplay sessionId={sessionId} qr={view.qr} phase={view.state.phase} size="small" caption={t('authorize.qrLabelNamed', { name })} />
          <SessionStatus state={view.state} method="qr" onAction={(action) => runSessionAction(instance.target, sessionId, action)} />
          {sandbox && view.state.phase === 'showing_qr' && (
            <SandboxAction label={t('authorize.sandbox.scan')} accessibleName={t('authorize.sandbox.scanNamed', { name })} run={() => call('sandbox.scanQr', instance.target)} />
          )}
        </>
      )}
    </li>
  );
}
