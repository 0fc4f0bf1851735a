import { useState, type FormEvent } from 'react';
import { PassphraseSchema, type VaultStatus } from '../../shared/vault';
import { TextField } from '../components/TextField';
import { describeError } from '../errors/describe-error';
import { fieldErrorsOf } from '../errors/field-errors';
import { toAppError } from '../errors/to-app-error';
import { useT } from '../i18n/use-t';
import { useVaultStore } from '../stores/vault-store';
import { GateLayout } from './GateLayout';

/** No keychain answered and no vault exists yet: the data key will be derived from a passphrase. */
export function SetPassphraseForm({ status }: { status: VaultStatus }) {
  const t = useT();
  const setUpPassphrase = useVaultStore((state) => state.setUpPassphrase);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<{ passphrase?: string; confirmation?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    // Checked here as well as in main, so a mismatch never reaches the vault.
    const next = {
      passphrase: PassphraseSchema.safeParse(passphrase).success ? undefined : t('field.passphraseLength'),
      confirmation: confirmation === passphrase ? undefined : t('vault.setUp.mismatch'),
    };
    setErrors(next);
    if (next.passphrase || next.confirmation) return;
    setBusy(true);
    try {
      await setUpPassphrase(passphrase);
    } catch (failure) {
      const error = toAppError(failure);
      const fields = fieldErrorsOf(error, '', t);
      if (fields.passphrase) setErrors({ passphrase: fields.passphrase });
      else setFormError(describeError(error, t));
      setBusy(false);
    }
  };

  return (
    <GateLayout title={t('vault.setUp.title')}>
      <p>{t('vault.setUp.why', { keychain: status.keychainName })}</p>
      {status.keychainProblem && (
        <blockquote className="quote" aria-label={t('vault.keychainProblem')}>
          {status.keychainProblem}
        </blockquote>
      )}
      <p>{t('vault.setUp.how')}</p>
      <p className="message message-warning">
        <strong>{t('vault.setUp.warningTitle')}</strong> {t('vault.setUp.warning')}
      </p>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="vault-passphrase"
          label={t('vault.passphrase')}
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={setPassphrase}
          hint={t('vault.setUp.lengthHint')}
          error={errors.passphrase}
          required
        />
        <TextField
          id="vault-passphrase-confirmation"
          label={t('vault.setUp.confirm')}
          type="password"
          autoComplete="new-password"
          value={confirmation}
          onChange={setConfirmation}
          error={errors.confirmation}
          required
        />
        {formError && (
          <p className="message message-error" role="alert">
            {formError}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
            {t('vault.setUp.submit')}
          </button>
        </div>
      </form>
    </GateLayout>
  );
}
