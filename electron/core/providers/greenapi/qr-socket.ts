import WebSocket from 'ws';
import { AppError } from '../../app-error';
import type { Logger } from '../../log';
import type { Redactor } from '../../redactor';
import { parseBody } from '../http/body';
import { errorFromNetwork, errorFromProxyRefusal, errorFromStatus, type CallContext } from '../http/error-mapping';
import type { ProxySource } from '../http/proxy';
import { defaultSleep, parseRetryAfter, type Sleep } from '../http/retry';
import { websocketRoute, type WebSocketRoute } from '../http/websocket-proxy';
import { greenApiDialect } from './dialect';
import type { GreenApiInstanceCredentials } from './instance-call';
import { sharedGreenApiLimiter, type GreenApiRateLimiter } from './rate-limiter';
import { QrFrameSchema, type GreenApiQrFrame } from './qr-schemas';

/** §2.8: "the scan timeout is 100 seconds". */
export const QR_SCAN_TIMEOUT_MS = 100_000;

export type GreenApiQrEvent =
  /** Connected; the scan window ends at `expiresAt` (the client's clock). */
  | { type: 'open'; expiresAt: number; timeoutMs: number }
  | GreenApiQrFrame
  | { type: 'closed'; code: number; reason: string }
  /** The socket could not be opened or broke: a typed error (401 token, 403 idInstance, refused…). */
  | { type: 'failed'; error: AppError };

export interface QrSocketOptions {
  redactor: Redactor;
  logger?: Logger;
  signal?: AbortSignal;
  limiter?: GreenApiRateLimiter;
  /** How to wait for the limiter's slot (tests: no real waiting). */
  sleep?: Sleep;
  now?: () => number;
  /** The connection attempt's own timeout (default 15 s). */
  connectTimeoutMs?: number;
  /**
   * How long after the 100 s window the client stops waiting for the server's `timeout` frame and ends the session
   * itself (default 10 s), so a silent server cannot leave the dialog hanging.
   */
  timeoutGraceMs?: number;
  /** The app's proxy setting (absent: the environment decides), read when the socket opens. */
  proxy?: ProxySource;
}

export interface QrSocketSession {
  /** Every event, in order; returns an unsubscribe. */
  on(listener: (event: GreenApiQrEvent) => void): () => void;
  close(): void;
  /** Resolves once the session has ended, whatever the reason. */
  readonly ended: Promise<void>;
}

/** Frames after which the session has nothing more to give: the server closes too. */
const FINAL_FRAMES: ReadonlySet<GreenApiQrFrame['type']> = new Set(['alreadyLogged', 'timeout', 'accountData', 'error']);

/**
 * The scanqrcode websocket (specs/greenapi.md §2.8): `{apiUrl}/waInstance{id}/scanqrcode/{token}` with the scheme
 * turned into ws(s) — the doc prints `{{apiUrl}}` under the label "WSS" [AMBIGUOUS]. GREEN-API pushes a fresh
 * `qrCode` while the instance waits to be linked, then `accountData` after a scan, or `alreadyLogged`, `timeout`
 * (100 s without a scan) or `error`. The token is in the URL: it is registered with the redactor, and neither the URL
 * nor the ws library's messages reach an event or a log line unredacted.
 */
export function openQrSocket(credentials: GreenApiInstanceCredentials, options: QrSocketOptions): QrSocketSession {
  const { idInstance, apiTokenInstance } = credentials;
  const { redactor, logger } = options;
  const now = options.now ?? Date.now;
  const limiter = options.limiter ?? sharedGreenApiLimiter;
  redactor.add(apiTokenInstance);
  redactor.add(encodeURIComponent(apiTokenInstance));

  const listeners = new Set<(event: GreenApiQrEvent) => void>();
  let socket: WebSocket | undefined;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  let finished = false;
  let endSession!: () => void;
  const ended = new Promise<void>((resolve) => (endSession = resolve));

  const url = socketUrl(credentials);
  const ctx: CallContext = {
    dialect: greenApiDialect,
    operation: 'scanqrcode',
    action: `waiting for the QR code of instance ${idInstance}`,
    host: hostOf(url),
    credential: 'instance token',
    hints: { auth_failed: 'Check apiTokenInstance.', forbidden: 'Check idInstance and the API URL.' },
    redactor,
    timeoutMs: options.connectTimeoutMs ?? 15_000,
  };

  const emit = (event: GreenApiQrEvent) => {
    if (finished) return;
    for (const listener of [...listeners]) listener(event);
  };
  const finish = (event?: GreenApiQrEvent) => {
    if (event) emit(event);
    if (finished) return;
    finished = true;
    clearTimeout(watchdog);
    options.signal?.removeEventListener('abort', close);
    endSession();
  };
  const fail = (error: AppError) => {
    logger?.warn('qr socket failed', { provider: 'greenapi', operation: 'scanqrcode', host: ctx.host, code: error.code });
    finish({ type: 'failed', error });
    socket?.terminate();
  };
  function close() {
    if (!socket || socket.readyState === WebSocket.CONNECTING) {
      finish({ type: 'closed', code: 1000, reason: 'closed by Switchboard' });
      socket?.terminate();
    } else socket.close(1000);
  }

  const connect = () => {
    if (finished) return;
    if (url === undefined) return fail(new AppError('invalid_input', `The GREEN-API address is not a valid URL (QR code of instance ${idInstance}).`, { provider: 'greenapi', operation: 'scanqrcode' }));
    let route: WebSocketRoute;
    try {
      route = websocketRoute(url, options.proxy, redactor);
    } catch (error) {
      return fail(error instanceof AppError ? new AppError(error.code, error.message, { provider: 'greenapi', operation: 'scanqrcode' }) : new AppError('internal', 'The proxy route could not be set up.'));
    }
    ctx.proxy = route.proxy;
    const ws = new WebSocket(url, { followRedirects: false, ...(route.agent ? { agent: route.agent } : {}) });
    socket = ws;
    // The whole attempt, not only a silent socket (ws's handshakeTimeout), is bounded, and its end is reported as a
    // timeout rather than as the "socket hang up" the abort would otherwise surface as.
    const attempt = setTimeout(() => {
      if (!finished) fail(errorFromNetwork(ctx, undefined, 'timeout'));
    }, ctx.timeoutMs);
    // §8.2: the upgrade request has been counted once it is answered (or given up); the limiter spaces the next from then.
    let counted = false;
    const answered = () => {
      if (counted) return;
      counted = true;
      limiter.answered(idInstance, 'scanQrCode');
    };
    ws.once('close', () => {
      clearTimeout(attempt);
      answered();
    });
    ws.once('open', () => {
      clearTimeout(attempt);
      answered();
    });
    ws.on('unexpected-response', (request, response) => {
      answered();
      const status = response.statusCode ?? 0;
      // The proxy's own answer to CONNECT (407 wrong proxy password…), replayed by the agent: not GREEN-API's.
      const byProxy = route.proxyRefusal(request);
      if (byProxy !== undefined && route.proxy) {
        response.resume();
        return fail(errorFromProxyRefusal({ ...ctx, proxy: route.proxy }, byProxy));
      }
      // §8.2: a refused scanqrcode (429) is held off like a REST call, for the Retry-After or one second.
      const retryAfter = status === 429 ? parseRetryAfter(headerText(response.headers['retry-after']), now()) : undefined;
      if (status === 429) limiter.holdOff(idInstance, 'scanQrCode', (retryAfter ?? 1) * 1000);
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = parseBody(Buffer.concat(chunks).toString('utf8'), response.headers['content-type'] ?? null);
        fail(errorFromStatus(ctx, status, body, retryAfter));
      });
      response.on('error', () => fail(errorFromStatus(ctx, status, { kind: 'empty', text: '' }, retryAfter)));
    });
    ws.on('error', (error) => {
      if (!finished) fail(errorFromNetwork(ctx, error));
    });
    ws.on('open', () => {
      const expiresAt = now() + QR_SCAN_TIMEOUT_MS;
      logger?.debug('qr socket open', { provider: 'greenapi', operation: 'scanqrcode', host: ctx.host });
      emit({ type: 'open', expiresAt, timeoutMs: QR_SCAN_TIMEOUT_MS });
      watchdog = setTimeout(() => {
        emit({ type: 'timeout', message: 'timeout' });
        ws.close(1000);
      }, QR_SCAN_TIMEOUT_MS + (options.timeoutGraceMs ?? 10_000));
      watchdog.unref?.();
    });
    ws.on('message', (data) => {
      const frame = readFrame(data.toString());
      emit(frame);
      if (FINAL_FRAMES.has(frame.type)) ws.close(1000);
    });
    ws.on('close', (code, reason) => finish({ type: 'closed', code, reason: redactor.redact(reason.toString()) }));
  };

  if (options.signal?.aborted) queueMicrotask(close);
  options.signal?.addEventListener('abort', close, { once: true });
  // §8.2: scanQrCode is 1 request per second per instance.
  limiter
    .acquire(idInstance, 'scanQrCode', { sleep: options.sleep ?? defaultSleep, signal: options.signal })
    .then(connect, () => finish({ type: 'closed', code: 1000, reason: 'cancelled' }));

  return {
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close,
    ended,
  };
}

/** A frame as a typed event; anything that is not a `{type, message}` JSON object is surfaced as `unknown`. */
function readFrame(text: string): GreenApiQrFrame {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { type: 'unknown', wireType: '(not JSON)', message: text.slice(0, 200) };
  }
  const parsed = QrFrameSchema.safeParse(value);
  return parsed.success ? parsed.data : { type: 'unknown', wireType: '(no type)', message: value };
}

function socketUrl({ apiUrl, idInstance, apiTokenInstance }: GreenApiInstanceCredentials): string | undefined {
  try {
    const url = new URL(`${apiUrl.replace(/\/+$/, '')}/waInstance${idInstance}/scanqrcode/${encodeURIComponent(apiTokenInstance)}`);
    url.protocol = url.protocol === 'https:' ? 'wss:' : url.protocol === 'http:' ? 'ws:' : url.protocol;
    return url.toString();
  } catch {
    return undefined;
  }
}

function headerText(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).host : '';
  } catch {
    return '';
  }
}
