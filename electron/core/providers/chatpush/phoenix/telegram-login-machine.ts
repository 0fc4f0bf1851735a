import type { AppErrorShape } from '../../../../../shared/errors';
import type { TelegramAuthStatus } from './payloads';
import type { TelegramCommand, TelegramCommandResult, TelegramLoginEvent } from './telegram-login-session';

/**
 * What the Telegram tab shows, as a pure function of the session's events and the commands the operator sent
 * (spec §4.2). The UI renders `telegramLoginView(state)`.
 */
export type TelegramLoginPhase = 'connecting' | TelegramAuthStatus | 'unknown' | 'reconnecting' | 'failed' | 'closed';

export type TelegramLoginAction = TelegramCommand | 'cancel' | 'retry' | 'done';

export type TelegramLoginInput =
  | TelegramLoginEvent
  | { type: 'command_sent'; command: TelegramCommand }
  | { type: 'command_result'; command: TelegramCommand; result: TelegramCommandResult };

export interface TelegramLoginState {
  phase: TelegramLoginPhase;
  /** The platform's last reported TDLib state, kept while reconnecting. */
  status: TelegramAuthStatus | 'unknown' | null;
  /** A status string this console does not know, shown as is. */
  rawStatus: string | null;
  /** The command waiting for its reply; no other command may be sent meanwhile. */
  pending: TelegramCommand | null;
  /** The last command's refusal ("invalid code"), shown next to its input. */
  commandError: AppErrorShape | null;
  error: AppErrorShape | null;
  notice: AppErrorShape | null;
}

export interface TelegramLoginView {
  phase: TelegramLoginPhase;
  message: string;
  busy: boolean;
  commandError: AppErrorShape | null;
  error: AppErrorShape | null;
  notice: AppErrorShape | null;
  actions: TelegramLoginAction[];
}

export const initialTelegramLoginState: TelegramLoginState = {
  phase: 'connecting',
  status: null,
  rawStatus: null,
  pending: null,
  commandError: null,
  error: null,
  notice: null,
};

export function reduceTelegramLogin(state: TelegramLoginState, input: TelegramLoginInput): TelegramLoginState {
  if (state.phase === 'failed') return state;
  switch (input.type) {
    case 'connection':
      switch (input.state) {
        case 'connecting':
          return { ...state, phase: 'connecting' };
        // The room pushes its state right after the join; until then the last known one stands.
        case 'joined':
          return { ...state, phase: state.status ?? 'connecting', notice: null };
        case 'reconnecting':
          return { ...state, phase: 'reconnecting' };
        // Closing after success (the dialog's "done") keeps the success on screen.
        case 'closed':
          return { ...state, phase: state.phase === 'authorized' ? 'authorized' : 'closed', pending: null };
      }
      break;
    case 'status': {
      const changed = input.status !== state.status;
      return {
        ...state,
        phase: input.status,
        status: input.status,
        rawStatus: input.status === 'unknown' ? input.raw : null,
        commandError: changed ? null : state.commandError,
      };
    }
    case 'error':
      return input.fatal ? { ...state, phase: 'failed', pending: null, error: input.error, notice: null } : { ...state, notice: input.error };
    case 'command_sent':
      return { ...state, pending: input.command, commandError: null };
    case 'command_result':
      return { ...state, pending: null, commandError: input.result.ok ? null : input.result.error };
  }
  return state;
}

const SCREEN: Record<TelegramLoginPhase, { message: string; actions: TelegramLoginAction[] }> = {
  connecting: { message: 'Connecting to the Telegram login service…', actions: ['cancel'] },
  wait_phone: { message: 'Enter the phone number of the Telegram account, in international format.', actions: ['send_phone', 'cancel'] },
  wait_code: { message: 'Enter the login code Telegram sent to the account.', actions: ['send_code', 'reset', 'cancel'] },
  wait_password: { message: 'Enter the two-step verification password of the account.', actions: ['send_password', 'reset', 'cancel'] },
  // §2: tdlib_session 4 exists only in Jetapi's docs, and no socket QR flow is documented: phone login still works.
  wait_qr_code: { message: 'The platform waits for a Telegram QR login, which is not documented; log in by phone instead, or reset.', actions: ['send_phone', 'reset', 'cancel'] },
  authorized: { message: 'Telegram is connected.', actions: ['reset', 'done'] },
  unknown: { message: 'The platform reports a Telegram state this console does not know.', actions: ['reset', 'cancel'] },
  reconnecting: { message: 'Connection lost; reconnecting…', actions: ['cancel'] },
  failed: { message: 'The Telegram login stopped.', actions: ['retry', 'cancel'] },
  closed: { message: 'The Telegram login is closed.', actions: ['retry'] },
};

const COMMANDS: readonly TelegramLoginAction[] = ['send_phone', 'send_code', 'send_password', 'reset'];

export function telegramLoginView(state: TelegramLoginState): TelegramLoginView {
  const screen = SCREEN[state.phase];
  const busy = state.pending !== null;
  let message = screen.message;
  if (state.phase === 'unknown' && state.rawStatus) message = `${message} ("${state.rawStatus}")`;
  if (state.error) message = `${message} ${state.error.message}`;
  return {
    phase: state.phase,
    message,
    busy,
    commandError: state.commandError,
    error: state.error,
    notice: state.notice,
    // One command at a time: while one waits for its reply, only cancel stays.
    actions: busy ? screen.actions.filter((action) => !COMMANDS.includes(action)) : screen.actions,
  };
}
