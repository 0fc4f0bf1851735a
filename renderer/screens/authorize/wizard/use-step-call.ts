import { useCallback, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/errors';
import { toAppError } from '../../../errors/to-app-error';

/**
 * One wizard step's request: busy while it runs, its failure kept for the step to show (field problems or the
 * provider's answer) while everything typed stays in the form.
 */
export function useStepCall() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const run = useCallback(async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (failure) {
      setError(toAppError(failure));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  /** The failure was dealt with elsewhere (an unfinished setup discarded): the step is as before the request. */
  const clear = useCallback(() => setError(null), []);
  return { busy, error, run, clear };
}
