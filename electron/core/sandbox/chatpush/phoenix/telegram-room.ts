import { instanceByCustomerId, type ChatpushInstanceRecord, type ChatpushWorld } from '../world';
import { ok, refused, unprocessable, type Reply } from './frames';
import { UNMATCHED_TOPIC, type RoomHandler } from './room';
import { telegramSecrets, type PhoenixSocketWorld } from './socket-world';

/** §4.2: one topic for everyone; the customer comes from the socket's token. */
export const TELEGRAM_TOPIC = 'room:v1:telegram:auth';

/** §2 tdlib_session codes; 4 (wait_qr_code) appears only in Jetapi's docs. */
const STATUS_BY_SESSION = ['wait_phone', 'wait_code', 'wait_password', 'authorized', 'wait_qr_code'] as const;
type TdlibSession = ChatpushInstanceRecord['tdlibSession'];

/**
 * International number, 10–15 digits with an optional "+"; spaces, dashes and brackets are ignored. The docs give
 * no rule (§4.2 shows only the "invalid phone" reply); this one rejects what Telegram would.
 */
const PHONE = /^\+?\d{10,15}$/;

/**
 * The Telegram TDLib login room (§4.2, §9.10): auth_state pushes mirror the instance's tdlib_session, and
 * send_phone → send_code → send_password move it on. Undocumented, so inferred: a wrong code or password gets
 * the same 422 error reply as a bad phone with the field named; a command out of order gets one under `base`;
 * reset goes back to wait_phone.
 */
export function telegramRoom(customerId: number, world: ChatpushWorld, state: PhoenixSocketWorld, pushNow: () => void): RoomHandler {
  const instanceNow = () => instanceByCustomerId(world, customerId);

  const move = (instance: ChatpushInstanceRecord, session: TdlibSession): Reply => {
    instance.tdlibSession = session;
    // The reply goes out first; the new state follows as a push (setImmediate keeps that order).
    setImmediate(pushNow);
    return ok();
  };

  const expect = (instance: ChatpushInstanceRecord, event: string, allowed: TdlibSession[]): Reply | null =>
    allowed.includes(instance.tdlibSession)
      ? null
      : unprocessable({ base: [`${event} is not expected in state ${STATUS_BY_SESSION[instance.tdlibSession]}`] });

  const commands: Record<string, (instance: ChatpushInstanceRecord, payload: Record<string, unknown>) => Reply> = {
    send_phone: (instance, payload) => {
      // ⚠ §4.2: the legacy text names the key "telemon" (a mistranslation); both are read.
      const raw = payload.phone ?? payload.telemon;
      const phone = typeof raw === 'string' ? raw.replace(/[\s\-()]/g, '') : '';
      if (!PHONE.test(phone)) return unprocessable({ base: ['invalid phone'] });
      // TDLib accepts a phone number while waiting for one or for a QR confirmation.
      return expect(instance, 'send_phone', [0, 4]) ?? move(instance, 1);
    },
    send_code: (instance, payload) => {
      const early = expect(instance, 'send_code', [1]);
      if (early) return early;
      const code = typeof payload.code === 'string' || typeof payload.code === 'number' ? String(payload.code).trim() : '';
      if (!code) return unprocessable({ code: ["code can't be blank"] });
      const secrets = telegramSecrets(state, customerId);
      if (code !== secrets.code) return unprocessable({ code: ['invalid code'] });
      return move(instance, secrets.password === null ? 3 : 2);
    },
    send_password: (instance, payload) => {
      const early = expect(instance, 'send_password', [2]);
      if (early) return early;
      const password = typeof payload.password === 'string' ? payload.password : '';
      if (password !== telegramSecrets(state, customerId).password) return unprocessable({ password: ['invalid password'] });
      return move(instance, 3);
    },
    reset: (instance) => move(instance, 0),
  };

  return {
    pushIntervalMs: () => state.timings.telegramPushMs,
    joinRefusal: (topic) => (topic === TELEGRAM_TOPIC ? null : UNMATCHED_TOPIC),
    authState: () => {
      const instance = instanceNow();
      return instance ? { status: STATUS_BY_SESSION[instance.tdlibSession] } : null;
    },
    handle: (event, payload) => {
      const command = Object.hasOwn(commands, event) ? commands[event] : undefined;
      const instance = instanceNow();
      if (!command) return refused('unknown event');
      if (!instance) return refused('unauthorized');
      return command(instance, payload);
    },
  };
}
