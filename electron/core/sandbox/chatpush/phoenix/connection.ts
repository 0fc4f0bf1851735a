import type { RawData, WebSocket } from 'ws';
import { encodeFrame, ok, parseClientFrame, refused, type ClientFrame, type Ref, type Reply } from './frames';
import { UNMATCHED_TOPIC, type RoomHandler } from './room';
import type { LiveSocket, PhoenixSocketKind, PhoenixSocketWorld } from './socket-world';

/**
 * One accepted Phoenix socket: heartbeats, joins and leaves, the room's events, the periodic auth_state push to
 * the joined topic, and the idle timeout (§9.10). Timings are read from the world on every use, so a test can
 * change them while sockets are open.
 */
export function serveConnection(
  ws: WebSocket,
  identity: { kind: PhoenixSocketKind; customerId: number },
  state: PhoenixSocketWorld,
  roomFor: (pushNow: () => void) => RoomHandler,
): void {
  /** topic → the join_ref its pushes carry (Phoenix tags pushes with the join they belong to). */
  const joined = new Map<string, Ref>();
  let pushTimer: NodeJS.Timeout | undefined;
  let idleTimer: NodeJS.Timeout | undefined;

  const send = (text: string) => {
    if (ws.readyState === ws.OPEN) ws.send(text);
  };
  const reply = (frame: ClientFrame, answer: Reply) =>
    send(encodeFrame(frame.joinRef, frame.ref, frame.topic, 'phx_reply', { response: answer.response, status: answer.status }));

  const pushNow = () => {
    for (const [topic, joinRef] of joined) {
      const payload = room.authState();
      if (payload) send(encodeFrame(joinRef, null, topic, 'auth_state', payload));
    }
  };
  const room = roomFor(pushNow);

  const schedulePush = () => {
    pushTimer = setTimeout(() => {
      pushNow();
      schedulePush();
    }, room.pushIntervalMs());
  };
  const resetIdle = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => ws.close(1000, 'idle timeout'), state.timings.idleTimeoutMs);
  };

  const dispatch = (frame: ClientFrame) => {
    if (frame.topic === 'phoenix' && frame.event === 'heartbeat') {
      if (state.heartbeatReplies) reply(frame, ok());
      return;
    }
    if (frame.event === 'phx_join') {
      const refusal = room.joinRefusal(frame.topic);
      if (refusal) return reply(frame, refused(refusal));
      joined.set(frame.topic, frame.joinRef);
      reply(frame, ok());
      // The first auth_state follows the join at once rather than a push interval later.
      return pushNow();
    }
    if (!joined.has(frame.topic)) return reply(frame, refused(UNMATCHED_TOPIC));
    if (frame.event === 'phx_leave') {
      const joinRef = joined.get(frame.topic) ?? null;
      joined.delete(frame.topic);
      reply(frame, ok());
      return send(encodeFrame(joinRef, joinRef, frame.topic, 'phx_close', {}));
    }
    reply(frame, room.handle(frame.event, frame.payload));
  };

  const live: LiveSocket = { ...identity, ws, topics: () => [...joined.keys()], pushNow };
  state.sockets.add(live);
  ws.on('message', (data: RawData, isBinary: boolean) => {
    resetIdle();
    if (isBinary) return;
    const frame = parseClientFrame(data.toString());
    if (frame) dispatch(frame);
  });
  ws.on('close', () => {
    clearTimeout(pushTimer);
    clearTimeout(idleTimer);
    state.sockets.delete(live);
  });
  ws.on('error', () => ws.terminate());
  resetIdle();
  schedulePush();
}
