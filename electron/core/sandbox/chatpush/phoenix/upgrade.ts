import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import type { SandboxContext } from '../../clock';
import { verifyChatpushJwt } from '../../jwt';
import { upgradeWithFaults, writeUpgradeAnswer } from '../../upgrade-faults';
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

  const accept = (req: IncomingMessage, socket: Duplex, head: Buffer, answered: (status: number) => void) => {
    const answer = (status: number, body: string) => {
      answered(status);
      writeUpgradeAnswer(socket, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body });
    };
    const url = new URL(req.url ?? '/', 'http://sandbox');
    if (url.pathname.replace(/\/+$/, '') !== '/socket/websocket') return answer(404, 'not found');
    // Without vsn Phoenix would speak serializer v1 (objects, not arrays), which the platform does not document.
    if (url.searchParams.get('vsn') !== '2.0.0') return answer(400, 'only vsn=2.0.0 is served');

    const token = url.searchParams.get('token') ?? '';
    const claims = verifyChatpushJwt(token, world.jwtSecret);
    const issued = claims ? instanceByToken(world, token) : undefined;
    const instance = issued && issued.customerId === claims?.customer_id ? issued : undefined;
    // Phoenix checks the origin before the socket's connect callback sees the token.
    if (kind === 'whatsapp' && !originAllowed(state, instance?.customerId, req.headers.origin)) return answer(403, 'origin not allowed');
    if (!instance) return answer(403, 'invalid token');

    const customerId = instance.customerId;
    answered(101);
    wss.handleUpgrade(req, socket, head, (ws) =>
      serveConnection(ws, { kind, customerId }, state, (pushNow) => options.roomFor(customerId, pushNow)),
    );
  };

  return (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // The request log never keeps the client token, and faults match the path as logged.
    const path = (req.url ?? '/').replace(/([?&]token=)[^&]*/, '$1••••');
    upgradeWithFaults({
      provider: 'chatpush',
      server: options.server,
      faults: context.faults,
      log: context.log,
      matchPath: path,
      logPath: path,
      socket,
      accept: (answered) => accept(req, socket, head, answered),
    });
  };
}
