import { useEffect } from 'react';
import type { BalanceCsvColumn } from '../../../shared/balances';
import { call } from '../../bridge/client';
import { describeError } from '../../errors/describe-error';
import { toAppError } from '../../errors/to-app-error';
import { useT } from '../../i18n/use-t';
import { useNoticeStore } from '../../stores/notice-store';
import { downloadCsv } from '../../components/download-csv';
import { useFleetStore } from '../instances/fleet-store';
import { RefreshBar } from '../instances/RefreshBar';
import { AccountBalancesTable } from './AccountBalancesTable';
import { History } from './History';
import { LapsedTable } from './LapsedTable';
import { OsNotificationsToggle } from './OsNotificationsToggle';
import { ProviderLimits } from './ProviderLimits';
import { ShortfallWarnings } from './ShortfallWarnings';
import { useBalances } from './use-balances';
import '../instances/instances.css';
import './balances.css';

/** Balances and subscriptions across accounts: what is there, what renewals will take, what has lapsed, and the trend. */
export function BalancesScreen() {
  const t = useT();
  const announce = useNoticeStore((state) => state.announce);
  const { view, snapshots, error, setView } = useBalances();

  // The refresh bar reads when the fleet was last refreshed and whether a refresh is running.
  useEffect(() => {
    if (!useFleetStore.getState().loaded) void useFleetStore.getState().loadView();
  }, []);

  const exportCsv = async () => {
    const words: Record<BalanceCsvColumn, string> = {
      account: t('balances.column.account'),
      provider: t('fleet.column.provider'),
      balance: t('balances.column.balance'),
      renewals7: `${t('balances.column.due7')} (#)`,
      due7: t('balances.column.due7'),
      covers7: `${t('balances.column.due7')}: ${t('balances.covered')}`,
      renewals30: `${t('balances.column.due30')} (#)`,
      due30: t('balances.column.due30'),
      covers30: `${t('balances.column.due30')}: ${t('balances.covered')}`,
      shortfall30: t('balances.notCovered'),
      stopping7: t('balances.column.stopping7'),
      threshold: t('balances.column.threshold'),
      apiCallsLeft: t('balances.chat2deskTitle'),
    };
    try {
      const result = await call('balances.exportCsv', { headers: words, words: { yes: t('balances.yes'), no: t('balances.no') } });
      downloadCsv(result.filename, result.csv);
      announce(t('balances.exported', { file: result.filename }));
    } catch (failure) {
      announce(t('balances.exportFailed', { reason: describeError(toAppError(failure), t) }), 'error');
    }
  };

  return (
    <div className="balances-screen">
      <div className="toolbar">
        <RefreshBar />
        <button type="button" className="button" onClick={() => void exportCsv()} disabled={!view || view.accounts.length === 0}>
          {t('balances.exportCsv')}
        </button>
        <OsNotificationsToggle />
      </div>
      {error && (
        <p className="message message-error" role="alert">
          {t('balances.loadFailed', { reason: describeError(error, t) })}
        </p>
      )}
      {!view && !error && <p role="status">{t('common.loading')}</p>}
      {view && view.accounts.length === 0 && <p className="empty-state">{t('balances.noAccounts')}</p>}
      {view && view.accounts.length > 0 && (
        <>
          {!view.refreshedAt && <p className="message message-info">{t('balances.notRefreshed')}</p>}
          <ShortfallWarnings accounts={view.accounts} />
          <section aria-labelledby="balances-accounts-title">
            <h2 id="balances-accounts-title">{t('balances.accountsTitle')}</h2>
            <AccountBalancesTable accounts={view.accounts} onChanged={setView} />
          </section>
          {/* Not a section of its own: the scrollable list below is the region this heading names. */}
          <div className="lapsed">
            <h2 id="lapsed-title">{t('balances.lapsedTitle')}</h2>
            <LapsedTable lapsed={view.lapsed} />
          </div>
          <ProviderLimits accounts={view.accounts} />
          <section aria-labelledby="history-title">
            <h2 id="history-title">{t('balances.historyTitle')}</h2>
            <History snapshots={snapshots} />
          </section>
        </>
      )}
    </div>
  );
}
