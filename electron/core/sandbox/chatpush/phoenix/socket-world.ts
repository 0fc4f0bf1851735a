import type { WebSocket } from 'ws';
import type { ChatpushWorld } from '../world';

/**
 * The part of the Chategy/Jetapi world that only the Phoenix sockets use (specs/chatpush-chategy-jetapi.md §4.1,
 * §4.2, §9.10): timings, the Origin allow-lists, the QR rooms, the Telegram secrets and the live sockets. It is
 * kept beside the ChatpushWorld (one per world object) so the servers and the controls see the same state; the
 * instance fields the sockets change (whatsapp_session, whatsapp_phone, tdlib_session) stay on the instances.
 */
export interface PhoenixTimings {
  /** §4.1: "We transmit QR with a frequency of 300ms". */
  whatsappPushMs: number;
  /** §4.2: the TDLib state is pushed "every n seconds"; n is not documented. */
  telegramPushMs: number;
  /** §9.10 recommendation: sockets silent for longer than this are closed (Phoenix's own default is 60 s). */
  idleTimeoutMs: number;
  /** §4.1: "QR code lifetime is 30-40 seconds", counted on the sandbox clock. */
  qrLifetimeMinMs: number;
  qrLifetimeMaxMs: number;
}

export const DEFAULT_PHOENIX_TIMINGS: PhoenixTimings = {
  whatsappPushMs: 300,
  telegramPushMs: 1_000,
  idleTimeoutMs: 60_000,
  qrLifetimeMinMs: 30_000,
  qrLifetimeMaxMs: 40_000,
};

export interface QrRoom {
  /** How many codes this room has issued; the next code is derived from it. */
  serial: number;
  code: string | null;
  /** Sandbox-clock time at which the code rotates. */
  expiresAt: number;
  /** The platform could not create the container: `{auth:false, qr_code:null}` (§4.1 "creation error"). */
  failing: boolean;
  /** A phone is scanning: `in_progress` is pushed (§4.1: read by the doc's sample, otherwise undocumented). */
  inProgress: boolean;
}

export interface TelegramSecrets {
  /** The login code Telegram "sent". */
  code: string;
  /** The two-step verification password, or null when the account has none (no wait_password step). */
  password: string | null;
}

export type PhoenixSocketKind = 'whatsapp' | 'telegram';

export interface LiveSocket {
  kind: PhoenixSocketKind;
  customerId: number;
  ws: WebSocket;
  /** Joined topics. */
  topics(): string[];
  /** Push the current auth_state to every joined topic now, without waiting for the next tick. */
  pushNow(): void;
}

export interface PhoenixSocketWorld {
  timings: PhoenixTimings;
  /**
   * §4.1 prerequisite: the origin must be registered before the WhatsApp socket accepts it. Entries are a host
   * ("console.example.com", "10.0.0.5") or a full origin ("https://console.example.com"). The developer's list
   * applies to every instance, an instance's list adds to it. Both empty = every origin is accepted: the
   * sandbox starts open so the demo works without setup; tests set a list to exercise the refusal.
   */
  developerOrigins: string[];
  instanceOrigins: Map<number, string[]>;
  /** Off = heartbeats are read but never answered (for the clients' heartbeat-timeout handling). */
  heartbeatReplies: boolean;
  qrRooms: Map<number, QrRoom>;
  telegram: Map<number, TelegramSecrets>;
  sockets: Set<LiveSocket>;
}

/** The default Telegram login code; tests and the demo change it with setTelegramCode. */
export const DEFAULT_TELEGRAM_CODE = '22222';

const byWorld = new WeakMap<ChatpushWorld, PhoenixSocketWorld>();

export function phoenixSocketWorld(world: ChatpushWorld): PhoenixSocketWorld {
  let state = byWorld.get(world);
  if (!state) {
    state = {
      timings: { ...DEFAULT_PHOENIX_TIMINGS },
      developerOrigins: [],
      instanceOrigins: new Map(),
      heartbeatReplies: true,
      qrRooms: new Map(),
      telegram: new Map(),
      sockets: new Set(),
    };
    byWorld.set(world, state);
  }
  return state;
}

export function telegramSecrets(state: PhoenixSocketWorld, customerId: number): TelegramSecrets {
  let secrets = state.telegram.get(customerId);
  if (!secrets) {
    secrets = { code: DEFAULT_TELEGRAM_CODE, password: null };
    state.telegram.set(customerId, secrets);
  }
  return secrets;
}

export function qrRoom(state: PhoenixSocketWorld, customerId: number): QrRoom {
  let room = state.qrRooms.get(customerId);
  if (!room) {
    room = { serial: 0, code: null, expiresAt: Number.NEGATIVE_INFINITY, failing: false, inProgress: false };
    state.qrRooms.set(customerId, room);
  }
  return room;
}
