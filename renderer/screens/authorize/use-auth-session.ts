import { useEffect, useState } from 'react';
import type { AuthSessionMethod, AuthTarget } from '../../../shared/auth';
import type { AppErrorShape } from '../../../shared/errors';
import { toAppError } from '../../errors/to-app-error';
import { authSessions, useSessionView } from './auth-sessions-store';

/**
 * Runs one session for as long as the component is mounted: started on mount, stopped on unmount (closing the
 * dialog, switching tabs, Esc). A start that fails keeps its error for the tab to show with a retry.
 */
export function useAuthSession(target: AuthTarget, method: AuthSessionMethod) {
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [startError, setStartError] = useState<AppErrorShape | null>(null);
  const [attempt, setAttempt] = useState(0);
  const { accountId, instance } = target;

  useEffect(() => {
    let live = true;
    let started: string | null = null;
    setStartError(null);
    authSessions.start({ accountId, instance }, method).then(
      (id) => {
        started = id;
        if (live) setSessionId(id);
        else void authSessions.stop(id).catch(() => {});
      },
      (error: unknown) => live && setStartError(toAppError(error)),
    );
    return () => {
      live = false;
      setSessionId(null);
      if (started) void authSessions.stop(started).catch(() => {});
    };
  }, [accountId, instance, method, attempt]);

  const view = useSessionView(sessionId);
  // Closed by main without a link: abandoned after its time limit, or replaced by a session opened elsewhere.
  const endedWithout = view?.ended && view.ended !== 'authorized' ? view.ended : null;
  return { sessionId, view, startError, endedWithout, restart: () => setAttempt((n) => n + 1) };
}
