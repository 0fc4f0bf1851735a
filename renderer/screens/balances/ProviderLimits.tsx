import type { AccountBalance } from '../../../shared/balances';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';

/** Chat2Desk's API requests and channel limits, and the GREEN-API quotas that 466 answers reported. */
export function ProviderLimits({ accounts }: { accounts: AccountBalance[] }) {
  const t = useT();
  const format = useFormat();
  const chat2desk = accounts.filter((account) => account.chat2desk);
  const quotas = accounts.flatMap((account) => account.quotas.map((quota) => ({ ...quota, accountName: account.accountName })));
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
      {accounts.some((account) => account.tracksQuotas) && (
        <section className="limits" aria-labelledby="quotas-title">
          <h2 id="quotas-title">{t('balances.quotasTitle')}</h2>
          {quotas.length === 0 ? (
            <p className="muted">{t('balances.quotasNone')}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('balances.column.instance')}</th>
                  <th scope="col">{t('balances.column.method')}</th>
                  <th scope="col">{t('balances.column.used')}</th>
                  <th scope="col">{t('balances.column.status')}</th>
                  <th scope="col">{t('balances.column.seenAt')}</th>
                </tr>
              </thead>
              <tbody>
                {quotas.map((quota) => (
                  <tr key={`${quota.idInstance}/${quota.method}`}>
                    <th scope="row" className="mono">
                      {quota.idInstance} <span className="muted">({quota.accountName})</span>
                    </th>
                    <td className="mono">{quota.method}</td>
                    <td>{t('balances.quotaUsed', { used: quota.used, total: quota.total })}</td>
                    <td className="mono">{quota.status}</td>
                    <td>{format.dateTime(quota.seenAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </>
  );
}
