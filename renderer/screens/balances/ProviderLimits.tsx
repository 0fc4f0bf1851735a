import type { AccountBalance } from '../../../shared/balances';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { GreenApiQuotas } from './GreenApiQuotas';

/** Chat2Desk's API requests and channel limits, and the GREEN-API quotas seen. */
export function ProviderLimits({ accounts }: { accounts: AccountBalance[] }) {
  const t = useT();
  const format = useFormat();
  const chat2desk = accounts.filter((account) => account.chat2desk);
  const n = (value: number | null) => (value === null ? t('common.none') : format.number(value));

  return (
    <>
      {chat2desk.map((account) => {
        const limits = account.chat2desk!;
        return (
          <section key={account.accountId} className="limits" aria-labelledby={`limits-${account.accountId}`}>
            <h2 id={`limits-${account.accountId}`}>
              {t('balances.chat2deskTitle')}: {account.accountName}
            </h2>
            <p>
              {t('balances.apiCalls', { used: n(limits.usedThisMonth), left: n(limits.left), free: n(limits.leftFree), paid: n(limits.leftPaid) })}
              {limits.apiMode && <> {t('balances.apiMode', { mode: limits.apiMode })}</>}
            </p>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('balances.column.channel')}</th>
                  <th scope="col">{t('balances.column.dailyLimit')}</th>
                </tr>
              </thead>
              <tbody>
                {limits.channels.map((channel) => (
                  <tr key={channel.id}>
                    <th scope="row">
                      {channel.name} <span className="muted mono">{channel.id}</span>
                    </th>
                    <td>{channel.limit === null ? t('common.none') : t('balances.dailyLimit', { used: n(channel.used), limit: n(channel.limit), left: n(channel.left) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
      <GreenApiQuotas accounts={accounts} />
    </>
  );
}
