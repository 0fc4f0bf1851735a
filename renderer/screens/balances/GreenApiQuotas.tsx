import { QUEUE_PEEK_WAIT_MS, type AccountBalance } from '../../../shared/balances';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';

/**
 * GREEN-API quotas as 466 answers and quotaExceeded notifications reported them, each with where it was seen, and
 * how the last refresh read the notification queues (only their heads; nothing is taken from them).
 */
export function GreenApiQuotas({ accounts }: { accounts: AccountBalance[] }) {
  const t = useT();
  const format = useFormat();
  const tracking = accounts.filter((account) => account.tracksQuotas);
  if (tracking.length === 0) return null;
  const peeked = tracking.flatMap(({ accountId, accountName, notificationPeek: peek }) => (peek ? [{ accountId, accountName, peek }] : []));
  const quotas = tracking.flatMap((account) => account.quotas.map((quota) => ({ ...quota, accountName: account.accountName })));

  return (
    <section className="limits" aria-labelledby="quotas-title">
      <h2 id="quotas-title">{t('balances.quotasTitle')}</h2>
      <p className="muted">{t('balances.peekExplained', { seconds: QUEUE_PEEK_WAIT_MS / 1000 })}</p>
      {peeked.length > 0 && (
        <ul className="peek-summary">
          {peeked.map(({ accountId, accountName, peek }) => (
            <li key={accountId}>
              {t('balances.peekRead', { account: accountName, count: peek.read, time: format.dateTime(peek.at), quota: peek.quotaAtHead })}
              {peek.webhookMode > 0 && <> {t('balances.peekWebhook', { count: peek.webhookMode })}</>}
              {peek.failed > 0 && <> {t('balances.peekFailed', { count: peek.failed })}</>}
            </li>
          ))}
        </ul>
      )}
      {quotas.length === 0 ? (
        <p className="muted">{t('balances.quotasNone')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('balances.column.instance')}</th>
              <th scope="col">{t('balances.column.method')}</th>
              <th scope="col">{t('balances.column.used')}</th>
              <th scope="col">{t('balances.column.quotaStatus')}</th>
              <th scope="col">{t('balances.column.source')}</th>
              <th scope="col">{t('balances.column.seenAt')}</th>
            </tr>
          </thead>
          <tbody>
            {quotas.map((quota) => (
              <tr key={`${quota.idInstance}/${quota.method}/${quota.source}`}>
                <th scope="row" className="mono">
                  {quota.idInstance} <span className="muted">({quota.accountName})</span>
                </th>
                <td className="mono quota-method">{quota.method}</td>
                <td>{t('balances.quotaUsed', { used: quota.used, total: quota.total })}</td>
                <td className="mono">{quota.status}</td>
                <td>
                  {t(quota.source === 'notification' ? 'balances.quotaSource.notification' : 'balances.quotaSource.response466')}
                  {quota.chats.length > 0 && (
                    <div className="muted quota-chats">{t('balances.quotaChats', { chats: quota.chats.join(', ') })}</div>
                  )}
                </td>
                <td>{format.dateTime(quota.seenAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
