import { useCallback, useState } from 'react';
import type { AccountView } from '../../../../shared/accounts';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useT } from '../../../i18n/use-t';
import { useAccountsStore } from '../../../stores/accounts-store';
import { EntryPicker } from '../../deliveries/common/AccountPicker';
import { useLoad } from '../../deliveries/common/use-load';
import { CopySettings } from './CopySettings';
import { GreenApiSettingsForm } from './GreenApiSettingsForm';

type GreenApiAccountView = Extract<AccountView, { provider: 'greenapi' }>;
const isGreenApi = (account: AccountView): account is GreenApiAccountView => account.provider === 'greenapi';

/** GREEN-API settings live per instance (specs/greenapi.md §3): an instance is chosen first. */
export function GreenApiSettings({ account }: { account: GreenApiAccountView }) {
  const t = useT();
  const allAccounts = useAccountsStore((state) => state.accounts);
  const instances = account.instances.map((entry) => ({ id: entry.id, label: entry.label ? `${entry.label} (${entry.idInstance})` : entry.idInstance }));
  const [instanceId, setInstanceId] = useState(instances[0]?.id ?? '');
  const current = instances.some((entry) => entry.id === instanceId) ? instanceId : (instances[0]?.id ?? '');
  const target = { accountId: account.id, instanceId: current };
  const settings = useLoad(useCallback(() => call('instancesettings.greenapiGet', { accountId: account.id, instanceId: current }), [account.id, current]));

  if (!current) return <p className="message message-info">{t('settings.noInstances')}</p>;
  return (
    <>
      <div className="pickers">
        <EntryPicker id="settings-instance" label={t('settings.instance')} entries={instances} value={current} onChange={setInstanceId} />
      </div>
      {settings.loading && !settings.data && <p role="status">{t('common.loading')}</p>}
      {settings.error && <ErrorMessage error={settings.error} onRetry={() => void settings.reload()} />}
      {settings.data && (
        <>
          <GreenApiSettingsForm key={`${account.id}:${current}`} target={target} settings={settings.data} onSaved={settings.setData} />
          <CopySettings key={`copy:${account.id}:${current}`} source={target} accounts={(allAccounts ?? []).filter(isGreenApi)} />
        </>
      )}
    </>
  );
}
