import type { SandboxClock } from '../../clock';
import { instanceByCustomerId, type ChatpushWorld } from '../world';
import { refused } from './frames';
import { rotateQr } from './qr-code';
import { UNMATCHED_TOPIC, type RoomHandler } from './room';
import { qrRoom, type PhoenixSocketWorld } from './socket-world';

/** §4.1: "The room_id must match the client ID (customer_id)". */
export const whatsappTopic = (customerId: number) => `room:v1:whats_app:auth:${customerId}`;

/**
 * The WhatsApp QR room of one customer (§4.1, §9.10): after the join, `auth_state` every 300 ms carrying the
 * current QR code, `qr_code: null` while container creation fails, `in_progress` while a phone is scanning and
 * `{auth:true}` once the instance is authorized. The instance is read on every push, so REST changes
 * (delete_container_session resetting whatsapp_session) show up on the socket too.
 */
export function whatsappRoom(customerId: number, world: ChatpushWorld, state: PhoenixSocketWorld, clock: SandboxClock): RoomHandler {
  return {
    pushIntervalMs: () => state.timings.whatsappPushMs,
    joinRefusal: (topic) => {
      if (topic === whatsappTopic(customerId)) return null;
      // Phoenix's convention for a channel that refuses the join; a topic no channel serves gets "unmatched topic".
      return topic.startsWith('room:v1:whats_app:auth:') ? 'unauthorized' : UNMATCHED_TOPIC;
    },
    authState: () => {
      const instance = instanceByCustomerId(world, customerId);
      if (!instance) return null;
      if (instance.whatsappSession === 1) return { auth: true };
      const room = qrRoom(state, customerId);
      if (room.inProgress) return { auth: false, in_progress: true, qr_code: null };
      if (room.failing) return { auth: false, qr_code: null };
      return { auth: false, qr_code: rotateQr(room, clock.now(), world.jwtSecret, customerId, state.timings) };
    },
    // §4.1 documents no client events besides join and heartbeat.
    handle: () => refused('unknown event'),
  };
}
