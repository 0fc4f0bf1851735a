import type { AppErrorShape } from '../../../../../shared/errors';
import { PhoenixChannelConnection, type ConnectionEvent, type ConnectionState, type PhoenixSessionOptions } from './channel-connection';
import { EventFeed } from './event-feed';
import { TelegramAuthStateSchema, type TelegramAuthState } from './payloads';
import { closedError, replyError, replyTimeoutError } from './socket-errors';

export type TelegramLoginEvent = ConnectionEvent | ({ type: 'status' } & TelegramAuthState);

export type TelegramCommand = 'send_phone' | 'send_code' | 'send_password' | 'reset';

/** A command's answer: `ok`, or the reason in words (the §4.2 422 meta becomes `provider_validation` with fields). */
export type TelegramCommandResult = { ok: true } | { ok: false; error: AppErrorShape };

const ACTIONS: Record<TelegramCommand, { operation: string; action: string }> = {
  send_phone: { operation: 'telegramSendPhone', action: 'sending the phone number for the Telegram login' },
  send_code: { operation: 'telegramSendCode', action: 'sending the Telegram login code' },
  send_password: { operation: 'telegramSendPassword', action: 'sending the Telegram two-step verification password' },
  reset: { operation: 'telegramReset', action: 'resetting the Telegram authorization' },
};

/**
 * The Telegram personal (TDLib) login of one instance (spec §4.2): joins `room:v1:telegram:auth` on the api
 * host's socket, reports the TDLib state the platform pushes "every n seconds" (changes only), and sends the
 * phone, the code, the password, or a reset.
 */
export class TelegramLoginSession {
  static readonly TOPIC = 'room:v1:telegram:auth';
  private readonly feed = new EventFeed<TelegramLoginEvent>();
  private readonly connection: PhoenixChannelConnection;
  private lastStatus: string | null = null;

  constructor(private readonly options: PhoenixSessionOptions) {
    this.connection = new PhoenixChannelConnection(options, {
      topic: TelegramLoginSession.TOPIC,
      operation: 'telegramLoginSocket',
      action: 'waiting for the Telegram login state',
      listen: { auth_state: (payload) => this.onAuthState(payload) },
      onJoined: () => (this.lastStatus = null),
      onEvent: (event) => this.feed.emit(event),
    });
  }

  get state(): ConnectionState {
    return this.connection.state;
  }

  onEvent(listener: (event: TelegramLoginEvent) => void): () => void {
    return this.feed.subscribe(listener);
  }

  start(): void {
    this.connection.start();
  }

  close(): Promise<void> {
    return this.connection.close();
  }

  /** §4.2 `send_phone {"phone": …}` (⚠ the legacy text calls the key "telemon"; the clean section's name is sent). */
  sendPhone(phone: string): Promise<TelegramCommandResult> {
    return this.command('send_phone', { phone: phone.trim() });
  }

  sendCode(code: string): Promise<TelegramCommandResult> {
    return this.command('send_code', { code: code.trim() });
  }

  sendPassword(password: string): Promise<TelegramCommandResult> {
    this.options.redactor.add(password);
    return this.command('send_password', { password });
  }

  /** §4.2 "Removing authorization". */
  reset(): Promise<TelegramCommandResult> {
    return this.command('reset', {});
  }

  private async command(command: TelegramCommand, payload: Record<string, unknown>): Promise<TelegramCommandResult> {
    const { operation, action } = ACTIONS[command];
    const ctx = this.connection.context(operation, action);
    const outcome = await this.connection.push(command, payload);
    switch (outcome.status) {
      case 'ok':
        return { ok: true };
      case 'error':
        return { ok: false, error: replyError(ctx, outcome.response).toShape() };
      case 'timeout':
        return { ok: false, error: replyTimeoutError(ctx).toShape() };
      case 'closed':
        return { ok: false, error: closedError(ctx).toShape() };
    }
  }

  private onAuthState(payload: unknown): void {
    const parsed = TelegramAuthStateSchema.safeParse(payload);
    if (!parsed.success) return;
    const key = parsed.data.status === 'unknown' ? `unknown:${parsed.data.raw}` : parsed.data.status;
    if (key === this.lastStatus) return;
    this.lastStatus = key;
    this.feed.emit({ type: 'status', ...parsed.data });
  }
}
