import type { AccountBalance, BalancesView } from '../../../shared/balances';
import { describeError } from '../../errors/describe-error';
import { providerName } from '../../i18n/provider-names';
import { useT } from '../../i18n/use-t';
import { useMoneyFormat } from '../instances/money-format';
import { ThresholdField } from './ThresholdField';

/** One row per account: the balance renewals are paid from, what comes due in 7 and 30 days, and the warning level. */
export function AccountBalancesTable({ accounts, onChanged }: { accounts: AccountBalance[]; onChanged: (view: BalancesView) => void }) {
  const t = useT();
  const money = useMoneyFormat();

  const due = (count: number, amount: string, covers: boolean | null) =>
    count === 0 ? (
      <span className="muted">{t('balances.noRenewals')}</span>
    ) : (
      <>
        {t('balances.renewals', { count, amount: money(amount) })}
        {covers !== null && (
          <>
            {' '}
            <span className={`state ${covers ? 'state-ok' : 'state-failed'}`}>{covers ? t('balances.covered') : t('balances.notCovered')}</span>
          </>
        )}
      </>
    );

  return (
    <div className="table-scroll">
      <table className="table balances-table">
        <caption className="visually-hidden">{t('balances.accountsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('balances.column.account')}</th>
            <th scope="col">{t('balances.column.balance')}</th>
            <th scope="col">{t('balances.column.due7')}</th>
            <th scope="col">{t('balances.column.due30')}</th>
            <th scope="col">{t('balances.column.stopping7')}</th>
            <th scope="col">{t('balances.column.threshold')}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.accountId}>
              <th scope="row">
                {account.accountName}
                <div className="muted">{providerName(account.provider)}</div>
              </th>
              <td>
                {account.balance !== null ? (
                  <span className="number balance-amount">{money(account.balance)}</span>
                ) : (
                  <span className="muted">{t(`balances.missing.${account.balanceMissing ?? 'notOffered'}`)}</span>
                )}
                {/* The last refresh could not read the account at all: why, in words (token failures are listed below). */}
                {account.error && <p className="cell-error">{describeError(account.error, t)}</p>}
                {account.belowThreshold && (
                  <div>
                    <span className="state state-warning">{t('balances.belowThreshold')}</span>
                  </div>
                )}
                {account.tokens.length > 0 && (
                  <details className="token-balances">
                    <summary>{t('balances.tokens')}</summary>
                    <ul>
                      {account.tokens.map((token, index) => (
                        <li key={index}>
                          {token.error
                            ? t('balances.tokenFailed', { label: token.label, reason: describeError(token.error, t) })
                            : t(token.master ? 'balances.tokenMaster' : 'balances.tokenClient', {
                                label: token.label,
                                amount: token.balance === null ? t('common.none') : money(token.balance),
                              })}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </td>
              <td>{due(account.renewals7, account.due7, account.covers7)}</td>
              <td>{due(account.renewals30, account.due30, account.covers30)}</td>
              <td className="number">{account.stopping7}</td>
              {/* A warning level needs a balance to compare: offered where the provider reports one. */}
              <td>{account.balanceMissing !== 'notOffered' ? <ThresholdField account={account} onSaved={onChanged} /> : <span className="muted">{t('common.none')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
