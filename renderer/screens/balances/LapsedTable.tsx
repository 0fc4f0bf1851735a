import type { LapsedInstance } from '../../../shared/balances';
import type { MessageKey } from '../../i18n/catalog';
import { providerName } from '../../i18n/provider-names';
import { useT } from '../../i18n/use-t';
import { useDayFormat } from '../instances/day-format';
import { useMoneyFormat } from '../instances/money-format';

/** Instances whose subscription is not running, longest lapsed first, with the last day they were paid for. */
export function LapsedTable({ lapsed }: { lapsed: LapsedInstance[] }) {
  const t = useT();
  const day = useDayFormat();
  const money = useMoneyFormat();
  if (lapsed.length === 0) return <p className="muted">{t('balances.lapsedNone')}</p>;
  return (
    <div className="table-scroll lapsed-scroll" role="region" aria-labelledby="lapsed-title" tabIndex={0}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('balances.column.instance')}</th>
            <th scope="col">{t('balances.column.account')}</th>
            <th scope="col">{t('balances.column.externalId')}</th>
            <th scope="col">{t('balances.column.status')}</th>
            <th scope="col">{t('balances.column.lastPaid')}</th>
            <th scope="col">{t('balances.column.autoRenew')}</th>
            <th scope="col">{t('balances.column.cost')}</th>
          </tr>
        </thead>
        <tbody>
          {lapsed.map((item) => (
            <tr key={item.key}>
              <th scope="row" className="mono">
                {item.instanceId}
              </th>
              <td>
                {item.accountName} <span className="muted">({providerName(item.provider)})</span>
              </td>
              <td>{item.externalId ?? t('common.none')}</td>
              <td>
                <span className="state state-failed">{t(`fleet.subscription.${item.subscription}`)}</span>
              </td>
              <td>{item.lastPaidDay ? day(item.lastPaidDay) : t('common.none')}</td>
              <td>{item.autoRenew === null ? t('common.none') : t(`fleet.autoRenew.${item.autoRenew}` as MessageKey)}</td>
              <td className="number">{item.cost ? money(item.cost) : t('common.none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
