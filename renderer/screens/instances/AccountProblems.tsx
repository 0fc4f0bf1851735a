import { describeError } from '../../errors/describe-error';
import { useT } from '../../i18n/use-t';
import { useFleetStore } from './fleet-store';

/** Accounts the last refresh could not read in full: each on its own line, the rest of the fleet unaffected. */
export function AccountProblems() {
  const t = useT();
  const accounts = useFleetStore((state) => state.accounts);
  const setFilter = useFleetStore((state) => state.setFilter);
  const problems = accounts.filter((account) => account.state === 'failed' || account.state === 'partial');
  if (problems.length === 0) return null;
  return (
    <section className="message message-warning account-problems" aria-labelledby="account-problems-title">
      <h2 id="account-problems-title" className="account-problems-title">
        {t('instances.accountProblems')}
      </h2>
      <ul>
        {problems.map((account) => (
          <li key={account.accountId}>
            {account.state === 'failed' && account.error
              ? t('instances.accountFailed', { account: account.accountName, reason: describeError(account.error, t) })
              : t('instances.accountPartial', { account: account.accountName, count: account.failedRows })}
            {account.state === 'partial' && (
              <>
                {' '}
                <button type="button" className="link-button" onClick={() => setFilter({ problemsOnly: true, accountIds: [account.accountId] })}>
                  {t('instances.showProblemRows')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
