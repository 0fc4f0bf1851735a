import type { BalanceSnapshot } from '../../../shared/balances';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useMoneyFormat } from '../instances/money-format';
import { LineChart, type Series } from './LineChart';

/** Balances and authorized instances after each refresh, as charts with their figures in a table underneath. */
export function History({ snapshots }: { snapshots: BalanceSnapshot[] }) {
  const t = useT();
  const format = useFormat();
  const money = useMoneyFormat();
  if (snapshots.length === 0) return <p className="muted">{t('balances.historyEmpty')}</p>;

  const accounts = new Map<string, string>();
  for (const snapshot of snapshots) for (const account of snapshot.accounts) if (account.balance !== null) accounts.set(account.accountId, account.accountName);
  const balanceSeries: Series[] = [...accounts].map(([accountId, name]) => ({
    name,
    points: snapshots.flatMap((snapshot) => {
      const balance = snapshot.accounts.find((account) => account.accountId === accountId)?.balance;
      return balance ? [{ at: snapshot.at, value: Number(balance) }] : [];
    }),
  }));
  const authorized: Series[] = [{ name: t('balances.column.authorized'), points: snapshots.map((s) => ({ at: s.at, value: s.counts.authorized })) }];
  const time = (iso: string) => format.dateTime(iso);

  return (
    <>
      {balanceSeries.map((series) => (
        <LineChart
          key={series.name}
          title={t('balances.chartBalance', { account: series.name })}
          series={[series]}
          formatValue={(value) => money(value.toFixed(2))}
          formatTime={time}
        />
      ))}
      <LineChart title={t('balances.chartAuthorized')} series={authorized} formatValue={(value) => format.number(Math.round(value))} formatTime={time} />
      <details className="chart-data">
        <summary>{t('balances.chartTable')}</summary>
        <div className="table-scroll" role="region" aria-label={t('balances.chartTable')} tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('balances.column.time')}</th>
                {[...accounts.values()].map((name) => (
                  <th scope="col" key={name}>
                    {name}
                  </th>
                ))}
                <th scope="col">{t('balances.column.authorized')}</th>
              </tr>
            </thead>
            <tbody>
              {[...snapshots].reverse().map((snapshot) => (
                <tr key={snapshot.at}>
                  <th scope="row">{time(snapshot.at)}</th>
                  {[...accounts.keys()].map((accountId) => {
                    const balance = snapshot.accounts.find((account) => account.accountId === accountId)?.balance;
                    return (
                      <td key={accountId} className="number">
                        {balance ? money(balance) : t('common.none')}
                      </td>
                    );
                  })}
                  <td className="number">{format.number(snapshot.counts.authorized)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
