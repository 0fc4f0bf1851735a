import { useState } from 'react';
import type { AccountView } from '../../../../shared/accounts';
import { useT } from '../../../i18n/use-t';
import { Tabs } from '../common/Tabs';
import { Chat2DeskMessageList } from './Chat2DeskMessageList';
import { Chat2DeskMessagePanel } from './Chat2DeskMessagePanel';

type Section = 'message' | 'messages';

/** Chat2Desk (spec A8): a message by id with its delivery status, and filtered lists. */
export function Chat2DeskDeliveries({ account }: { account: AccountView }) {
  const t = useT();
  const [section, setSection] = useState<Section>('message');
  return (
    <Tabs
      label={t('deliveries.sections')}
      selected={section}
      onSelect={setSection}
      tabs={[
        { key: 'message', label: t('deliveries.tab.message'), panel: <Chat2DeskMessagePanel accountId={account.id} /> },
        { key: 'messages', label: t('deliveries.tab.messages'), panel: <Chat2DeskMessageList accountId={account.id} /> },
      ]}
    />
  );
}
