import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/errors';
import { toAppError } from '../../../errors/to-app-error';

/**
 * Data a panel shows as soon as it opens, reloaded when its inputs change or on demand. A failed reload keeps the
 * last data shown next to the error.
 */
export function useLoad<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [loading, setLoading] = useState(true);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await load());
      setError(null);
    } catch (failure) {
      setError(toAppError(failure));
    } finally {
      setLoading(false);
    }
  }, [load]);
  useEffect(() => {
    setData(null);
    void reload();
  }, [reload]);
  return { data, error, loading, reload, setData };
}
