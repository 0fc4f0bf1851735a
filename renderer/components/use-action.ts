import { useCallback, useRef, useState } from 'react';
import type { AppErrorShape } from '../../shared/errors';
import { toAppError } from '../errors/to-app-error';

export type ActionState<T> = { busy: boolean; error: AppErrorShape | null; result: T | null };

/**
 * One button's call to main: busy while it runs, its result or its typed error afterwards. The form's inputs are
 * not touched, so a failure keeps what the user typed. A newer run wins over an older one still in flight.
 */
export function useAction<A extends unknown[], T>(fn: (...args: A) => Promise<T>) {
  const [state, setState] = useState<ActionState<T>>({ busy: false, error: null, result: null });
  const latest = useRef(0);
  const run = useCallback(
    async (...args: A): Promise<T | undefined> => {
      const ticket = ++latest.current;
      setState((previous) => ({ ...previous, busy: true, error: null }));
      try {
        const result = await fn(...args);
        if (ticket === latest.current) setState({ busy: false, error: null, result });
        return result;
      } catch (failure) {
        if (ticket === latest.current) setState({ busy: false, error: toAppError(failure), result: null });
        return undefined;
      }
    },
    [fn],
  );
  const reset = useCallback(() => {
    latest.current++;
    setState({ busy: false, error: null, result: null });
  }, []);
  return { ...state, run, reset };
}
