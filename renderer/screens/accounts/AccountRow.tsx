import { useId, useState } from 'react';
import type { AccountView } from '../../../shared/accounts';
import type { AppErrorShape } from '../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { StatusBadge } from '../../components/StatusBadge';
import { toAppError } from '../../errors/to-app-error';
import { useFormat } from '../../i18n/format';
import { brandName, providerName } from '../../i18n/provider-names';
import { useT } from '../../i18n/use-t';
import { useAccountsStore } from '../../stores/accounts-store';
import { WorkbenchDialog } from '../workbench/WorkbenchDialog';
import { ConnectionReport } from './ConnectionReport';
import { brandOf, credentialSummary } from './credential-summary';

const COLUMN_COUNT = 6;

type AccountRowProps = {
  account: AccountView;
  onEdit: (account: AccountView) => void;
  onRemove: (account: AccountView) => void;
};

/** One account: what it is, its masked secrets, its last test (expandable to every check) and its actions. */
export function AccountRow({ account, onEdit, onRemove }: AccountRowProps) {
  const t = useT();
  const format = useFormat();
  const test = useAccountsStore((state) => state.test);
  const [testing, setTesting] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const [workbenchOpen, setWorkbenchOpen] = useState(false);
  const [testError, setTestError] = useState<AppErrorShape | null>(null);
  const detailsId = useId();
  const brand = brandOf(account);
  const lastTest = account.lastTest;

  const runTest = async () => {
    setTesting(true);
    setTestError(null);
    try {
      await test(account.id);
    } catch (failure) {
      setTestError(toAppError(failure));
    } finally {
      setTesting(false);
      setExpanded(true);
    }
  };

  return (
    <>
      <tr>
        <th scope="row">
          <span className="account-name">{account.name}</span>
          {account.sandbox && <span className="badge badge-sandbox">{t('sandbox.rowBadge')}</span>}
        </th>
        <td>{providerName(account.provider)}</td>
        <td>{brand ? brandName(brand, t) : <span className="muted">{t('common.none')}</span>}</td>
        <td>
          <ul className="credential-list">
            {credentialSummary(account, t).map((line, index) => (
              <li key={index}>
                {line.label}
                {line.mask && <code className="mask">{line.mask}</code>}
              </li>
            ))}
          </ul>
          {account.damagedSecrets.length > 0 && (
            <p className="badge badge-failed damaged-note">{t('accounts.damagedSecrets', { count: account.damagedSecrets.length })}</p>
          )}
          {account.missingSecrets.length > 0 && (
            <p className="badge badge-failed damaged-note">{t('accounts.missingSecrets', { count: account.missingSecrets.length })}</p>
          )}
        </td>
        <td>
          {lastTest ? (
            <div className="last-test">
              <StatusBadge ok={lastTest.ok} />
              <time dateTime={lastTest.testedAt}>{format.dateTime(lastTest.testedAt)}</time>
            </div>
          ) : (
            <span className="muted">{t('accounts.neverTested')}</span>
          )}
          {(lastTest || testError) && (
            <button
              type="button"
              className="link-button"
              aria-expanded={expanded}
              aria-controls={detailsId}
              onClick={() => setExpanded(!expanded)}
            >
              {expanded ? t('accounts.hideDetails') : t('accounts.showDetails')}
            </button>
          )}
        </td>
        <td>
          <div className="row-actions">
            <button
              type="button"
              className="button"
              aria-label={t('accounts.editNamed', { name: account.name })}
              onClick={() => onEdit(account)}
            >
              {t('common.edit')}
            </button>
            <button
              type="button"
              className="button"
              aria-label={t('accounts.testNamed', { name: account.name })}
              onClick={runTest}
              disabled={testing}
              aria-busy={testing}
            >
              {testing ? t('test.running') : t('test.run')}
            </button>
            {account.capabilities.includes('workbench') && (
              <button
                type="button"
                className="button"
                aria-label={t('workbench.openNamed', { name: account.name })}
                onClick={() => setWorkbenchOpen(true)}
              >
                {t('workbench.open')}
              </button>
            )}
            <button
              type="button"
              className="button button-danger-quiet"
              aria-label={t('accounts.removeNamed', { name: account.name })}
              onClick={() => onRemove(account)}
            >
              {t('common.remove')}
            </button>
          </div>
        </td>
      </tr>
      {/* A portal: it renders next to #root, nothing inside the table. */}
      {workbenchOpen && <WorkbenchDialog account={account} onClose={() => setWorkbenchOpen(false)} />}
      <tr className="details-row" id={detailsId} hidden={!expanded}>
        <td colSpan={COLUMN_COUNT}>
          {testError && <ErrorMessage error={testError} />}
          {lastTest && !testError && <ConnectionReport result={lastTest} subject={account.name} />}
        </td>
      </tr>
    </>
  );
}
