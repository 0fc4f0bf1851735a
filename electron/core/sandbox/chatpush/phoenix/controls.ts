import type { SandboxContext } from '../../clock';
import { chatpushEngine } from '../engine';
import { authorizeWhatsapp } from '../sessions';
import { instanceByCustomerId, type ChatpushInstanceRecord, type ChatpushWorld } from '../world';
import { qrRoom, telegramSecrets, phoenixSocketWorld, type PhoenixSocketKind, type PhoenixTimings } from './socket-world';

/**
 * Controls for the Phoenix sockets (§4.1, §4.2): what a phone, Telegram or the network would do. Each one
 * changes the world and pushes the change to the open sockets at once.
 */
export function createPhoenixControls(world: ChatpushWorld, context: SandboxContext) {
  const state = phoenixSocketWorld(world);
  const engine = chatpushEngine(world, context);

  const instanceOf = (customerId: number): ChatpushInstanceRecord => {
    const instance = instanceByCustomerId(world, customerId);
    if (!instance) throw new Error(`No sandbox Chategy/Jetapi instance has customer_id ${customerId}.`);
    return instance;
  };
  const pushTo = (customerId: number, kind: PhoenixSocketKind) => {
    for (const socket of state.sockets) if (socket.customerId === customerId && socket.kind === kind) socket.pushNow();
  };

  return {
    /**
     * A phone scans the QR code: whatsapp_session=1 and the phone number are set (raising the whatsapp_log_in
     * webhook, §5.3), and `{auth:true}` is pushed to the room.
     */
    scanQr(customerId: number, phone?: string): ChatpushInstanceRecord {
      const instance = instanceOf(customerId);
      authorizeWhatsapp(world, instance, phone ?? instance.phone, engine.now());
      qrRoom(state, customerId).inProgress = false;
      pushTo(customerId, 'whatsapp');
      engine.settle();
      return instance;
    },

    /** A phone has scanned and the platform is linking it: `in_progress` frames until scanQr (or cancel). */
    beginQrScan(customerId: number, scanning = true): void {
      instanceOf(customerId);
      qrRoom(state, customerId).inProgress = scanning;
      pushTo(customerId, 'whatsapp');
    },

    /** The platform cannot create the container: `{auth:false, qr_code:null}` until called with false. */
    failQrCreation(customerId: number, failing = true): void {
      instanceOf(customerId);
      qrRoom(state, customerId).failing = failing;
      pushTo(customerId, 'whatsapp');
    },

    /**
     * The WhatsApp socket's Origin allow-list: the developer's (no customer id) or one instance's. An empty list
     * clears it; both empty = every origin accepted.
     */
    setOriginAllowList(origins: string[], customerId?: number): void {
      if (customerId === undefined) state.developerOrigins = [...origins];
      else state.instanceOrigins.set(instanceOf(customerId).customerId, [...origins]);
    },

    /** Cuts the TCP connection of the matching open sockets, as a network drop would. Returns how many. */
    dropSockets(filter: { kind?: PhoenixSocketKind; customerId?: number } = {}): number {
      let dropped = 0;
      for (const socket of [...state.sockets]) {
        if (filter.kind !== undefined && socket.kind !== filter.kind) continue;
        if (filter.customerId !== undefined && socket.customerId !== filter.customerId) continue;
        socket.ws.terminate();
        dropped++;
      }
      return dropped;
    },

    /** Heartbeats are still read (they keep a socket from idling out) but get no reply until called with false. */
    stopHeartbeatReplies(stopped = true): void {
      state.heartbeatReplies = !stopped;
    },

    /** The login code Telegram expects for this customer (default "22222"). */
    setTelegramCode(customerId: number, code: string): void {
      telegramSecrets(state, instanceOf(customerId).customerId).code = code;
    },

    /** The login code Telegram "sent" to this customer (the demo's authorization dialog shows it). */
    telegramCode(customerId: number): string {
      return telegramSecrets(state, instanceOf(customerId).customerId).code;
    },

    /** The two-step verification password; null = the account has none, so no wait_password step. */
    setTelegramPassword(customerId: number, password: string | null): void {
      telegramSecrets(state, instanceOf(customerId).customerId).password = password;
    },

    /** Push periods, idle timeout and QR lifetime; tests shorten them to stay fast. */
    setSocketTimings(timings: Partial<PhoenixTimings>): PhoenixTimings {
      Object.assign(state.timings, timings);
      return { ...state.timings };
    },

    /** The open sockets, for tests and the demo's activity view. */
    openSockets(): { kind: PhoenixSocketKind; customerId: number; topics: string[] }[] {
      return [...state.sockets].map((socket) => ({ kind: socket.kind, customerId: socket.customerId, topics: socket.topics() }));
    },
  };
}
export type PhoenixControls = ReturnType<typeof createPhoenixControls>;
