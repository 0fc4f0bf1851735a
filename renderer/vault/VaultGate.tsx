import type { ReactNode } from 'react';
import { ErrorMessage } from '../components/ErrorMessage';
import { useT } from '../i18n/use-t';
import { useVaultStore } from '../stores/vault-store';
import { GateLayout } from './GateLayout';
import { SetPassphraseForm } from './SetPassphraseForm';
import { UnlockForm } from './UnlockForm';
import { VaultProblem } from './VaultProblem';

/** Nothing else renders until the vault can read secrets: every screen behind it may need them. */
export function VaultGate({ children }: { children: ReactNode }) {
  const t = useT();
  const status = useVaultStore((state) => state.status);
  const loadError = useVaultStore((state) => state.loadError);
  const load = useVaultStore((state) => state.load);

  if (loadError) {
    return (
      <GateLayout title={t('vault.unreachable.title')}>
        <ErrorMessage error={loadError} />
        <button type="button" className="button button-primary" onClick={() => void load()}>
          {t('common.tryAgain')}
        </button>
      </GateLayout>
    );
  }
  if (!status) {
    return (
      <GateLayout title={t('vault.checking.title')}>
        <p role="status">{t('common.loading')}</p>
      </GateLayout>
    );
  }
  switch (status.state) {
    case 'ready':
      return children;
    case 'needs_passphrase':
      return <SetPassphraseForm status={status} />;
    case 'locked':
      return <UnlockForm />;
    case 'corrupt':
    case 'key_missing':
      return <VaultProblem status={status} />;
  }
}
