import { useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../shared/errors';
import { FormActions } from '../components/FormActions';
import { TextField } from '../components/TextField';
import { describeError } from '../errors/describe-error';
import { toAppError } from '../errors/to-app-error';
import { useT } from '../i18n/use-t';
import { useVaultStore } from '../stores/vault-store';
import { GateLayout } from './GateLayout';

const PASSPHRASE_ID = 'vault-unlock-passphrase';

/** A passphrase vault exists: ask for it. A wrong one keeps what was typed, to fix a typo rather than retype. */
export function UnlockForm() {
  const t = useT();
  const unlock = useVaultStore((state) => state.unlock);
  const [passphrase, setPassphrase] = useState('');
  // 'empty' is caught here; anything else is main's answer, worded at render so a language switch re-words it.
  const [error, setError] = useState<AppErrorShape | 'empty' | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!passphrase) {
      setError('empty');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await unlock(passphrase);
    } catch (failure) {
      setError(toAppError(failure));
      setBusy(false);
      // Back to the field, which now reads out the error with it.
      document.getElementById(PASSPHRASE_ID)?.focus();
    }
  };

  return (
    <GateLayout title={t('vault.unlock.title')}>
      <p>{t('vault.unlock.why')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id={PASSPHRASE_ID}
          label={t('vault.passphrase')}
          type="password"
          autoComplete="current-password"
          value={passphrase}
          onChange={setPassphrase}
          error={error === 'empty' ? t('field.required') : error ? describeError(error, t) : undefined}
          required
        />
        <FormActions submit={t('vault.unlock.submit')} busy={busy} />
      </form>
    </GateLayout>
  );
}
