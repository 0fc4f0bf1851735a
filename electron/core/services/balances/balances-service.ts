import { join } from 'node:path';
import {
  BalanceCsvColumnSchema,
  type AccountBalance,
  type Alert,
  type BalanceCsvColumn,
  type BalancesView,
  type BalanceSnapshot,
  type NotificationPeek,
  type QuotaFigure,
} from '../../../../shared/balances';
import { toCsv } from '../../../../shared/csv';
import { MoneySchema } from '../../../../shared/money';
import { AppError } from '../../app-error';
import type { KeyValueStore } from '../../ports';
import { isoDay } from '../fleet/dates';
import type { FleetService } from '../fleet/fleet-service';
import type { AccountEntry } from '../fleet/types';
import { alertOf, expiringWithoutRenewal, leftAuthorized } from './alerts';
import { accountBalance, lapsedInstances } from './balance-view';
import { peekQuotaNotifications, type QuotaPeekDeps } from './quota-notifications';
import { createSnapshotLog } from './snapshots';

const THRESHOLDS_KEY = 'balanceThresholds';

export interface BalancesDeps extends Omit<QuotaPeekDeps, 'now'> {
  fleet: FleetService;
  store: KeyValueStore;
  dataDir: string;
  /** Alerts raised by a refresh that were not raised before (each situation is announced once). */
  alerted: (alerts: Alert[]) => void;
  now?: () => Date;
}

/**
 * Balances and subscriptions, built on what the fleet refresh read: per-account balance against the renewals
 * coming due, lapsed instances, API limits, a snapshot per refresh for the chart, and alerts.
 */
export function createBalancesService(deps: BalancesDeps) {
  const now = () => deps.now?.() ?? new Date();
  const snapshots = createSnapshotLog(join(deps.dataDir, 'balance-snapshots.jsonl'));
  /** Quotas by instance, method and source: a 466 answer and a notification about the same quota both show. */
  const quotas = new Map<string, QuotaFigure>();
  const remember = (quota: QuotaFigure) => quotas.set(`${quota.idInstance}/${quota.method}/${quota.source}`, quota);
  const rememberSeen = (entry: AccountEntry) => entry.facts.quotas.forEach((quota) => remember({ ...quota, source: 'response466', chats: [] }));
  // The fleet kept from the last session brings the quotas its 466 answers reported.
  deps.fleet.cache.entries().forEach(rememberSeen);
  const peeks = new Map<string, NotificationPeek>();
  /** GREEN-API accounts the running refresh has read: their queues are peeked at its end. */
  const toPeek = new Set<string>();
  const leftThisRefresh = new Map<string, string[]>();
  const announced = new Set<string>();
  let alerts: Alert[] = [];

  const thresholds = (): Record<string, string> => {
    const stored = deps.store.get<Record<string, unknown>>(THRESHOLDS_KEY) ?? {};
    return Object.fromEntries(Object.entries(stored).filter((entry): entry is [string, string] => MoneySchema.safeParse(entry[1]).success));
  };

  const view = (): BalancesView => {
    const today = isoDay(now());
    const limits = thresholds();
    const accounts = deps.fleet.accounts().map((refresh) =>
      accountBalance(refresh, deps.fleet.cache.entry(refresh.accountId), {
        today,
        threshold: limits[refresh.accountId] ?? null,
        quotas: [...quotas.values()].filter((quota) => deps.fleet.cache.find(`${refresh.accountId}/${quota.idInstance}`)),
        notificationPeek: peeks.get(refresh.accountId) ?? null,
      }),
    );
    const refreshedAt = accounts.map((account) => account.refreshedAt).filter((at): at is string => at !== null).sort().at(-1) ?? null;
    return { accounts, lapsed: lapsedInstances(deps.fleet.cache.entries()), alerts, refreshedAt };
  };

  const afterRefresh = () => {
    const at = now().toISOString();
    const current = view();
    const counts = deps.fleet.cache.counts();
    const snapshot: BalanceSnapshot = {
      at,
      accounts: current.accounts.map(({ accountId, accountName, balance }) => ({ accountId, accountName, balance })),
      counts: {
        total: counts.total,
        authorized: counts.whatsapp.authorized ?? 0,
        lapsed: current.lapsed.length,
        expiringSoon: counts.expiringSoon,
      },
    };
    snapshots.append(snapshot);

    alerts = current.accounts.flatMap((account) => {
      const rows = deps.fleet.cache.entry(account.accountId)?.rows ?? [];
      const expiring = expiringWithoutRenewal(rows);
      const left = leftThisRefresh.get(account.accountId) ?? [];
      return [
        ...(account.belowThreshold ? [alertOf('lowBalance', account, at, { balance: account.balance, threshold: account.threshold })] : []),
        ...(expiring.length ? [alertOf('expiring', account, at, { instanceIds: expiring })] : []),
        ...(left.length ? [alertOf('leftAuthorized', account, at, { instanceIds: left })] : []),
      ];
    });
    leftThisRefresh.clear();
    const fresh = alerts.filter((alert) => !announced.has(alert.id));
    for (const alert of fresh) announced.add(alert.id);
    if (fresh.length) deps.alerted(fresh);
  };

  /** quotaExceeded notifications at the head of the queues of the accounts just read (never deleting them). */
  const peekQueues = async (signal: AbortSignal) => {
    const targets = [...toPeek].map((accountId) => ({ accountId, rows: deps.fleet.cache.entry(accountId)?.rows ?? [] }));
    toPeek.clear();
    for (const { accountId, peek, quotas: found } of await peekQuotaNotifications({ ...deps, now }, targets, signal)) {
      peeks.set(accountId, peek);
      found.forEach(remember);
    }
  };

  deps.fleet.listen({
    committed(accountId, previous, next) {
      if (previous) leftThisRefresh.set(accountId, leftAuthorized(previous.rows, next.rows));
      rememberSeen(next);
      if (next.refresh.provider === 'greenapi') toPeek.add(accountId);
    },
    async refreshed(signal) {
      afterRefresh();
      await peekQueues(signal);
    },
  });

  return {
    view,
    snapshots: (limit: number) => snapshots.list(limit),

    setThreshold(accountId: string, threshold: string | null): BalancesView {
      if (!deps.fleet.accounts().some((account) => account.accountId === accountId)) {
        throw new AppError('not_found', 'That account no longer exists. It may have been removed in another window.');
      }
      const { [accountId]: _old, ...others } = thresholds();
      deps.store.set(THRESHOLDS_KEY, threshold === null ? others : { ...others, [accountId]: threshold });
      return view();
    },

    exportCsv(headers: Partial<Record<BalanceCsvColumn, string>>, words: { yes: string; no: string }) {
      const yesNo = (value: boolean | null) => (value === null ? null : value ? words.yes : words.no);
      const value: Record<BalanceCsvColumn, (account: AccountBalance) => unknown> = {
        account: (a) => a.accountName,
        provider: (a) => a.provider,
        balance: (a) => a.balance,
        renewals7: (a) => a.renewals7,
        due7: (a) => a.due7,
        covers7: (a) => yesNo(a.covers7),
        renewals30: (a) => a.renewals30,
        due30: (a) => a.due30,
        covers30: (a) => yesNo(a.covers30),
        shortfall30: (a) => a.shortfall30,
        stopping7: (a) => a.stopping7,
        threshold: (a) => a.threshold,
        apiCallsLeft: (a) => a.chat2desk?.left ?? null,
      };
      const csv = toCsv(
        view().accounts,
        BalanceCsvColumnSchema.options.map((column) => ({ header: headers[column] ?? column, value: value[column] })),
      );
      return { filename: `switchboard-balances-${isoDay(now())}.csv`, csv };
    },
  };
}
export type BalancesService = ReturnType<typeof createBalancesService>;
