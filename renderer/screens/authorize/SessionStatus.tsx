import { useState } from 'react';
import type { AuthAction, AuthMethod, AuthProblem, AuthState } from '../../../shared/auth';
import type { AppErrorShape } from '../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { describeError } from '../../errors/describe-error';
import { toAppError } from '../../errors/to-app-error';
import type { MessageKey } from '../../i18n/catalog';
import { useT } from '../../i18n/use-t';

/** The buttons a session's state can offer here; the forms' own steps (phone, code…) live in the tabs. */
const BUTTONS: readonly AuthAction[] = ['retry', 'newCode', 'interrupt', 'logout', 'reboot'];
/** These change the instance at the provider (interrupting drops a code on screen or a phone halfway through linking): asked once more, inline. */
const CONFIRMED = ['logout', 'reboot', 'interrupt'] as const satisfies readonly AuthAction[];
type Confirmed = (typeof CONFIRMED)[number];
const needsConfirming = (action: AuthAction): action is Confirmed => (CONFIRMED as readonly AuthAction[]).includes(action);

type SessionStatusProps = {
  state: AuthState;
  method: AuthMethod;
  onAction: (action: AuthAction) => Promise<void>;
};

/**
 * Where a session is, in words, and what to do next: the phase as a polite status line, a passing problem as a
 * warning, and a stop as the provider's answer plus the next step with its button.
 */
export function SessionStatus({ state, method, onAction }: SessionStatusProps) {
  const t = useT();
  const [confirming, setConfirming] = useState<Confirmed | null>(null);
  const [busy, setBusy] = useState<AuthAction | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);

  const run = async (action: AuthAction) => {
    setBusy(action);
    setFailure(null);
    try {
      await onAction(action);
      setConfirming(null);
    } catch (error) {
      setFailure(toAppError(error));
    } finally {
      setBusy(null);
    }
  };

  const buttons = state.actions.filter((action) => BUTTONS.includes(action));
  const step = state.problem ? nextStepKey(state.problem, method) : null;
  const stopped = state.phase === 'failed' || state.error !== null;
  // The first button is the way forward only when something is wrong; beside a live code it is just an escape hatch.
  const primary = step !== null || stopped ? buttons[0] : undefined;

  return (
    <div className="auth-status">
      <p className="auth-phase" role="status">
        {t(phaseKey(state.phase, method))}
      </p>
      {state.notice && <p className="message message-warning">{describeError(state.notice, t)}</p>}
      {(step || state.error) && (
        <div className={`message ${stopped ? 'message-error' : 'message-info'} next-step`} role={stopped ? 'alert' : undefined}>
          {state.error && <p>{describeError(state.error, t)}</p>}
          {step && (
            <p>
              <strong>{t('authorize.nextStep')}</strong> {t(step)}
            </p>
          )}
        </div>
      )}
      {failure && <ErrorMessage error={failure} />}
      {confirming ? (
        <div className="confirm-inline" role="group" aria-label={t(`authorize.confirm.${confirming}.title`)}>
          <p>{t(`authorize.confirm.${confirming}.body`)}</p>
          <div className="button-row">
            <button type="button" className="button button-danger" onClick={() => void run(confirming)} disabled={busy !== null} aria-busy={busy === confirming}>
              {t(`authorize.confirm.${confirming}.button`)}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        buttons.length > 0 && (
          <div className="button-row">
            {buttons.map((action) => (
              <button
                key={action}
                type="button"
                className={`button${action === primary ? ' button-primary' : ''}`}
                disabled={busy !== null}
                aria-busy={busy === action}
                onClick={() => (needsConfirming(action) ? setConfirming(action) : void run(action))}
              >
                {t(`authorize.action.${action as 'retry' | 'newCode' | 'interrupt' | 'logout' | 'reboot'}`)}
              </button>
            ))}
          </div>
        )
      )}
    </div>
  );
}

export function phaseKey(phase: AuthState['phase'], method: AuthMethod): MessageKey {
  if (phase === 'expired' && method === 'pairingCode') return 'authorize.phase.expiredCode';
  if (phase === 'already_authorized' && method === 'telegram') return 'authorize.phase.alreadyAuthorizedTelegram';
  return `authorize.phase.${phase}`;
}

export function nextStepKey(problem: AuthProblem, method: AuthMethod): MessageKey {
  if (problem === 'already_authorized' && method === 'telegram') return 'authorize.step.alreadyAuthorizedTelegram';
  return `authorize.step.${problem}`;
}
