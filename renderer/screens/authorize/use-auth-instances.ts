import { useCallback, useEffect, useState } from 'react';
import type { AuthInstanceList } from '../../../shared/auth';
import type { AppErrorShape } from '../../../shared/errors';
import { call } from '../../bridge/client';
import { toAppError } from '../../errors/to-app-error';

/** One account's instances with their link state; `reload` after an authorization or an action. */
export function useAuthInstances(accountId: string | null) {
  const [list, setList] = useState<AuthInstanceList | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [loading, setLoading] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!accountId) return;
    let live = true;
    setLoading(true);
    setError(null);
    call('auth.instances', { accountId }).then(
      (result) => live && setList(result),
      (failure: unknown) => live && setError(toAppError(failure)),
    ).finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [accountId, version]);

  // A list of another account is not shown while the new one loads.
  const current = list && list.accountId === accountId ? list : null;
  return { list: current, error, loading, reload: useCallback(() => setVersion((n) => n + 1), []) };
}
