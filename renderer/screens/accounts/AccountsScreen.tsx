import { useState } from 'react';
import type { AccountView } from '../../../shared/accounts';
import { describeError } from '../../errors/describe-error';
import { useT } from '../../i18n/use-t';
import { useAccountsStore } from '../../stores/accounts-store';
import { AccountsTable } from './AccountsTable';
import { EmptyAccounts } from './EmptyAccounts';
import { AccountFormDialog } from './form/AccountFormDialog';
import { RemoveAccountDialog } from './RemoveAccountDialog';

type OpenDialog = { kind: 'add' } | { kind: 'edit'; account: AccountView } | { kind: 'remove'; account: AccountView } | null;

/** Provider accounts: the credentials every other screen works with. */
export function AccountsScreen() {
  const t = useT();
  const accounts = useAccountsStore((state) => state.accounts);
  const loadError = useAccountsStore((state) => state.loadError);
  const load = useAccountsStore((state) => state.load);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const close = () => setDialog(null);

  const failing = accounts?.filter((account) => account.lastTest && !account.lastTest.ok).length ?? 0;

  return (
    <>
      {loadError && (
        <div className="message message-error" role="alert">
          <p>{t(accounts ? 'accounts.staleList' : 'accounts.loadFailed', { reason: describeError(loadError, t) })}</p>
          <button type="button" className="button" onClick={() => void load()}>
            {t('common.tryAgain')}
          </button>
        </div>
      )}
      {!accounts && !loadError && <p role="status">{t('common.loading')}</p>}
      {accounts && accounts.length === 0 && <EmptyAccounts onAdd={() => setDialog({ kind: 'add' })} />}
      {accounts && accounts.length > 0 && (
        <>
          <div className="toolbar">
            <p className="counts">
              {t('accounts.count', { count: accounts.length })}
              {failing > 0 && <span className="badge badge-failed">{t('accounts.failingCount', { count: failing })}</span>}
            </p>
            <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'add' })}>
              {t('accounts.add')}
            </button>
          </div>
          <AccountsTable
            accounts={accounts}
            onEdit={(account) => setDialog({ kind: 'edit', account })}
            onRemove={(account) => setDialog({ kind: 'remove', account })}
          />
        </>
      )}
      {dialog?.kind === 'add' && <AccountFormDialog editing={null} onClose={close} />}
      {dialog?.kind === 'edit' && <AccountFormDialog editing={dialog.account} onClose={close} />}
      {dialog?.kind === 'remove' && <RemoveAccountDialog account={dialog.account} onClose={close} />}
    </>
  );
}
