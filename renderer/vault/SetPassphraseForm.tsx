import { useState, type FormEvent } from 'react';
import type { AppErrorShape, FieldIssue } from '../../shared/errors';
import { fieldIssueOf } from '../../shared/field-problems';
import { PassphraseSchema, type VaultStatus } from '../../shared/vault';
import { ErrorMessage } from '../components/ErrorMessage';
import { FormActions } from '../components/FormActions';
import { TextField } from '../components/TextField';
import { fieldErrorsOf } from '../errors/field-errors';
import { fieldIssueText } from '../errors/field-problem-text';
import { toAppError } from '../errors/to-app-error';
import { useT } from '../i18n/use-t';
import { useVaultStore } from '../stores/vault-store';
import { GateLayout } from './GateLayout';
import { KeychainProblemQuote } from './KeychainProblemQuote';

const PASSPHRASE_ID = 'vault-passphrase';
const CONFIRMATION_ID = 'vault-passphrase-confirmation';

/** No keychain answered and no vault exists yet: the data key will be derived from a passphrase. */
export function SetPassphraseForm({ status }: { status: VaultStatus }) {
  const t = useT();
  const setUpPassphrase = useVaultStore((state) => state.setUpPassphrase);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  /** The schema's (or main's) English message, translated when shown. */
  const [passphraseProblem, setPassphraseProblem] = useState<FieldIssue | null>(null);
  const [mismatch, setMismatch] = useState(false);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    // The same schema main applies, checked here too so a typo never reaches the vault.
    const first = PassphraseSchema.safeParse(passphrase).error?.issues[0];
    const problem = first ? fieldIssueOf(first) : null;
    const different = confirmation !== passphrase;
    setPassphraseProblem(problem);
    setMismatch(different);
    if (problem || different) {
      document.getElementById(problem ? PASSPHRASE_ID : CONFIRMATION_ID)?.focus();
      return;
    }
    setBusy(true);
    try {
      await setUpPassphrase(passphrase);
    } catch (caught) {
      const error = toAppError(caught);
      const fields = fieldErrorsOf(error, '');
      if (fields.passphrase) {
        setPassphraseProblem(fields.passphrase);
        document.getElementById(PASSPHRASE_ID)?.focus();
      } else setFailure(error);
      setBusy(false);
    }
  };

  return (
    <GateLayout title={t('vault.setUp.title')}>
      <p>{t('vault.setUp.why', { keychain: status.keychainName })}</p>
      <KeychainProblemQuote status={status} />
      <p>{t('vault.setUp.how')}</p>
      <p className="message message-warning">
        <strong>{t('vault.setUp.warningTitle')}</strong> {t('vault.setUp.warning')}
      </p>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id={PASSPHRASE_ID}
          label={t('vault.passphrase')}
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={setPassphrase}
          hint={t('vault.setUp.lengthHint')}
          error={passphraseProblem ? fieldIssueText(passphraseProblem, t) : undefined}
          required
        />
        <TextField
          id={CONFIRMATION_ID}
          label={t('vault.setUp.confirm')}
          type="password"
          autoComplete="new-password"
          value={confirmation}
          onChange={setConfirmation}
          error={mismatch ? t('vault.setUp.mismatch') : undefined}
          required
        />
        {failure && <ErrorMessage error={failure} />}
        <FormActions submit={t('vault.setUp.submit')} busy={busy} />
      </form>
    </GateLayout>
  );
}
