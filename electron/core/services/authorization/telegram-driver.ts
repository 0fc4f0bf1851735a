import { LoginCodeSchema, LoginPhoneSchema, type AuthAction, type AuthPhase, type AuthProblem, type TelegramCommandName } from '../../../../shared/auth';
import { fieldIssue, fieldIssueOf } from '../../../../shared/field-problems';
import { AppError } from '../../app-error';
import {
  initialTelegramLoginState,
  reduceTelegramLogin,
  telegramLoginView,
  type TelegramCommand,
  type TelegramCommandResult,
  type TelegramLoginAction,
  type TelegramLoginEvent,
  type TelegramLoginPhase,
  type TelegramLoginSession,
  type TelegramLoginState,
} from '../../providers/chatpush/phoenix';
import { SOCKET_PROBLEMS } from './chatpush-qr-driver';
import type { SessionChannel } from './session-channel';
import type { SessionDriver } from './session-driver';

const PHASES: Record<TelegramLoginPhase, AuthPhase> = {
  connecting: 'connecting',
  wait_phone: 'wait_phone',
  wait_code: 'wait_code',
  wait_password: 'wait_password',
  wait_qr_code: 'wait_qr_code',
  authorized: 'authorized',
  unknown: 'unknown_status',
  reconnecting: 'reconnecting',
  failed: 'failed',
  closed: 'stopped',
};

const WIRE: Record<TelegramCommandName, TelegramCommand> = {
  sendPhone: 'send_phone',
  sendCode: 'send_code',
  sendPassword: 'send_password',
  reset: 'reset',
};
const NAMES: Record<TelegramCommand, TelegramCommandName> = { send_phone: 'sendPhone', send_code: 'sendCode', send_password: 'sendPassword', reset: 'reset' };
const ACTIONS: Partial<Record<TelegramLoginAction, AuthAction>> = { ...NAMES, retry: 'retry' };

export interface TelegramDeps {
  channel: SessionChannel;
  /** A new, unstarted TDLib login session on the instance's client token. */
  open(): TelegramLoginSession;
}

/**
 * The Chategy/Jetapi Telegram (TDLib) login (spec §4.2) through the phoenix session and its state machine. An
 * instance already authorized when the room first reports is shown as such (with reset to log in again); one that
 * becomes authorized after the operator's steps ends the session, and the dialog closes itself.
 */
export class TelegramDriver implements SessionDriver {
  private session: TelegramLoginSession | undefined;
  private machine: TelegramLoginState = initialTelegramLoginState;
  /** Login steps sent (phone, code, password): authorized after one of them is this session's success. */
  private commandsSent = 0;
  private problem: AuthProblem | null = null;

  constructor(private readonly deps: TelegramDeps) {}

  start(): void {
    this.machine = initialTelegramLoginState;
    this.commandsSent = 0;
    this.problem = null;
    const session = this.deps.open();
    this.session = session;
    session.onEvent((event) => {
      if (this.session === session) this.apply(event);
    });
    this.publish();
    session.start();
  }

  async stop(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    await session?.close();
  }

  async renew(): Promise<void> {
    await this.stop();
    this.start();
  }

  async command(name: TelegramCommandName, value: string | undefined): Promise<void> {
    const session = this.session;
    if (!session) throw new AppError('conflict', 'The Telegram login is closed. Start it again.', { provider: 'chatpush' });
    if (this.machine.pending) throw new AppError('conflict', 'The previous step is still waiting for Telegram’s answer.', { provider: 'chatpush' });
    const wire = WIRE[name];
    const input = valueFor(name, value);
    // A reset of an account logged in already is sent while the room still says "authorized": not a login step,
    // or the dialog would report a login and close before the room moves on to wait_phone.
    if (name !== 'reset') this.commandsSent += 1;
    this.apply({ type: 'command_sent', command: wire });
    const result: TelegramCommandResult = await (name === 'sendPhone'
      ? session.sendPhone(input)
      : name === 'sendCode'
        ? session.sendCode(input)
        : name === 'sendPassword'
          ? session.sendPassword(input)
          : session.reset());
    if (this.session === session) this.apply({ type: 'command_result', command: wire, result });
  }

  private apply(input: Parameters<typeof reduceTelegramLogin>[1] | TelegramLoginEvent): void {
    this.machine = reduceTelegramLogin(this.machine, input);
    if (input.type === 'error' && input.fatal) this.problem = SOCKET_PROBLEMS[input.problem];
    if (this.machine.phase === 'authorized' && this.commandsSent > 0) return void this.finish();
    this.publish();
  }

  private publish(): void {
    const view = telegramLoginView(this.machine);
    const alreadyAuthorized = view.phase === 'authorized';
    this.deps.channel.update({
      phase: alreadyAuthorized ? 'already_authorized' : PHASES[view.phase],
      problem: alreadyAuthorized ? 'already_authorized' : view.phase === 'failed' ? this.problem : null,
      error: view.error,
      notice: view.notice,
      actions: view.actions.flatMap((action) => ACTIONS[action] ?? []),
      pending: this.machine.pending ? NAMES[this.machine.pending] : null,
      commandError: view.commandError,
    });
  }

  private async finish(): Promise<void> {
    this.deps.channel.update({ phase: 'authorized', pending: null, commandError: null, notice: null, actions: [] });
    this.deps.channel.end('authorized');
    await this.stop();
  }
}

function valueFor(name: TelegramCommandName, value: string | undefined): string {
  if (name === 'reset') return '';
  const schema = name === 'sendPhone' ? LoginPhoneSchema : LoginCodeSchema;
  const parsed = schema.safeParse(value ?? '');
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const field = first ? { ...fieldIssueOf(first), path: 'value' } : fieldIssue('value', 'required');
    throw new AppError('invalid_input', 'Some fields need attention.', { call: 'auth.telegram', fields: [field] });
  }
  return name === 'sendPassword' ? (value ?? '') : parsed.data;
}
