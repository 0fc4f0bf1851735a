import type { AuthAction, AuthTarget } from '../../../shared/auth';
import { call } from '../../bridge/client';
import { authSessions } from './auth-sessions-store';

/**
 * What a status button does. Logout restarts the instance's sessions in main by itself; after a reboot this
 * session starts over and waits while the instance is starting.
 */
export async function runSessionAction(target: AuthTarget, sessionId: string, action: AuthAction): Promise<void> {
  switch (action) {
    case 'retry':
    case 'newCode':
      return authSessions.renew(sessionId);
    case 'interrupt':
      return authSessions.interrupt(sessionId);
    case 'logout':
      await call('auth.logout', { ...target, confirm: true });
      return;
    case 'reboot':
      await call('auth.reboot', { ...target, confirm: true });
      return authSessions.renew(sessionId);
    default:
      // The form steps (phone, code, password, reset, pairing code) are the tabs' own buttons.
      return;
  }
}
