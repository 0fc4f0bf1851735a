import { useT } from '../i18n/use-t';
import { selectHasSandbox, useAccountsStore } from '../stores/accounts-store';

/** Always visible while any account points at the built-in sandbox, so demo data is never mistaken for real. */
export function SandboxBadge() {
  const t = useT();
  const hasSandbox = useAccountsStore(selectHasSandbox);
  if (!hasSandbox) return null;
  return (
    <p className="sandbox-badge" data-testid="sandbox-badge">
      {t('sandbox.badge')}
    </p>
  );
}
