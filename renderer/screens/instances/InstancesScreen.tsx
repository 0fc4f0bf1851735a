import { useEffect, useState } from 'react';
import type { AuthTarget } from '../../../shared/auth';
import type { FleetAction } from '../../../shared/fleet';
import { call } from '../../bridge/client';
import { describeError } from '../../errors/describe-error';
import { toAppError } from '../../errors/to-app-error';
import { useT } from '../../i18n/use-t';
import { navigateTo } from '../../shell/use-hash-route';
import { useNoticeStore } from '../../stores/notice-store';
import { openQrWallFor } from '../authorize/wall-request';
import { AccountProblems } from './AccountProblems';
import { BulkBar } from './BulkBar';
import { BulkDialog } from './BulkDialog';
import { ColumnChooser } from './ColumnChooser';
import { columnTitle, csvLabels } from './columns';
import { CountChips } from './CountChips';
import { downloadCsv } from '../../components/download-csv';
import { FilterBar } from './FilterBar';
import { FleetTable } from './FleetTable';
import { useFleetStore } from './fleet-store';
import { RefreshBar } from './RefreshBar';
import './instances.css';

type OpenDialog = { kind: 'columns' } | { kind: 'bulk'; action: FleetAction; keys: string[]; applicable: number } | null;

/**
 * Back from a QR wall opened with "Authorize…": the table shows what it did once the accounts of the instances
 * linked on it are read again.
 */
function refreshLinked(linked: AuthTarget[]) {
  navigateTo('instances');
  const accountIds = [...new Set(linked.map((target) => target.accountId))];
  if (accountIds.length === 0) return;
  void call('fleet.refresh', { accountIds }).then(({ jobId }) => useFleetStore.getState().setRefreshJob(jobId), () => undefined);
}

/** Whether this window has read the fleet by itself yet (see the effect below). */
let autoRefreshed = false;

/** Every instance of every account in one table: state at a glance, filters, bulk actions, export. */
export function InstancesScreen() {
  const t = useT();
  const announce = useNoticeStore((state) => state.announce);
  const loaded = useFleetStore((state) => state.loaded);
  const loadError = useFleetStore((state) => state.loadError);
  const viewError = useFleetStore((state) => state.viewError);
  const total = useFleetStore((state) => state.total);
  const counts = useFleetStore((state) => state.counts);
  const accounts = useFleetStore((state) => state.accounts);
  const [dialog, setDialog] = useState<OpenDialog>(null);

  useEffect(() => {
    void useFleetStore.getState().loadView();
  }, []);

  // The first visit of a session reads the fleet at once: an empty table that waits for a click helps no one.
  // Once only: a fleet whose every account fails stays empty, and must not be read again and again by itself.
  useEffect(() => {
    const { refreshedAt, refreshJobId } = useFleetStore.getState();
    if (loaded && accounts.length > 0 && !refreshedAt && !refreshJobId && (counts?.total ?? 0) === 0 && !autoRefreshed) {
      autoRefreshed = true;
      void call('fleet.refresh', {}).then(({ jobId }) => useFleetStore.getState().setRefreshJob(jobId), () => undefined);
    }
  }, [loaded, accounts.length, counts]);

  const exportCsv = async () => {
    const { filter, sort, view } = useFleetStore.getState();
    try {
      const result = await call('fleet.exportCsv', {
        filter,
        sort,
        columns: view.columns.map((column) => ({ column, header: columnTitle(column, t) })),
        labels: csvLabels(t),
      });
      downloadCsv(result.filename, result.csv);
      announce(t('instances.exported', { count: result.rows, file: result.filename }));
    } catch (error) {
      announce(t('instances.exportFailed', { reason: describeError(toAppError(error), t) }), 'error');
    }
  };

  return (
    <div className="instances-screen">
      <div className="toolbar">
        <RefreshBar />
        <div className="button-row">
          <button type="button" className="button" onClick={() => setDialog({ kind: 'columns' })}>
            {t('instances.columns')}
          </button>
          <button type="button" className="button" onClick={() => void exportCsv()} disabled={total === 0}>
            {t('instances.exportCsv')}
          </button>
        </div>
      </div>
      {loadError && (
        <p className="message message-error" role="alert">
          {t('instances.loadFailed', { reason: describeError(loadError, t) })}
        </p>
      )}
      {viewError && (
        <p className="message message-warning" role="status">
          {t('instances.viewNotSaved', { reason: describeError(viewError, t) })}
        </p>
      )}
      {loaded && accounts.length === 0 && <p className="empty-state">{t('instances.noAccounts')}</p>}
      {accounts.length > 0 && (
        <>
          <AccountProblems />
          <CountChips />
          <FilterBar />
          <p className="matching" role="status">
            {t('instances.matching', { count: total })}
          </p>
          <BulkBar
            onAction={(action, applicable) => setDialog({ kind: 'bulk', action, applicable, keys: [...useFleetStore.getState().selection] })}
            onAuthorize={() => openQrWallFor({ keys: [...useFleetStore.getState().selection], onClosed: refreshLinked })}
          />
          {total === 0 && (counts?.total ?? 0) > 0 && <p className="muted">{t('instances.noMatches')}</p>}
          {total === 0 && (counts?.total ?? 0) === 0 && <p className="muted">{t('instances.empty')}</p>}
          <FleetTable />
        </>
      )}
      {dialog?.kind === 'columns' && <ColumnChooser onClose={() => setDialog(null)} />}
      {dialog?.kind === 'bulk' && (
        <BulkDialog action={dialog.action} keys={dialog.keys} applicable={dialog.applicable} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
