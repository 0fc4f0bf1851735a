import { useState, type ComponentType } from 'react';
import type { AccountView } from '../../../shared/accounts';
import type { ProviderId } from '../../../shared/providers';
import { useT } from '../../i18n/use-t';
import { useAccountsStore } from '../../stores/accounts-store';
import { Chat2DeskDeliveries } from './chat2desk/Chat2DeskDeliveries';
import { ChatpushDeliveries } from './chatpush/ChatpushDeliveries';
import { AccountPicker, accountsWith } from './common/AccountPicker';
import { GreenApiDeliveries } from './greenapi/GreenApiDeliveries';
import './deliveries.css';

/** Each provider's delivery tools; which accounts get here is decided by the `deliveries` capability. */
const PANELS: Partial<Record<ProviderId, ComponentType<{ account: AccountView }>>> = {
  chatpush: ChatpushDeliveries as ComponentType<{ account: AccountView }>,
  greenapi: GreenApiDeliveries as ComponentType<{ account: AccountView }>,
  chat2desk: Chat2DeskDeliveries as ComponentType<{ account: AccountView }>,
};

/** "What happened to message X", for every account that can answer it. */
export function DeliveriesScreen() {
  const t = useT();
  const accounts = accountsWith(useAccountsStore((state) => state.accounts), 'deliveries');
  const loaded = useAccountsStore((state) => state.accounts !== null);
  const [accountId, setAccountId] = useState('');
  const account = accounts.find((candidate) => candidate.id === accountId) ?? accounts[0];
  const Panel = account ? PANELS[account.provider] : undefined;

  if (!loaded) return <p role="status">{t('common.loading')}</p>;
  if (!account) return <p className="message message-info">{t('deliveries.noAccounts')}</p>;
  return (
    <>
      <p className="muted">{t('deliveries.intro')}</p>
      <div className="pickers">
        <AccountPicker id="deliveries-account" label={t('deliveries.account')} accounts={accounts} value={account.id} onChange={setAccountId} />
      </div>
      {Panel && <Panel key={account.id} account={account} />}
    </>
  );
}
