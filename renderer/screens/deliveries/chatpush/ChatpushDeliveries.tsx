import { useMemo, useState } from 'react';
import type { AccountView } from '../../../../shared/accounts';
import { useT } from '../../../i18n/use-t';
import { EntryPicker } from '../common/AccountPicker';
import { Tabs } from '../common/Tabs';
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
  const [tokenId, setTokenId] = useState(tokens[0]?.id ?? '');
  const [section, setSection] = useState<Section>('lookup');
  const [lookupId, setLookupId] = useState('');
  // The chosen token may have been removed on the Accounts screen meanwhile: fall back to the first.
  const current = tokens.some((token) => token.id === tokenId) ? tokenId : (tokens[0]?.id ?? '');
  const target: ClientTarget = useMemo(() => ({ accountId: account.id, tokenId: current }), [account.id, current]);

  if (tokens.length === 0) {
    return (
      <>
        <p className="message message-info">{t('deliveries.noClientTokens')}</p>
        <StatusDictionary />
      </>
    );
  }

  return (
    <>
      <div className="pickers">
        <EntryPicker id="deliveries-token" label={t('deliveries.clientToken')} hint={t('deliveries.clientTokenHint')} entries={tokens} value={current} onChange={setTokenId} />
      </div>
      <Tabs
        key={`${account.id}:${current}`}
        label={t('deliveries.sections')}
        selected={section}
        onSelect={setSection}
        tabs={[
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
    </>
  );
}
