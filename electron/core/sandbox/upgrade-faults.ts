import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { ProviderId } from '../../../shared/providers';
import type { FaultBoard } from './faults';
import { NGINX_PAGE, type ProviderWire, type RecordedRequest, type RequestLog, type SandboxResponse } from './http-server';

/**
 * Injected faults on a websocket upgrade request (the Phoenix sockets, GREEN-API's scanqrcode), with the meaning
 * they have for a plain request (http-server.ts), so a test can break a socket the way it breaks a REST call:
 * `latency` delays the upgrade, `status` and `html` answer it with an HTTP error instead of 101, `timeout` holds it
 * until the client's handshake timeout (or the sandbox's close), `reset` drops the TCP connection. Body faults
 * (truncated, notJson) mean nothing for an upgrade: the socket is refused like a failing gateway would, with a 502.
 * The request is logged here, once, with the terminal fault applied.
 */
export function upgradeWithFaults(options: {
  provider: ProviderId;
  server: string;
  faults: FaultBoard;
  log: RequestLog;
  /** What faults match: the path with its query. */
  matchPath: string;
  /** What the request log keeps: the path with any token masked. */
  logPath: string;
  /** The provider's error answer for a status fault without a body; without it, the status text as plain text. */
  wire?: ProviderWire;
  socket: Duplex;
  /**
   * The normal handling of the upgrade (the provider's own checks, then 101). It calls `answered` with the status it
   * gives (a refusal's, or 101), for the request log.
   */
  accept: (answered: (status: number) => void) => void;
}): void {
  const { socket } = options;
  const taken = options.faults.take(options.provider, 'GET', options.matchPath);
  const terminal = taken.find((fault) => fault.kind !== 'latency');
  const entry: RecordedRequest = { provider: options.provider, server: options.server, method: 'GET', path: options.logPath, ...(terminal ? { fault: terminal.kind } : {}) };
  options.log.record(entry);
  const answered = (status: number) => {
    entry.status = status;
  };
  const refuse = (answer: SandboxResponse) => {
    answered(answer.status);
    writeUpgradeAnswer(socket, answer);
  };
  const delay = taken.reduce((sum, fault) => sum + (fault.kind === 'latency' ? fault.ms : 0), 0);

  const proceed = () => {
    if (socket.destroyed) return;
    switch (terminal?.kind) {
      case undefined:
        return options.accept(answered);
      case 'timeout':
        // Hold the upgrade: the client's handshake timeout or the sandbox's close ends it.
        return;
      case 'reset':
        (socket as Socket).resetAndDestroy();
        return;
      case 'status': {
        const answer =
          terminal.body === undefined
            ? (options.wire?.errorResponse(terminal.status) ?? plain(terminal.status, STATUS_CODES[terminal.status] ?? 'error'))
            : typeof terminal.body === 'string'
              ? plain(terminal.status, terminal.body)
              : (options.wire?.jsonResponse(terminal.status, terminal.body) ?? plain(terminal.status, JSON.stringify(terminal.body)));
        const headers = { ...answer.headers, ...terminal.headers };
        if (terminal.retryAfter !== undefined) headers['Retry-After'] = String(terminal.retryAfter);
        return refuse({ ...answer, status: terminal.status, headers });
      }
      case 'html': {
        const status = terminal.status ?? 502;
        return refuse({ status, headers: { 'Content-Type': 'text/html' }, body: NGINX_PAGE(status) });
      }
      default:
        return refuse(plain(502, 'bad gateway'));
    }
  };
  if (delay <= 0) return proceed();
  const timer = setTimeout(proceed, delay);
  socket.once('close', () => clearTimeout(timer));
}

/** An HTTP answer written on the raw socket of a refused upgrade, which then closes. */
export function writeUpgradeAnswer(socket: Duplex, answer: SandboxResponse): void {
  const body = answer.body ?? '';
  const headers = { Server: 'nginx', ...answer.headers, 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(`HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? 'Error'}\r\n${lines.join('')}\r\n${body}`);
}

function plain(status: number, text: string): SandboxResponse {
  return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: text };
}
