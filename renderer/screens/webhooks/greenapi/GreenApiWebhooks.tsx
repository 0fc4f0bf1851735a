import { useCallback, useState } from 'react';
import type { AccountView } from '../../../../shared/accounts';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useT } from '../../../i18n/use-t';
import { EntryPicker } from '../../deliveries/common/AccountPicker';
import { useLoad } from '../../deliveries/common/use-load';
import { GreenApiWebhookForm } from './GreenApiWebhookForm';

type GreenApiAccountView = Extract<AccountView, { provider: 'greenapi' }>;

/** GREEN-API: webhook settings live per instance (specs/greenapi.md §3), so an instance is chosen first. */
export function GreenApiWebhooks({ account }: { account: GreenApiAccountView }) {
  const t = useT();
  const instances = account.instances.map((entry) => ({ id: entry.id, label: entry.label ? `${entry.label} (${entry.idInstance})` : entry.idInstance }));
  const [instanceId, setInstanceId] = useState(instances[0]?.id ?? '');
  const current = instances.some((entry) => entry.id === instanceId) ? instanceId : (instances[0]?.id ?? '');
  const settings = useLoad(useCallback(() => call('webhooks.greenapiGet', { accountId: account.id, instanceId: current }), [account.id, current]));

  return (
    <>
      <div className="pickers">
        <EntryPicker id="ga-webhook-instance" label={t('webhooks.ga.instance')} entries={instances} value={current} onChange={setInstanceId} />
      </div>
      {settings.loading && !settings.data && <p role="status">{t('common.loading')}</p>}
      {settings.error && <ErrorMessage error={settings.error} onRetry={() => void settings.reload()} />}
      {settings.data && (
        <GreenApiWebhookForm key={`${account.id}:${current}`} target={{ accountId: account.id, instanceId: current }} settings={settings.data} onSaved={settings.setData} />
      )}
    </>
  );
}
