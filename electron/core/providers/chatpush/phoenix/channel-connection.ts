import { Socket, type Channel } from 'phoenix';
import type { AppErrorShape } from '../../../../../shared/errors';
import type { ChatpushBrand } from '../../../../../shared/providers';
import { providerUrlProblem } from '../../../../../shared/url';
import { AppError } from '../../../app-error';
import type { Logger } from '../../../log';
import type { Redactor } from '../../../redactor';
import type { CallContext } from '../../http/error-mapping';
import type { ProxySource } from '../../http/proxy';
import { backoffDelay, retryPolicy } from '../../http/retry';
import { websocketRoute, type WebSocketRoute } from '../../http/websocket-proxy';
import { decodeFrame } from './frame-decoder';
import {
  heartbeatFailure,
  joinFailure,
  networkFailure,
  proxyRefusalFailure,
  refusalFailure,
  socketContext,
  type SocketFailure,
  type SocketProblem,
} from './socket-errors';
import { wsTransport } from './ws-transport';

export type ConnectionState = 'connecting' | 'joined' | 'reconnecting' | 'closed';

/** What every Phoenix session reports besides its room's own events. */
export type ConnectionEvent =
  | { type: 'connection'; state: ConnectionState }
  | { type: 'error'; problem: SocketProblem; fatal: boolean; error: AppErrorShape };

export interface PhoenixTiming {
  /**
   * ⚠ §4.1: the platform documents no interval; phoenix.js's default is 30 s. A heartbeat unanswered for one
   * more interval counts as missed and the connection is re-established.
   */
  heartbeatIntervalMs: number;
  /** How long a join or a command waits for its reply. */
  replyTimeoutMs: number;
  handshakeTimeoutMs: number;
  /** Reconnect and rejoin backoff: doubles from base up to max, with jitter. */
  reconnectBaseDelayMs: number;
  reconnectMaxDelayMs: number;
}

export const DEFAULT_PHOENIX_TIMING: PhoenixTiming = {
  heartbeatIntervalMs: 30_000,
  replyTimeoutMs: 10_000,
  handshakeTimeoutMs: 15_000,
  reconnectBaseDelayMs: 1_000,
  reconnectMaxDelayMs: 30_000,
};

export interface PhoenixSessionOptions {
  brand: ChatpushBrand;
  /** `wss://…/socket/websocket`: hosts.whatsappWs or hosts.telegramWs (spec §1.3). */
  url: string;
  /** The client (Bearer) JWT; it travels as `?token=` (§4.1) and is redacted everywhere. */
  token: string;
  /** The Origin header; §4.1: the WhatsApp socket accepts only origins registered with the platform. */
  origin?: string;
  redactor: Redactor;
  logger?: Logger;
  /** The app's proxy setting (absent: the environment decides), read on every connection attempt. */
  proxy?: ProxySource;
  timing?: Partial<PhoenixTiming>;
  /** 0 ≤ x < 1, for the backoff jitter. */
  random?: () => number;
}

export type PushOutcome =
  | { status: 'ok'; response: unknown }
  | { status: 'error'; response: unknown }
  | { status: 'timeout' }
  | { status: 'closed' };

export interface ChannelSpec {
  topic: string;
  /** Stable id for errors and logs, e.g. `whatsappQrSocket`. */
  operation: string;
  /** The English phrase for messages, e.g. "waiting for the WhatsApp QR code". */
  action: string;
  /** The room's own events (`auth_state`). */
  listen: Record<string, (payload: unknown) => void>;
  /** After every successful join, the first and each rejoin. */
  onJoined(): void;
  onEvent(event: ConnectionEvent): void;
}

/**
 * One Phoenix socket (vsn 2.0.0, spec §4.1/§4.2) carrying one channel, driven by the official phoenix.js client
 * over `ws`. phoenix.js does the protocol: heartbeats, reconnecting the socket with backoff and rejoining the
 * channel after a drop, without anyone asking. This class turns what happens into states and worded errors,
 * and stops for good on what retrying cannot fix (a refused token, origin or room).
 */
export class PhoenixChannelConnection {
  readonly timing: PhoenixTiming;
  private readonly ctx: CallContext;
  private socket: Socket | undefined;
  private channel: Channel | undefined;
  private current: ConnectionState = 'closed';
  private joinedOnce = false;
  /** An outage is reported once, not on every reconnect attempt; a join ends it. */
  private outageReported = false;
  /** Closed by the caller or by a fatal failure: nothing is reported or retried any more. */
  private ended = false;
  private readonly pending = new Set<(outcome: PushOutcome) => void>();

  constructor(
    private readonly options: PhoenixSessionOptions,
    private readonly spec: ChannelSpec,
  ) {
    this.timing = { ...DEFAULT_PHOENIX_TIMING, ...options.timing };
    const problem = providerUrlProblem(options.url, 'ws');
    if (problem) {
      throw new AppError('invalid_input', `The Chategy/Jetapi socket URL is not usable (${problem}): use wss://…/socket/websocket (ws:// only for loopback).`, {
        provider: 'chatpush',
        operation: spec.operation,
      });
    }
    options.redactor.add(options.token);
    options.redactor.add(encodeURIComponent(options.token));
    this.ctx = this.context(spec.operation, spec.action);
  }

  get state(): ConnectionState {
    return this.current;
  }

  /** A context for messages about one operation on this socket (commands have their own wording). */
  context(operation: string, action: string): CallContext {
    const { brand, url, redactor } = this.options;
    return socketContext({ brand, url, operation, action, redactor, timeoutMs: this.timing.replyTimeoutMs });
  }

  start(): void {
    if (this.socket || this.ended) return;
    const { options, spec, timing } = this;
    const backoff = retryPolicy({
      baseDelayMs: timing.reconnectBaseDelayMs,
      maxDelayMs: timing.reconnectMaxDelayMs,
      ...(options.random ? { random: options.random } : {}),
    });
    const delay = (tries: number) => backoffDelay(backoff, tries);

    // A proxy setting that is not a usable address stops here, before anything is sent; each attempt then reads it again.
    let initialRoute: WebSocketRoute;
    try {
      initialRoute = websocketRoute(options.url, options.proxy, options.redactor);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return this.failed({ problem: 'proxy_refused', fatal: true, error: new AppError(error.code, error.message, { provider: 'chatpush', operation: spec.operation }) });
    }
    const route = (url: string) => {
      try {
        return websocketRoute(url, options.proxy, options.redactor);
      } catch {
        return initialRoute;
      }
    };

    // phoenix.js appends "/websocket" to the endpoint it is given.
    const endpoint = options.url.replace(/\/websocket\/?$/, '');
    const socket = new Socket(endpoint, {
      transport: wsTransport({
        origin: options.origin,
        handshakeTimeoutMs: timing.handshakeTimeoutMs,
        route,
        onRefused: (refusal) =>
          this.failed(refusal.proxy ? proxyRefusalFailure({ ...this.ctx, proxy: refusal.proxy }, refusal.status) : refusalFailure(this.ctx, options.origin, refusal)),
        onNetworkError: (error, proxy) => this.failed(networkFailure(proxy ? { ...this.ctx, proxy } : this.ctx, error)),
      }),
      params: { token: options.token },
      vsn: '2.0.0',
      heartbeatIntervalMs: timing.heartbeatIntervalMs,
      timeout: timing.replyTimeoutMs,
      reconnectAfterMs: delay,
      rejoinAfterMs: delay,
      decode: (raw, callback) => {
        const message = decodeFrame(raw);
        if (message) void callback(message);
        else this.log('debug', 'dropped a frame that is not a Phoenix v2 message');
      },
      ...(options.logger ? { logger: (kind: string, message: string) => this.log('debug', `phoenix ${kind}: ${message}`) } : {}),
    });
    const channel = socket.channel(spec.topic, {});
    for (const [event, handler] of Object.entries(spec.listen)) {
      channel.on(event, (payload) => {
        if (!this.ended) handler(payload);
      });
    }
    channel.onError((reason?: { reason?: unknown }) => {
      if (this.ended) return;
      if (reason?.reason === 'heartbeat_timeout') this.failed(heartbeatFailure(this.ctx, timing.heartbeatIntervalMs));
      this.setState(this.joinedOnce ? 'reconnecting' : 'connecting');
    });
    channel
      .join()
      .receive('ok', () => {
        if (this.ended) return;
        this.joinedOnce = true;
        this.outageReported = false;
        this.setState('joined');
        spec.onJoined();
      })
      .receive('error', (response) => this.failed(joinFailure(this.ctx, spec.topic, response)));

    this.socket = socket;
    this.channel = channel;
    this.setState('connecting');
    socket.connect();
  }

  /** Sends an event on the channel and waits for its reply. While reconnecting, phoenix.js holds it until the rejoin. */
  push(event: string, payload: Record<string, unknown>): Promise<PushOutcome> {
    const channel = this.channel;
    if (!channel || this.ended) return Promise.resolve({ status: 'closed' });
    return new Promise((resolve) => {
      const settle = (outcome: PushOutcome) => {
        if (!this.pending.delete(settle)) return;
        resolve(outcome);
      };
      this.pending.add(settle);
      channel
        .push(event, payload, this.timing.replyTimeoutMs)
        .receive('ok', (response) => settle({ status: 'ok', response }))
        .receive('error', (response) => settle({ status: 'error', response }))
        .receive('timeout', () => settle({ status: 'timeout' }));
    });
  }

  /** Leaves the room and closes the socket; no reconnect follows. */
  close(): Promise<void> {
    const { socket, channel } = this;
    this.end();
    if (!socket) return Promise.resolve();
    channel?.leave();
    return new Promise((resolve) => socket.disconnect(() => resolve(), 1000, 'closed by the client'));
  }

  private end(): void {
    this.ended = true;
    for (const settle of [...this.pending]) settle({ status: 'closed' });
    this.setState('closed');
  }

  private failed(failure: SocketFailure): void {
    if (this.ended) return;
    if (!failure.fatal && failure.problem === 'unreachable') {
      if (this.outageReported) return;
      this.outageReported = true;
    }
    this.log(failure.fatal ? 'error' : 'warn', failure.error.message, { problem: failure.problem });
    this.spec.onEvent({ type: 'error', problem: failure.problem, fatal: failure.fatal, error: failure.error.toShape() });
    if (failure.fatal) {
      const socket = this.socket;
      this.end();
      socket?.disconnect();
    }
  }

  private setState(state: ConnectionState): void {
    if (state === this.current) return;
    this.current = state;
    this.log('info', `${this.spec.operation}: ${state}`);
    this.spec.onEvent({ type: 'connection', state });
  }

  private log(level: 'debug' | 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown> = {}): void {
    this.options.logger?.[level](this.options.redactor.redact(message), { provider: 'chatpush', operation: this.spec.operation, host: this.ctx.host, ...fields });
  }
}
