import { useState, type FormEvent } from 'react';
import { LoginCodeSchema, LoginPhoneSchema } from '../../../../shared/auth';
import type { AppErrorShape } from '../../../../shared/errors';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { TextField } from '../../../components/TextField';
import { toAppError } from '../../../errors/to-app-error';
import { useT } from '../../../i18n/use-t';
import { fieldProblem, firstProblem, providerFieldProblem } from '../field-messages';
import type { TabProps } from './QrTab';

type Step = 'phone' | 'code' | 'done';

/** §4.4's 422 fields of send_phone and send_code: each is about the one input on screen. */
const INPUT_FIELDS = ['phone', 'code', 'confirmation_code'];
/** §4.4: close_session's 422 `max_session_closer: session_not_found`: nothing was open to close. */
const NO_SESSION_FIELD = ['max_session_closer'];

/**
 * MAX (§4.4): the phone, then the SMS code, each one request; close_session resets a MAX login. MAX has no state
 * to read back (no session field), so the tab follows the answers.
 */
export function MaxTab({ target, sandbox, onAuthorized }: TabProps) {
  const t = useT();
  const [step, setStep] = useState<Step>('phone');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  const [sandboxCode, setSandboxCode] = useState<string | null>(null);
  const [noSession, setNoSession] = useState(false);

  const run = async (work: () => Promise<unknown>, path: string | null, onNoSession?: () => void) => {
    setBusy(true);
    setFailure(null);
    setNoSession(false);
    try {
      await work();
      return true;
    } catch (error) {
      const shape = toAppError(error);
      const onField = path ? (fieldProblem(shape, path, t) ?? providerFieldProblem(shape, INPUT_FIELDS, t)) : null;
      if (onField) setFieldError(onField);
      else if (onNoSession && providerFieldProblem(shape, NO_SESSION_FIELD, t)) {
        setNoSession(true);
        onNoSession();
      } else setFailure(shape);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = step === 'phone' ? phone : code;
    const problem = firstProblem(step === 'phone' ? LoginPhoneSchema : LoginCodeSchema, value, t);
    setFieldError(problem);
    if (problem) return;
    if (step === 'phone') {
      if (await run(() => call('auth.max', { ...target, step: 'sendPhone', value }), 'value')) {
        setStep('code');
        if (sandbox) void call('sandbox.authCodes', target).then((codes) => setSandboxCode(codes.maxCode), () => {});
      }
    } else if (await run(() => call('auth.max', { ...target, step: 'sendCode', value }), 'value')) {
      setStep('done');
      onAuthorized(null);
    }
  };

  const closeSession = async () => {
    let nothingOpen = false;
    const closed = await run(() => call('auth.max', { ...target, step: 'closeSession' }), null, () => (nothingOpen = true));
    // Closed, or there was nothing to close: either way the login starts again at the phone number.
    if (closed || nothingOpen) {
      setConfirmClose(false);
      setStep('phone');
      setCode('');
      setFieldError(null);
    }
  };

  return (
    <div className="max-panel">
      <p>{t(step === 'code' ? 'authorize.max.codeIntro' : 'authorize.max.intro')}</p>
      {step !== 'done' && (
        <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
          {step === 'phone' ? (
            <TextField id="max-phone" label={t('authorize.max.phone')} value={phone} onChange={setPhone} autoComplete="tel" inputMode="numeric" placeholder="+7 981 159-77-45" error={fieldError ?? undefined} hint={t('authorize.max.phoneHint')} required />
          ) : (
            <TextField id="max-code" label={t('authorize.max.code')} value={code} onChange={setCode} autoComplete="one-time-code" inputMode="numeric" error={fieldError ?? undefined} hint={sandboxCode ? t('authorize.sandbox.maxCode', { code: sandboxCode }) : undefined} required />
          )}
          <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
            {t(step === 'phone' ? 'authorize.max.sendPhone' : 'authorize.max.sendCode')}
          </button>
        </form>
      )}
      {step === 'code' && (
        <button type="button" className="link-button" onClick={() => setStep('phone')}>
          {t('authorize.max.changePhone')}
        </button>
      )}
      {step === 'done' && <p className="message message-info" role="status">{t('authorize.max.done')}</p>}
      {failure && <ErrorMessage error={failure} />}
      {noSession && (
        <p className="message message-info" role="status">
          {t('authorize.max.noSession')}
        </p>
      )}
      {confirmClose ? (
        <div className="confirm-inline" role="group" aria-label={t('authorize.max.closeSession')}>
          <p>{t('authorize.max.closeConfirm')}</p>
          <div className="button-row">
            <button type="button" className="button button-danger" disabled={busy} onClick={() => void closeSession()}>
              {t('authorize.max.closeSession')}
            </button>
            <button type="button" className="button" onClick={() => setConfirmClose(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button button-danger-quiet" onClick={() => setConfirmClose(true)}>
          {t('authorize.max.closeSession')}
        </button>
      )}
    </div>
  );
}
