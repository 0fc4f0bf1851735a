import { useEffect, useState, type FormEvent } from 'react';
import { PairingPhoneSchema } from '../../../../shared/auth';
import type { AppErrorShape } from '../../../../shared/errors';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { TextField } from '../../../components/TextField';
import { toAppError } from '../../../errors/to-app-error';
import { useT } from '../../../i18n/use-t';
import { authSessions } from '../auth-sessions-store';
import { Countdown, useSecondTick } from '../Countdown';
import { fieldProblem, firstProblem } from '../field-messages';
import { runSessionAction } from '../session-actions';
import { SandboxAction } from '../SandboxAction';
import { SessionStatus } from '../SessionStatus';
import { SessionEnded } from '../SessionEnded';
import { StartFailed } from '../StartFailed';
import { useAuthSession } from '../use-auth-session';
import type { TabProps } from './QrTab';

/** Phases in which a (new) code can be asked for. */
const ASKS_PHONE = ['waiting_for_phone', 'showing_code', 'expired'];

/**
 * GREEN-API "Link with phone number" (§2.9): the phone in digits, the code grouped for reading aloud with a copy
 * button and its ~2.5 minutes counting down; the state is read until WhatsApp reports the link.
 */
export function PairingTab({ target, sandbox, onAuthorized }: TabProps) {
  const t = useT();
  const { sessionId, view, startError, endedWithout, restart } = useAuthSession(target, 'pairingCode');
  const [phone, setPhone] = useState('');
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const [requestError, setRequestError] = useState<AppErrorShape | null>(null);
  const ended = view?.ended;
  useEffect(() => {
    if (ended === 'authorized') onAuthorized(null);
  }, [ended, onAuthorized]);

  if (startError) return <StartFailed error={startError} onRetry={restart} />;
  if (endedWithout) return <SessionEnded reason={endedWithout} onRestart={restart} />;
  if (!view || !sessionId) return <p role="status">{t('authorize.phase.connecting')}</p>;
  const { state, code } = view;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = firstProblem(PairingPhoneSchema, phone, t);
    setPhoneError(problem);
    setRequestError(null);
    if (problem) return;
    try {
      await authSessions.requestPairingCode(sessionId, phone.trim());
    } catch (error) {
      const shape = toAppError(error);
      const onField = fieldProblem(shape, 'phone', t);
      if (onField) setPhoneError(onField);
      else setRequestError(shape);
    }
  };

  const requesting = state.phase === 'requesting_code';
  return (
    <div className="pairing-panel">
      {(ASKS_PHONE.includes(state.phase) || requesting) && (
        <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
          <TextField
            id="pairing-phone"
            label={t('authorize.pairing.phone')}
            value={phone}
            onChange={setPhone}
            inputMode="numeric"
            autoComplete="tel"
            placeholder="441234567890"
            error={phoneError ?? undefined}
            hint={t('authorize.pairing.phoneHint')}
            required
          />
          <button type="submit" className="button button-primary" disabled={requesting} aria-busy={requesting}>
            {t(code ? 'authorize.pairing.newCode' : 'authorize.pairing.getCode')}
          </button>
        </form>
      )}
      {requestError && <ErrorMessage error={requestError} />}
      {code && state.phase === 'showing_code' && <PairingCodeView code={code.code} expiresAt={code.expiresAt} lifetimeMs={code.lifetimeMs} />}
      {state.phase === 'showing_code' && (
        <ol className="scan-steps">
          <li>{t('authorize.scan.open')}</li>
          <li>{t('authorize.pairing.linkWithPhone')}</li>
          <li>{t('authorize.pairing.enter')}</li>
        </ol>
      )}
      <SessionStatus state={state} method="pairingCode" onAction={(action) => runSessionAction(target, sessionId, action)} />
      {sandbox && state.phase === 'showing_code' && (
        <SandboxAction label={t('authorize.sandbox.enterCode')} run={() => call('sandbox.enterPairingCode', target)} />
      )}
    </div>
  );
}

/** "ABCD EFGH": two groups of four, large, with a copy button and the time left. */
function PairingCodeView({ code, expiresAt, lifetimeMs }: { code: string; expiresAt: number; lifetimeMs: number }) {
  const t = useT();
  const now = useSecondTick();
  const [copied, setCopied] = useState<boolean | null>(null);
  const groups = code.match(/.{1,4}/g) ?? [code];
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="pairing-code">
      <p className="pairing-code-value mono" aria-label={t('authorize.pairing.codeLabel', { code: code.split('').join(' ') })}>
        {groups.map((group, index) => (
          <span key={index}>{group}</span>
        ))}
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void copy()}>
          {t('authorize.pairing.copy')}
        </button>
        <span role="status" className="muted">
          {copied === true ? t('authorize.pairing.copied') : copied === false ? t('authorize.pairing.copyFailed') : ''}
        </span>
      </div>
      <Countdown expiresAt={expiresAt} lifetimeMs={lifetimeMs} now={now} label={t('authorize.pairing.countdownLabel')} />
    </div>
  );
}
