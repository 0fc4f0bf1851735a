import type { AuthAction, AuthPhase, AuthProblem } from '../../../../shared/auth';
import {
  initialWhatsAppQrState,
  reduceWhatsAppQr,
  whatsappQrView,
  type SocketProblem,
  type WhatsAppQrAction,
  type WhatsAppQrEvent,
  type WhatsAppQrPhase,
  type WhatsAppQrSession,
  type WhatsAppQrState,
} from '../../providers/chatpush/phoenix';
import type { Logger } from '../../log';
import type { SessionChannel } from './session-channel';
import type { SessionDriver } from './session-driver';

/**
 * §4.1: "QR code lifetime is 30-40 seconds". The countdown uses the lower bound so it never promises more time than
 * the code has; the platform pushes the next code by itself, and the dialog shows it as soon as it arrives.
 */
export const CHATPUSH_QR_LIFETIME_MS = 30_000;

const PHASES: Record<WhatsAppQrPhase, AuthPhase> = {
  connecting: 'connecting',
  waiting_for_qr: 'waiting_for_qr',
  showing_qr: 'showing_qr',
  qr_unavailable: 'qr_unavailable',
  linking: 'linking',
  authorized: 'authorized',
  reconnecting: 'reconnecting',
  failed: 'failed',
  closed: 'stopped',
};

const ACTIONS: Partial<Record<WhatsAppQrAction, AuthAction>> = { retry: 'retry', interrupt_authorization: 'interrupt' };

export const SOCKET_PROBLEMS: Record<SocketProblem, AuthProblem> = {
  token_rejected: 'token_rejected',
  origin_refused: 'origin_refused',
  refused: 'socket_refused',
  join_refused: 'join_refused',
  heartbeat_missed: 'heartbeat_missed',
  unreachable: 'unreachable',
  proxy_refused: 'proxy',
};

export interface ChatpushQrDeps {
  channel: SessionChannel;
  /** A new, unstarted WhatsApp QR session on the instance's client token and the account's Origin. */
  open(): WhatsAppQrSession;
  /** DELETE …/delete_container_session for this instance (§2). */
  interrupt(): Promise<void>;
  /** After `{auth:true}`: the linked number as the developer API reports it, if it can be read. */
  linkedPhone(): Promise<string | null>;
  log: Logger;
}

/**
 * The Chategy/Jetapi WhatsApp QR (spec §4.1) through the phoenix session and its state machine: the machine
 * decides the phase, this driver adds the QR (pushed only when it changes) and what happens after the scan.
 * Reconnecting and rejoining after a drop is the session's own work; the operator sees "reconnecting" meanwhile.
 */
export class ChatpushQrDriver implements SessionDriver {
  private session: WhatsAppQrSession | undefined;
  private machine: WhatsAppQrState = initialWhatsAppQrState;
  private problem: AuthProblem | null = null;

  constructor(private readonly deps: ChatpushQrDeps) {}

  start(): void {
    this.machine = initialWhatsAppQrState;
    this.problem = null;
    const session = this.deps.open();
    this.session = session;
    session.onEvent((event) => {
      if (this.session === session) this.onEvent(event);
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

  async interrupt(): Promise<void> {
    await this.deps.interrupt();
    await this.renew();
  }

  private onEvent(event: WhatsAppQrEvent): void {
    this.machine = reduceWhatsAppQr(this.machine, event);
    if (event.type === 'qr') this.deps.channel.showQr('text', event.code, { lifetimeMs: CHATPUSH_QR_LIFETIME_MS });
    if (event.type === 'error' && event.fatal) this.problem = SOCKET_PROBLEMS[event.problem];
    if (event.type === 'qr_unavailable') this.problem = 'qr_unavailable';
    if (event.type === 'qr') this.problem = null;
    if (this.machine.phase === 'authorized') return void this.finish();
    this.publish();
  }

  private publish(): void {
    const view = whatsappQrView(this.machine);
    this.deps.channel.update({
      phase: PHASES[view.phase],
      problem: view.phase === 'failed' || view.phase === 'qr_unavailable' ? this.problem : null,
      error: view.error,
      notice: view.notice,
      actions: view.actions.flatMap((action) => ACTIONS[action] ?? []),
    });
  }

  /** `{auth:true}`: the socket is no longer needed; the dialog gets the number, then the session ends. */
  private async finish(): Promise<void> {
    const { channel } = this.deps;
    channel.update({ phase: 'linking', notice: null, actions: [] });
    await this.stop();
    const phone = await this.deps.linkedPhone().catch((error: unknown) => {
      this.deps.log.warn('could not read the instance after its WhatsApp authorization', { error: String(error) });
      return null;
    });
    channel.update({ phase: 'authorized', phone, problem: null, error: null, notice: null, actions: [] });
    channel.end('authorized');
  }
}
