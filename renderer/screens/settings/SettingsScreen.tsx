import { useState, type ComponentType } from 'react';
import type { AccountView } from '../../../shared/accounts';
import type { ProviderId } from '../../../shared/providers';
import { useT } from '../../i18n/use-t';
import { useAccountsStore } from '../../stores/accounts-store';
import { AccountPicker, accountsWith } from '../deliveries/common/AccountPicker';
import '../deliveries/deliveries.css';
import { Chat2DeskSettings } from './chat2desk/Chat2DeskSettings';
import { ChatpushSettings } from './chatpush/ChatpushSettings';
import { GreenApiSettings } from './greenapi/GreenApiSettings';

/**
 * Each provider's instance-settings editor. Accounts come by the `settings` capability; a provider whose editor is
 * not built yet is not offered.
 */
const EDITORS: Partial<Record<ProviderId, ComponentType<{ account: AccountView }>>> = {
  chatpush: ChatpushSettings,
  chat2desk: Chat2DeskSettings,
  greenapi: GreenApiSettings as ComponentType<{ account: AccountView }>,
};

/** Per-instance provider settings: pick an account (and, inside its editor, an instance). */
export function SettingsScreen() {
  const t = useT();
  const accounts = accountsWith(useAccountsStore((state) => state.accounts), 'settings').filter((account) => EDITORS[account.provider]);
  const loaded = useAccountsStore((state) => state.accounts !== null);
  const [accountId, setAccountId] = useState('');
  const account = accounts.find((candidate) => candidate.id === accountId) ?? accounts[0];
  const Editor = account ? EDITORS[account.provider] : undefined;

  if (!loaded) return <p role="status">{t('common.loading')}</p>;
  return (
    <>
      <p className="muted">{t('settings.intro')}</p>
      {account && Editor ? (
        <>
          <div className="pickers">
            <AccountPicker id="settings-account" label={t('settings.account')} accounts={accounts} value={account.id} onChange={setAccountId} />
          </div>
          <Editor key={account.id} account={account} />
        </>
      ) : (
        <p className="message message-info">{t('settings.noAccounts')}</p>
      )}
    </>
  );
}
