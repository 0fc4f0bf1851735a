import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import type { SandboxContext } from '../../clock';
import { verifyChatpushJwt } from '../../jwt';
import { instanceByToken, type ChatpushWorld } from '../world';
import { serveConnection } from './connection';
import { originAllowed } from './origin-allow-list';
import type { RoomHandler } from './room';
import type { PhoenixSocketKind, PhoenixSocketWorld } from './socket-world';

/**
 * The HTTP side of a Phoenix socket (§9.10): `GET /socket/websocket?token=<client JWT>&vsn=2.0.0`, upgraded when
 * the token is one the platform issued and, on the WhatsApp host, the Origin is allowed. Real Phoenix answers
 * both refusals with a bare 403; the sandbox adds a one-line body naming the cause ("origin not allowed",
 * "invalid token") that clients may show. Injected faults apply to the upgrade request like to any other.
 */
export function phoenixUpgrade(options: {
  kind: PhoenixSocketKind;
  server: string;
  world: ChatpushWorld;
  state: PhoenixSocketWorld;
  context: SandboxContext;
  wss: WebSocketServer;
  roomFor: (customerId: number, pushNow: () => void) => RoomHandler;
}) {
  const { kind, world, state, context, wss } = options;

  const accept = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    if (url.pathname.replace(/\/+$/, '') !== '/socket/websocket') return answer(socket, 404, 'not found');
    // Without vsn Phoenix would speak serializer v1 (objects, not arrays), which the platform does not document.
    if (url.searchParams.get('vsn') !== '2.0.0') return answer(socket, 400, 'only vsn=2.0.0 is served');

    const token = url.searchParams.get('token') ?? '';
    const claims = verifyChatpushJwt(token, world.jwtSecret);
    const issued = claims ? instanceByToken(world, token) : undefined;
    const instance = issued && issued.customerId === claims?.customer_id ? issued : undefined;
    // Phoenix checks the origin before the socket's connect callback sees the token.
    if (kind === 'whatsapp' && !originAllowed(state, instance?.customerId, req.headers.origin)) return answer(socket, 403, 'origin not allowed');
    if (!instance) return answer(socket, 403, 'invalid token');

    const customerId = instance.customerId;
    wss.handleUpgrade(req, socket, head, (ws) =>
      serveConnection(ws, { kind, customerId }, state, (pushNow) => options.roomFor(customerId, pushNow)),
    );
  };

  return (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // The request log never keeps the client token.
    const path = (req.url ?? '/').replace(/([?&]token=)[^&]*/, '$1••••');
    const taken = context.faults.take('chatpush', 'GET', path);
    const terminal = taken.find((fault) => fault.kind !== 'latency');
    context.log.record({ provider: 'chatpush', server: options.server, method: 'GET', path, ...(terminal ? { fault: terminal.kind } : {}) });
    const delay = taken.reduce((sum, fault) => sum + (fault.kind === 'latency' ? fault.ms : 0), 0);

    const proceed = () => {
      if (socket.destroyed) return;
      switch (terminal?.kind) {
        case undefined:
          return accept(req, socket, head);
        case 'timeout':
          // Hold the upgrade: the client's handshake timeout or the sandbox's close ends it.
          return;
        case 'reset':
          return (socket as Socket).resetAndDestroy();
        case 'status':
          return answer(socket, terminal.status, typeof terminal.body === 'string' ? terminal.body : (STATUS_CODES[terminal.status] ?? 'error'));
        case 'html':
          return answer(socket, terminal.status ?? 502, `<html><head><title>${terminal.status ?? 502}</title></head><body>nginx</body></html>`, 'text/html');
        default:
          // Body faults (truncated, notJson) have no meaning for an upgrade: the socket is refused like a gateway would.
          return answer(socket, 502, 'bad gateway');
      }
    };
    if (delay > 0) setTimeout(proceed, delay);
    else proceed();
  };
}

function answer(socket: Duplex, status: number, body: string, contentType = 'text/plain; charset=utf-8'): void {
  const length = Buffer.byteLength(body);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nServer: nginx\r\nContent-Type: ${contentType}\r\nContent-Length: ${length}\r\nConnection: close\r\n\r\n${body}`,
  );
}
