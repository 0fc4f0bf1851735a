import type { AccountBalance } from '../../../shared/balances';
import { useT } from '../../i18n/use-t';
import { useMoneyFormat } from '../instances/money-format';

/**
 * The accounts whose balance does not cover the renewals coming due: said first and plainly, with the amount
 * missing. The nearer window is named when it already falls short; otherwise the 30-day one.
 */
export function ShortfallWarnings({ accounts }: { accounts: AccountBalance[] }) {
  const t = useT();
  const money = useMoneyFormat();
  const short = accounts.filter((account) => account.covers30 === false && account.balance !== null);
  if (short.length === 0) return null;
  return (
    <div className="message message-error shortfall" role="alert">
      <ul>
        {short.map((account) => {
          const soon = account.covers7 === false;
          return (
            <li key={account.accountId}>
              {t(soon ? 'balances.shortfall7Warning' : 'balances.shortfall30Warning', {
                account: account.accountName,
                balance: money(account.balance!),
                count: soon ? account.renewals7 : account.renewals30,
                due: money(soon ? account.due7 : account.due30),
                shortfall: money((soon ? account.shortfall7 : account.shortfall30)!),
              })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
