import { useState } from 'react';
import type { AppErrorShape } from '../../shared/errors';
import type { NetworkTestResult } from '../../shared/network-settings';
import { call } from '../bridge/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField } from '../components/SelectField';
import { toAppError } from '../errors/to-app-error';
import { useT } from '../i18n/use-t';
import { ConnectionReport } from '../screens/accounts/ConnectionReport';
import { useAccountsStore } from '../stores/accounts-store';

/**
 * "Test through proxy": an account's own connection test under the saved setting, and whether its address went
 * through the proxy at all (a bypass entry or a loopback address goes direct), so a pass is not mistaken for proof.
 */
export function ProxyTestPanel({ unsaved }: { unsaved: boolean }) {
  const t = useT();
  const accounts = useAccountsStore((state) => state.accounts) ?? [];
  const [chosen, setChosen] = useState('');
  const [result, setResult] = useState<NetworkTestResult | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const accountId = accounts.some((account) => account.id === chosen) ? chosen : (accounts[0]?.id ?? '');

  const run = async () => {
    setBusy(true);
    setFailure(null);
    setResult(null);
    try {
      setResult(await call('network.test', { accountId }));
    } catch (error) {
      setFailure(toAppError(error));
    } finally {
      setBusy(false);
    }
  };

  const name = accounts.find((account) => account.id === accountId)?.name;
  return (
    <section className="fieldset" aria-labelledby="network-test-title">
      <h3 id="network-test-title">{t('network.test.title')}</h3>
      <p className="field-hint">{t('network.test.hint')}</p>
      {accounts.length === 0 ? (
        <p>{t('network.test.noAccounts')}</p>
      ) : (
        <>
          <SelectField
            id="network-test-account"
            label={t('network.test.account')}
            value={accountId}
            options={accounts.map((account) => ({ value: account.id, label: account.name }))}
            onChange={setChosen}
          />
          {unsaved && <p className="field-hint">{t('network.test.unsaved')}</p>}
          <div className="button-row">
            <button type="button" className="button" disabled={busy || unsaved} aria-busy={busy} onClick={() => void run()}>
              {t('network.test.run')}
            </button>
          </div>
        </>
      )}
      {failure && <ErrorMessage error={failure} />}
      {result && (
        <div role="status">
          <p>{result.proxy ? t('network.test.via', { proxy: result.proxy }) : t('network.test.direct')}</p>
          <ConnectionReport result={result.result} subject={name} />
        </div>
      )}
    </section>
  );
}
