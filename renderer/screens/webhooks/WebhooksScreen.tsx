import { useState, type ComponentType } from 'react';
import type { AccountView } from '../../../shared/accounts';
import type { ProviderId } from '../../../shared/providers';
import { useT } from '../../i18n/use-t';
import { useAccountsStore } from '../../stores/accounts-store';
import { AccountPicker, accountsWith } from '../deliveries/common/AccountPicker';
import { Tabs } from '../deliveries/common/Tabs';
import '../deliveries/deliveries.css';
import { Chat2DeskWebhooks } from './chat2desk/Chat2DeskWebhooks';
import { ChatpushWebhooks } from './chatpush/ChatpushWebhooks';
import { GreenApiWebhooks } from './greenapi/GreenApiWebhooks';
import { WebhookTester } from './tester/WebhookTester';

/** Each provider's webhook editor; which accounts get here is decided by the `webhooks` capability. */
const EDITORS: Partial<Record<ProviderId, ComponentType<{ account: AccountView }>>> = {
  chatpush: ChatpushWebhooks as ComponentType<{ account: AccountView }>,
  greenapi: GreenApiWebhooks as ComponentType<{ account: AccountView }>,
  chat2desk: Chat2DeskWebhooks,
};

type Section = 'webhooks' | 'tester';

/** Webhooks per account, and the tester: send a provider's sample to a receiver, or check a payload it got. */
export function WebhooksScreen() {
  const t = useT();
  const accounts = accountsWith(useAccountsStore((state) => state.accounts), 'webhooks');
  const loaded = useAccountsStore((state) => state.accounts !== null);
  const [accountId, setAccountId] = useState('');
  const [section, setSection] = useState<Section>('webhooks');
  const account = accounts.find((candidate) => candidate.id === accountId) ?? accounts[0];
  const Editor = account ? EDITORS[account.provider] : undefined;

  if (!loaded) return <p role="status">{t('common.loading')}</p>;
  const editor = account ? (
    <>
      <div className="pickers">
        <AccountPicker id="webhooks-account" label={t('webhooks.account')} accounts={accounts} value={account.id} onChange={setAccountId} />
      </div>
      {Editor && <Editor key={account.id} account={account} />}
    </>
  ) : (
    <p className="message message-info">{t('webhooks.noAccounts')}</p>
  );
  return (
    <>
      <p className="muted">{t('webhooks.intro')}</p>
      <Tabs
        label={t('webhooks.sections')}
        selected={section}
        onSelect={setSection}
        tabs={[
          { key: 'webhooks', label: t('webhooks.tab.webhooks'), panel: editor },
          { key: 'tester', label: t('webhooks.tab.tester'), panel: <WebhookTester accounts={accounts} /> },
        ]}
      />
    </>
  );
}
