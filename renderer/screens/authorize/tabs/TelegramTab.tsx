import { useEffect, useState, type FormEvent } from 'react';
import { LoginCodeSchema, LoginPhoneSchema, type TelegramCommandName } from '../../../../shared/auth';
import type { AppErrorShape } from '../../../../shared/errors';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { TextField } from '../../../components/TextField';
import { describeError } from '../../../errors/describe-error';
import { toAppError } from '../../../errors/to-app-error';
import type { Translate } from '../../../i18n/translate';
import { useT } from '../../../i18n/use-t';
import { authSessions } from '../auth-sessions-store';
import { firstProblem } from '../field-messages';
import { runSessionAction } from '../session-actions';
import { SessionStatus } from '../SessionStatus';
import { SessionEnded } from '../SessionEnded';
import { StartFailed } from '../StartFailed';
import { useAuthSession } from '../use-auth-session';
import type { TabProps } from './QrTab';

type Step = Exclude<TelegramCommandName, 'reset'>;
const STEP_FIELDS: Record<Step, { schema: typeof LoginPhoneSchema; type: 'text' | 'password'; autoComplete: string }> = {
  sendPhone: { schema: LoginPhoneSchema, type: 'text', autoComplete: 'tel' },
  sendCode: { schema: LoginCodeSchema, type: 'text', autoComplete: 'one-time-code' },
  sendPassword: { schema: LoginCodeSchema, type: 'password', autoComplete: 'current-password' },
};

/**
 * Telegram (TDLib) login by phone, code and two-step password (§4.2). The room's state decides which step is
 * asked; a refused step is shown under its field, with what was typed kept.
 */
export function TelegramTab({ target, sandbox, onAuthorized }: TabProps) {
  const t = useT();
  const { sessionId, view, startError, endedWithout, restart } = useAuthSession(target, 'telegram');
  const [values, setValues] = useState<Record<Step, string>>({ sendPhone: '', sendCode: '', sendPassword: '' });
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [sandboxCode, setSandboxCode] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const ended = view?.ended;
  const phase = view?.state.phase;
  useEffect(() => {
    if (ended === 'authorized') onAuthorized(null);
  }, [ended, onAuthorized]);
  useEffect(() => {
    if (sandbox && phase === 'wait_code') void call('sandbox.authCodes', target).then((codes) => setSandboxCode(codes.telegramCode), () => {});
  }, [sandbox, phase, target]);

  if (startError) return <StartFailed error={startError} onRetry={restart} />;
  if (endedWithout) return <SessionEnded reason={endedWithout} onRestart={restart} />;
  if (!view || !sessionId) return <p role="status">{t('authorize.phase.connecting')}</p>;
  const { state } = view;
  const step = (['sendPhone', 'sendCode', 'sendPassword'] as const).find((candidate) => state.actions.includes(candidate));
  const busy = state.pending !== null;

  const send = async (command: TelegramCommandName, value?: string) => {
    setFailure(null);
    try {
      await authSessions.telegram(sessionId, command, value);
    } catch (error) {
      setFailure(toAppError(error));
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!step) return;
    const problem = firstProblem(STEP_FIELDS[step].schema, values[step], t);
    setFieldError(problem);
    if (!problem) await send(step, values[step]);
  };

  const commandProblem = state.commandError ? commandErrorText(state.commandError, t) : undefined;
  return (
    <div className="telegram-panel">
      {step && (
        <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
          <TextField
            id={`telegram-${step}`}
            label={t(`authorize.telegram.${step}`)}
            type={STEP_FIELDS[step].type}
            value={values[step]}
            onChange={(value) => setValues({ ...values, [step]: value })}
            autoComplete={STEP_FIELDS[step].autoComplete}
            inputMode={step === 'sendPassword' ? 'text' : 'numeric'}
            error={fieldError ?? commandProblem}
            hint={step === 'sendCode' && sandboxCode ? t('authorize.sandbox.telegramCode', { code: sandboxCode }) : t(`authorize.telegram.${step}Hint`)}
            required
          />
          <button type="submit" className="button button-primary" disabled={busy} aria-busy={state.pending === step}>
            {t(`authorize.telegram.${step}Button`)}
          </button>
        </form>
      )}
      {failure && <ErrorMessage error={failure} />}
      <SessionStatus state={state} method="telegram" onAction={(action) => runSessionAction(target, sessionId, action)} />
      {state.actions.includes('reset') &&
        (confirmReset ? (
          <div className="confirm-inline" role="group" aria-label={t('authorize.telegram.reset')}>
            <p>{t('authorize.telegram.resetConfirm')}</p>
            <div className="button-row">
              <button type="button" className="button button-danger" disabled={busy} onClick={() => void send('reset').then(() => setConfirmReset(false))}>
                {t('authorize.telegram.reset')}
              </button>
              <button type="button" className="button" onClick={() => setConfirmReset(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            className="button button-danger-quiet"
            disabled={busy}
            // Logged in already: a reset logs the account out, so it is asked once more. Mid-login it only starts over.
            onClick={() => (state.phase === 'already_authorized' ? setConfirmReset(true) : void send('reset'))}
          >
            {t('authorize.telegram.reset')}
          </button>
        ))}
    </div>
  );
}

/**
 * A refused step in the platform's own words when it names the field ("code: invalid code", §4.2's 422 meta),
 * else the general description of the error.
 */
function commandErrorText(error: AppErrorShape, t: Translate): string {
  const fields = error.details?.fields ?? [];
  if (error.code === 'provider_validation' && fields.length > 0) {
    return t('authorize.telegram.refused', { reason: fields.map((field) => field.message).join('; ') });
  }
  return describeError(error, t);
}
