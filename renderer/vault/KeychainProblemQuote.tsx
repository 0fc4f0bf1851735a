import type { VaultStatus } from '../../shared/vault';
import { useT } from '../i18n/use-t';
import { keychainProblemText } from './vault-words';

/** Why the OS keychain could not be used, quoted on the vault screens that are there because of it. */
export function KeychainProblemQuote({ status }: { status: VaultStatus }) {
  const t = useT();
  if (!status.keychainProblem) return null;
  return (
    <blockquote className="quote" aria-label={t('vault.keychainProblem')}>
      {keychainProblemText(status.keychainProblem, status.keychainName, t)}
    </blockquote>
  );
}
