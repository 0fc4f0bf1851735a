import { useMemo, useState } from 'react';
import type { AccountView } from '../../../../shared/accounts';
import { useT } from '../../../i18n/use-t';
import { EntrySections } from '../common/EntrySections';
import { useChosenEntry } from '../common/use-chosen-entry';
import { GreenApiMessagePanel } from './GreenApiMessagePanel';
import { GreenApiOutgoingPanel } from './GreenApiOutgoingPanel';
import { GreenApiQueuePanel } from './GreenApiQueuePanel';
import { GreenApiSendPanel } from './GreenApiSendPanel';
import type { InstanceTarget } from './target';

type Section = 'message' | 'outgoing' | 'queue' | 'test';
type GreenApiAccountView = Extract<AccountView, { provider: 'greenapi' }>;

/** GREEN-API: one instance at a time; its journals, its queue and a test send (specs/greenapi.md §6–7). */
export function GreenApiDeliveries({ account }: { account: GreenApiAccountView }) {
  const t = useT();
  const instances = account.instances.map((entry) => ({ id: entry.id, label: entry.label ? `${entry.label} (${entry.idInstance})` : entry.idInstance }));
  const [instanceId, setInstanceId] = useChosenEntry(instances);
  const [section, setSection] = useState<Section>('message');
  const [lookup, setLookup] = useState({ chatId: '', idMessage: '' });
  const target: InstanceTarget = useMemo(() => ({ accountId: account.id, instanceId }), [account.id, instanceId]);

  return (
    <EntrySections
      accountId={account.id}
      picker={{ id: 'deliveries-instance', label: t('deliveries.instance'), entries: instances }}
      entry={instanceId}
      onEntryChange={setInstanceId}
      selected={section}
      onSelect={setSection}
      sections={[
        { key: 'message', label: t('deliveries.tab.message'), panel: <GreenApiMessagePanel target={target} value={lookup} onChange={setLookup} /> },
        { key: 'outgoing', label: t('deliveries.tab.outgoing'), panel: <GreenApiOutgoingPanel target={target} /> },
        { key: 'queue', label: t('deliveries.tab.queue'), panel: <GreenApiQueuePanel target={target} /> },
        {
          key: 'test',
          label: t('deliveries.tab.test'),
          panel: (
            <GreenApiSendPanel
              target={target}
              onFind={(chatId, idMessage) => {
                setLookup({ chatId, idMessage });
                setSection('message');
              }}
            />
          ),
        },
      ]}
    />
  );
}
