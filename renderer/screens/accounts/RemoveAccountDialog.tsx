import type { AccountView } from '../../../shared/accounts';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useT } from '../../i18n/use-t';
import { useAccountsStore } from '../../stores/accounts-store';
import { useNoticeStore } from '../../stores/notice-store';

/** Removing forgets the credentials on this computer only; say so, and name the account. */
export function RemoveAccountDialog({ account, onClose }: { account: AccountView; onClose: () => void }) {
  const t = useT();
  const remove = useAccountsStore((state) => state.remove);
  const announce = useNoticeStore((state) => state.announce);
  return (
    <ConfirmDialog
      title={t('accounts.remove.title', { name: account.name })}
      body={t('accounts.remove.body')}
      confirmLabel={t('accounts.remove.confirm')}
      onConfirm={async () => {
        await remove(account.id);
        announce(t('accounts.removed', { name: account.name }));
      }}
      onClose={onClose}
    />
  );
}
