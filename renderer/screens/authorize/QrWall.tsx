import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuthTarget } from '../../../shared/auth';
import { call } from '../../bridge/client';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/use-t';
import { instanceName, otherIds } from './instance-name';
import { QrDisplay } from './QrDisplay';
import { runSessionAction } from './session-actions';
import { SandboxAction } from './SandboxAction';
import { SessionStatus } from './SessionStatus';
import { SessionEnded } from './SessionEnded';
import { StartFailed } from './StartFailed';
import { useAuthSession } from './use-auth-session';
import { useFocusRescue } from './use-focus-rescue';
import { WallSkipped } from './WallSkipped';
import { targetKey, type WallPlan, type WallTile } from './wall-plan';

/** `plan` is null while the chosen instances are still being looked up (a wall opened from the Instances screen). */
type QrWallProps = { plan: WallPlan | null; onClose: (linked: AuthTarget[]) => void };

/**
 * Bulk onboarding: one QR session per chosen instance, side by side, each with its own code, countdown and
 * status, so one person can link a batch of phones in one sitting. The chosen instances that cannot be linked
 * by QR are listed with the reason. Closing the wall stops every session.
 */
export function QrWall({ plan, onClose }: QrWallProps) {
  const t = useT();
  const [linked, setLinked] = useState<ReadonlyMap<string, AuthTarget>>(new Map());
  const markLinked = useCallback((target: AuthTarget) => setLinked((current) => new Map(current).set(`${target.accountId}/${target.instance}`, target)), []);
  const area = useRef<HTMLDivElement>(null);
  useFocusRescue(area);
  const tiles = plan?.tiles ?? [];
  // Tiles name their account only when the wall spans several (one opened from the Instances screen may).
  const showAccounts = new Set(tiles.map((tile) => tile.instance.target.accountId)).size > 1;
  return (
    <Dialog
      title={plan ? t('authorize.wall.title', { count: tiles.length }) : t('authorize.wall.titlePreparing')}
      onClose={() => onClose([...linked.values()])}
      size="large"
      description={t('authorize.wall.description')}
    >
      <div ref={area} tabIndex={-1} className="qr-wall-area">
        <p className="counts" role="status">
          {!plan ? t('authorize.wall.preparing') : tiles.length > 0 ? t('authorize.wall.progress', { done: linked.size, count: tiles.length }) : t('authorize.wall.none')}
        </p>
        {tiles.length > 0 && (
          <ul className="qr-wall">
            {tiles.map((tile) => (
              <QrTile key={targetKey(tile.instance)} tile={tile} showAccount={showAccounts} onLinked={markLinked} />
            ))}
          </ul>
        )}
        {plan && plan.skipped.length > 0 && <WallSkipped skipped={plan.skipped} />}
      </div>
    </Dialog>
  );
}

type QrTileProps = { tile: WallTile; showAccount: boolean; onLinked: (target: AuthTarget) => void };

function QrTile({ tile: { instance, accountName, sandbox }, showAccount, onLinked }: QrTileProps) {
  const t = useT();
  const { sessionId, view, startError, endedWithout, restart } = useAuthSession(instance.target, 'qr');
  const name = instanceName(instance, t);
  const done = view?.ended === 'authorized';
  // Its other ids tell it apart from the table it was picked in; its account, when the wall spans several.
  const subtitle = [showAccount ? accountName : '', otherIds(instance, name, t)].filter(Boolean).join(' · ');
  const tile = useRef<HTMLLIElement>(null);
  const success = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!done) return;
    onLinked(instance.target);
    // The button that had focus is gone with the code: keep focus in the wall, on the news, so Esc still works.
    const active = document.activeElement;
    if (!active || active === document.body || tile.current?.contains(active)) success.current?.focus();
  }, [done, instance.target, onLinked]);

  return (
    <li ref={tile} className={`qr-tile${done ? ' qr-tile-done' : ''}`} aria-label={showAccount ? t('authorize.wall.tileNamed', { name, account: accountName }) : name}>
      <h3 className="qr-tile-title">{name}</h3>
      {subtitle && <p className="qr-tile-subtitle">{subtitle}</p>}
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
