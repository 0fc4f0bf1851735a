import type { AccountView } from '../../../shared/accounts';
import { useT } from '../../i18n/use-t';
import { AccountRow } from './AccountRow';

type AccountsTableProps = {
  accounts: AccountView[];
  onEdit: (account: AccountView) => void;
  onRemove: (account: AccountView) => void;
};

export function AccountsTable({ accounts, onEdit, onRemove }: AccountsTableProps) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className="table accounts-table">
        <caption className="visually-hidden">{t('screen.accounts.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('account.name')}</th>
            <th scope="col">{t('account.provider')}</th>
            <th scope="col">{t('chatpush.brand')}</th>
            <th scope="col">{t('accounts.credentials')}</th>
            <th scope="col">{t('accounts.lastTest')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <AccountRow key={account.id} account={account} onEdit={onEdit} onRemove={onRemove} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
