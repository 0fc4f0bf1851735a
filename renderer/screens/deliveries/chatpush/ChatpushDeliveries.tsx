import { useMemo, useState } from 'react';
import type { AccountView } from '../../../../shared/accounts';
import { useT } from '../../../i18n/use-t';
import { EntrySections } from '../common/EntrySections';
import { useChosenEntry } from '../common/use-chosen-entry';
import { BulkLookupPanel } from './BulkLookupPanel';
import { LookupPanel } from './LookupPanel';
import { NumberLookupPanel } from './NumberLookupPanel';
import { StatusDictionary } from './StatusDictionary';
import type { ClientTarget } from './target';
import { TestMessagePanel } from './TestMessagePanel';

type Section = 'lookup' | 'bulk' | 'number' | 'test' | 'dictionary';
type ChatpushAccountView = Extract<AccountView, { provider: 'chatpush' }>;

/** Chategy/Jetapi deliveries: everything is read with one client token, chosen first. */
export function ChatpushDeliveries({ account }: { account: ChatpushAccountView }) {
  const t = useT();
  const tokens = account.clientTokens.map((entry, index) => ({ id: entry.id, label: entry.label || `${t('deliveries.clientToken')} ${index + 1}` }));
  const [tokenId, setTokenId] = useChosenEntry(tokens);
  const [section, setSection] = useState<Section>('lookup');
  const [lookupId, setLookupId] = useState('');
  const target: ClientTarget = useMemo(() => ({ accountId: account.id, tokenId }), [account.id, tokenId]);

  if (tokens.length === 0) {
    return (
      <>
        <p className="message message-info">{t('deliveries.noClientTokens')}</p>
        <StatusDictionary />
      </>
    );
  }

  return (
    <EntrySections
      accountId={account.id}
      picker={{ id: 'deliveries-token', label: t('deliveries.clientToken'), hint: t('deliveries.clientTokenHint'), entries: tokens }}
      entry={tokenId}
      onEntryChange={setTokenId}
      selected={section}
      onSelect={setSection}
      sections={[
        { key: 'lookup', label: t('deliveries.tab.lookup'), panel: <LookupPanel target={target} idField={lookupId} onIdChange={setLookupId} /> },
        { key: 'bulk', label: t('deliveries.tab.bulk'), panel: <BulkLookupPanel target={target} /> },
        { key: 'number', label: t('deliveries.tab.number'), panel: <NumberLookupPanel target={target} /> },
        {
          key: 'test',
          label: t('deliveries.tab.test'),
          panel: (
            <TestMessagePanel
              target={target}
              accountHasKey={!!account.idempotencyKey}
              onLookUp={(id) => {
                setLookupId(String(id));
                setSection('lookup');
              }}
            />
          ),
        },
        { key: 'dictionary', label: t('deliveries.tab.dictionary'), panel: <StatusDictionary /> },
      ]}
    />
  );
}
