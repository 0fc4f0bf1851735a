import { useCallback, useEffect, useState } from 'react';
import type { BalancesView, BalanceSnapshot } from '../../../shared/balances';
import type { AppErrorShape } from '../../../shared/errors';
import { api, call } from '../../bridge/client';
import { toAppError } from '../../errors/to-app-error';
import { useJobProgress } from '../../stores/jobs-store';
import { useFleetStore } from '../instances/fleet-store';

/** Reloads shortly after the last of a burst of fleet changes (a refresh commits account after account). */
const SETTLE_MS = 400;

/** The balances view and the snapshot history, kept current as the fleet changes and when a refresh ends. */
export function useBalances() {
  const [view, setView] = useState<BalancesView | null>(null);
  const [snapshots, setSnapshots] = useState<BalanceSnapshot[]>([]);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const reload = useCallback(async () => {
    try {
      const [next, history] = await Promise.all([call('balances.view', {}), call('balances.snapshots', { limit: 90 })]);
      setView(next);
      setSnapshots(history.snapshots);
      setError(null);
    } catch (failure) {
      setError(toAppError(failure));
    }
  }, []);

  useEffect(() => {
    void reload();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = api.fleet.onChanged(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void reload(), SETTLE_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [reload]);

  // A refresh ends by reading GREEN-API notification queues, after its last rows came in: read again at its end.
  const refreshJobId = useFleetStore((state) => state.refreshJobId);
  const refreshProgress = useJobProgress(refreshJobId);
  const refreshEnded = refreshProgress !== null && refreshProgress.state !== 'running';
  useEffect(() => {
    if (refreshEnded) void reload();
  }, [refreshEnded, reload]);

  return { view, snapshots, error, reload, setView };
}
