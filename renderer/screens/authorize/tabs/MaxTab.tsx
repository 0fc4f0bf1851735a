import { useState, type FormEvent } from 'react';
import { LoginCodeSchema, LoginPhoneSchema } from '../../../../shared/auth';
import type { AppErrorShape } from '../../../../shared/errors';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { TextField } from '../../../components/TextField';
import { toAppError } from '../../../errors/to-app-error';
import { useT } from '../../../i18n/use-t';
import { fieldProblem, firstProblem } from '../field-messages';
import type { TabProps } from './QrTab';

type Step = 'phone' | 'code' | 'done';

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

  const run = async (work: () => Promise<unknown>, path: string | null) => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
      return true;
    } catch (error) {
      const shape = toAppError(error);
      const onField = path ? fieldProblem(shape, path, t) : null;
      if (onField) setFieldError(onField);
      else setFailure(shape);
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
    if (await run(() => call('auth.max', { ...target, step: 'closeSession' }), null)) {
      setConfirmClose(false);
      setStep('phone');
      setCode('');
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
