import { signChatpushJwt } from '../jwt';
import type { Prng } from '../prng';
import { ALNUM, DAY_MS, EPOCH_MS, isoDate, money } from '../world-kit';

export interface ChatpushAccountRecord {
  /** Balance as a decimal string, as the wire carries it (spec §3). */
  totalAmount: string;
  dispatchRouting: string[];
  senderNames: string[];
}

export interface ChatpushInstanceRecord {
  id: number;
  customerId: number;
  /** The client Bearer JWT; its customer_id claim equals `customerId` (spec §9.6). */
  token: string;
  /** Spec §2 documents "integer" but every example is a string: the sandbox stores strings. */
  externalId: string | null;
  email: string;
  phone: string;
  renewSubscription: boolean;
  /** 0 wait phone, 1 wait code, 2 wait password, 3 authorized, 4 wait_qr_code (Jetapi only). */
  tdlibSession: 0 | 1 | 2 | 3 | 4;
  /** 0 not authorized, 1 authorized. */
  whatsappSession: 0 | 1;
  whatsappPhone: string | null;
  whatsappQueueSize: number;
  whatsappQueueLimit: number;
  subscriptionCost: string;
  /** YYYY-MM-DD */
  subscriptionPaidUntil: string;
  subscriptionStatus: 'active' | 'inactive';
  account: ChatpushAccountRecord;
}

export interface ChatpushWorld {
  /** The developer's master token, sent raw in `Authorization` (spec §1.1). */
  apiKey: string;
  /** Signs the client JWTs. */
  jwtSecret: string;
  instances: ChatpushInstanceRecord[];
  /** The instances whose tokens the demo workspace registers as client tokens. */
  demoClientTokens: { label: string; customerId: number }[];
}

const CLIENT_LABELS = ['Sales desk', 'Support line', 'Delivery updates', 'Clinic reminders'];

export function chatpushWorld(prng: Prng): ChatpushWorld {
  const jwtSecret = prng.hex(64);
  const instances: ChatpushInstanceRecord[] = [];
  let id = prng.int(300, 3000);
  let customerId = prng.int(700, 20000);
  for (let i = 0; i < 12; i++) {
    id += prng.int(1, 40);
    customerId += prng.int(1, 400);
    const issuedAt = Math.floor((EPOCH_MS - prng.int(1, 400) * DAY_MS) / 1000) + prng.int(0, 86_399);
    const whatsappSession = prng.chance(0.6) ? 1 : 0;
    const phone = `9955${prng.int(10_000_000, 99_999_999)}`;
    const paidUntil = EPOCH_MS + prng.int(-60, 120) * DAY_MS;
    instances.push({
      id,
      customerId,
      token: signChatpushJwt({ customer_id: customerId, datetime: issuedAt }, jwtSecret),
      externalId: prng.chance(0.75) ? String(prng.int(1, 99_999)).padStart(4, '0') : null,
      email: `client${customerId}@example.com`,
      phone,
      renewSubscription: prng.chance(0.5),
      tdlibSession: prng.pick([0, 1, 3, 3, 4] as const),
      whatsappSession,
      whatsappPhone: whatsappSession ? phone : null,
      whatsappQueueSize: whatsappSession ? prng.int(0, 40) : 0,
      whatsappQueueLimit: prng.pick([50, 1000]),
      subscriptionCost: prng.pick(['12.00', '100.00', '600.00', '1999.00']),
      subscriptionPaidUntil: isoDate(paidUntil),
      subscriptionStatus: paidUntil >= EPOCH_MS ? 'active' : 'inactive',
      account: {
        totalAmount: money(prng, 0, 6000),
        dispatchRouting: [prng.pick(['whatsapp', 'sms', 'tdlib'])],
        senderNames: [`push${customerId % 1000}`, 'testname'],
      },
    });
  }
  return {
    apiKey: prng.chars(32, ALNUM),
    jwtSecret,
    instances,
    demoClientTokens: instances.slice(0, 3).map((instance, i) => ({ label: CLIENT_LABELS[i]!, customerId: instance.customerId })),
  };
}
