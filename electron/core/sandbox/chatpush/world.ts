import { signChatpushJwt } from '../jwt';
import { createPrng, type Prng } from '../prng';
import { ALNUM, DAY_MS, EPOCH_MS, isoDate, money } from '../world-kit';

/**
 * The simulated Chategy/Jetapi platform as plain data (specs/chatpush-chategy-jetapi.md): what the servers read
 * and change on every request, what the engine moves on over sandbox time, and what tests and controls edit.
 * Everything is JSON-like, so the same seed gives an equal world.
 */

export interface ChatpushAccountRecord {
  /** Balance as a decimal string, as the wire carries it (spec §3). Debited by SMS sends. */
  totalAmount: string;
  dispatchRouting: string[];
  senderNames: string[];
}

export interface ChatpushInstanceRecord {
  id: number;
  customerId: number;
  /** The client Bearer JWT; its customer_id claim equals `customerId` (spec §9.6). */
  token: string;
  /** §6.8: keys the `checksum` header; returned by instance creation. */
  idempotencyKey: string;
  /** Spec §2 documents "integer" but every example is a string: the sandbox stores strings. */
  externalId: string | null;
  email: string;
  phone: string;
  password: string;
  renewSubscription: boolean;
  /** 0 wait phone, 1 wait code, 2 wait password, 3 authorized, 4 wait_qr_code (Jetapi only). */
  tdlibSession: 0 | 1 | 2 | 3 | 4;
  /** 0 not authorized, 1 authorized. */
  whatsappSession: 0 | 1;
  whatsappPhone: string | null;
  whatsappQueueSize: number;
  whatsappQueueLimit: number;
  subscriptionCost: string;
  /** YYYY-MM-DD, the last paid day. */
  subscriptionPaidUntil: string;
  subscriptionStatus: 'active' | 'inactive';
  account: ChatpushAccountRecord;
}

/** The developer's own (master) account: its balance pays instance subscriptions (§2 Renew, §7.1 office). */
export interface ChatpushDeveloperRecord {
  customerId: number;
  /** A Bearer token for the master account: it can read its balance with `GET /api/v1/account`. */
  token: string;
  totalAmount: string;
  senderNames: string[];
  dispatchRouting: string[];
  /** What a new instance costs a month ("the developer's rate", §7.1). */
  rate: string;
  /** Days of the developer's trial period a new instance gets (§7.1 "Manual creation"). */
  trialDays: number;
}

/** One status a delivery had, at a sandbox time. */
export interface ChatpushDeliveryStep {
  at: number;
  statusId: number;
  /** The channel that produced it (§6.7 callback `dispatch_routing`). */
  channel: string;
}

export interface ChatpushDeliveryRecord {
  id: number;
  customerId: number;
  kind: 'text' | 'file';
  /** `+995…` as the wire shows it (§6.1), or null for a username / user id / lid recipient. */
  phone: string | null;
  username: string | null;
  tdlibUserId: string | null;
  whatsappLid: string | null;
  text: string;
  senderName: string;
  utmMark: string | null;
  callbackUrl: string | null;
  externalId: string | null;
  routing: string[];
  priority: 'high' | 'medium' | 'low';
  /** As sent (`YYYY-MM-DD HH:MM:SS`, UTC), or null. */
  scheduledAt: string | null;
  simulateTyping: boolean;
  replyToMessageId: string | null;
  trafficCategory: 0 | 1 | 2;
  totalSms: number;
  /** What was charged, a decimal string. */
  sum: string;
  statusId: number;
  /** The channel of the current attempt (§6.9 cascade). */
  channel: string;
  /** Sandbox time of the next status change; null once the status is final. */
  nextAt: number | null;
  /** A final status forced by controls for the next decision, or null. */
  forcedStatus: number | null;
  /** Every status it had, oldest first. */
  history: ChatpushDeliveryStep[];
  createdAt: number;
  file: { name: string; mimeType: string; size: number; type: 'document' | 'image' | null; caption: string | null } | null;
  /** §6.4: deleted on all devices. */
  deleted: boolean;
  /** The messenger's message id (`true_<chat>@c.us_<hex>THISISBOT`, §5.3), once sent on WhatsApp. */
  messageId: string | null;
}

export interface ChatpushWebhookRecord {
  id: number;
  /** 'developer' (api_key, §5.1 left column) or the customer id of an individual webhook. */
  owner: 'developer' | number;
  url: string;
  types: string[];
}

export interface ChatpushTelegramBotRecord {
  instanceId: number;
  apiToken: string;
  botLink: string;
  menuTitle: string | null;
  menuLink: string | null;
  status: 'running';
}

/** §4.4 MAX: one login per customer. The code is what the SMS would carry (controls read it). */
export interface ChatpushMaxSessionRecord {
  customerId: number;
  phone: string;
  code: string;
  state: 'wait_code' | 'authorized';
}

export interface ChatpushIframeLinkRecord {
  customerId: number;
  hash: string;
  authType: 0 | 1;
  password: string | null;
  api: 'chatter' | 'developer_chat';
}

export interface ChatpushConversationRecord {
  id: number;
  customerId: number;
  clientPhone: string | null;
  conversationType: 'whatsapp' | 'tdlib';
  tdlibUserId: string | null;
  tdlibUsername: string | null;
  notes: { title: string | null; body: string | null }[];
  messages: number;
  createdAt: number;
  updatedAt: number;
}

/** A callback or webhook POST the platform owes someone, with its delivery history. */
export interface ChatpushOutboundRecord {
  id: number;
  kind: 'callback' | 'webhook';
  url: string;
  body: unknown;
  /** For webhooks: the event `type`; for callbacks: the delivery id. */
  about: string;
  attempts: number;
  maxAttempts: number;
  retryIntervalMs: number;
  /** Sandbox time of the next attempt; null while one is in flight or when done. */
  nextAt: number | null;
  state: 'pending' | 'delivered' | 'failed';
  /** HTTP status of each attempt, or 0 when it got none (refused, timed out). */
  responses: number[];
}

export interface ChatpushSettings {
  /** §6.7: "repeated every 2 minutes 10 times until it receives the HTTP code 200". */
  callbackRetryIntervalMs: number;
  callbackRetries: number;
  /** ⚠ §5.1: webhook retries are undocumented; none by default. */
  webhookRetries: number;
  webhookRetryIntervalMs: number;
  /** Time from one delivery status to the next (accepted → in progress → final). */
  deliveryStepMs: number;
  /** Price of one SMS segment. */
  smsPrice: string;
  /** ⚠ §6.8: the dedupe window is undocumented; a day here. */
  checksumWindowMs: number;
  /** Set by controls: the final status the next delivery lands in (once). */
  nextDeliveryStatus: number | null;
  /** Per outbound POST. */
  outboundTimeoutMs: number;
  /** ⚠ Undocumented: requests per second allowed per client token; null (default) is no limit (rate-limit.ts). */
  customerRequestsPerSecond: number | null;
}

export interface ChatpushWorld {
  /** The developer's master token, sent raw in `Authorization` (spec §1.1). */
  apiKey: string;
  /** Signs the client JWTs. */
  jwtSecret: string;
  developer: ChatpushDeveloperRecord;
  instances: ChatpushInstanceRecord[];
  deliveries: ChatpushDeliveryRecord[];
  webhooks: ChatpushWebhookRecord[];
  telegramBots: ChatpushTelegramBotRecord[];
  maxSessions: ChatpushMaxSessionRecord[];
  iframeLinks: ChatpushIframeLinkRecord[];
  conversations: ChatpushConversationRecord[];
  /** §6.8: checksums already received, for the 409. */
  receivedChecksums: { customerId: number; checksum: string; at: number }[];
  outbox: ChatpushOutboundRecord[];
  settings: ChatpushSettings;
  nextIds: { instance: number; customer: number; delivery: number; webhook: number; conversation: number; outbound: number };
  /** Seeded dates hang off EPOCH; the servers move them to the sandbox's today once, at start. */
  datesRebased: boolean;
  /** The instances whose tokens the demo workspace registers as client tokens. */
  demoClientTokens: { label: string; customerId: number }[];
}

const CLIENT_LABELS = ['Sales desk', 'Support line', 'Delivery updates', 'Clinic reminders'];

export const DEFAULT_CHATPUSH_SETTINGS: ChatpushSettings = {
  callbackRetryIntervalMs: 120_000,
  callbackRetries: 10,
  webhookRetries: 0,
  webhookRetryIntervalMs: 60_000,
  deliveryStepMs: 2_000,
  smsPrice: '2.50',
  checksumWindowMs: DAY_MS,
  nextDeliveryStatus: null,
  outboundTimeoutMs: 5_000,
  customerRequestsPerSecond: null,
};

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
      idempotencyKey: '',
      externalId: prng.chance(0.75) ? String(prng.int(1, 99_999)).padStart(4, '0') : null,
      email: `client${customerId}@example.com`,
      phone,
      password: 'sandbox123',
      // An instance that renews itself cannot have lapsed while the developer had money: only non-renewing ones are expired.
      renewSubscription: prng.chance(0.5) && paidUntil >= EPOCH_MS,
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
  const apiKey = prng.chars(32, ALNUM);
  for (const instance of instances) instance.idempotencyKey = prng.chars(8, ALNUM);
  const developerId = customerId + prng.int(1, 400);
  return {
    apiKey,
    jwtSecret,
    developer: {
      customerId: developerId,
      token: signChatpushJwt({ customer_id: developerId, datetime: Math.floor(EPOCH_MS / 1000) - 400 * 86_400 }, jwtSecret),
      totalAmount: money(prng, 20_000, 60_000),
      senderNames: [`push${developerId % 1000}`, 'JETAPI.IO'],
      dispatchRouting: ['sms'],
      rate: '600.00',
      trialDays: 3,
    },
    instances,
    deliveries: [],
    webhooks: [],
    telegramBots: [],
    maxSessions: [],
    iframeLinks: [],
    conversations: [],
    receivedChecksums: [],
    outbox: [],
    settings: { ...DEFAULT_CHATPUSH_SETTINGS },
    nextIds: {
      instance: id + 1,
      customer: developerId + 1,
      delivery: 94_396_942,
      webhook: 57,
      conversation: 4_071_161,
      outbound: 1,
    },
    datesRebased: false,
    demoClientTokens: instances.slice(0, 3).map((instance, i) => ({ label: CLIENT_LABELS[i]!, customerId: instance.customerId })),
  };
}

/** A new instance as the platform creates it: fresh ids, a signed token, the developer's rate and trial. */
export function newInstance(
  world: ChatpushWorld,
  fields: { email: string; phone: string; password: string; externalId: string | null; dispatchRouting: string[]; renewSubscription: boolean },
  now: number,
  prng: Prng = createPrng(world.nextIds.customer),
): ChatpushInstanceRecord {
  const id = world.nextIds.instance++;
  const customerId = world.nextIds.customer++;
  return {
    id,
    customerId,
    token: signChatpushJwt({ customer_id: customerId, datetime: Math.floor(now / 1000) }, world.jwtSecret),
    idempotencyKey: prng.chars(8, ALNUM),
    externalId: fields.externalId,
    email: fields.email,
    phone: fields.phone,
    password: fields.password,
    renewSubscription: fields.renewSubscription,
    tdlibSession: 0,
    whatsappSession: 0,
    whatsappPhone: null,
    whatsappQueueSize: 0,
    whatsappQueueLimit: 50,
    subscriptionCost: world.developer.rate,
    subscriptionPaidUntil: isoDate(now + world.developer.trialDays * DAY_MS),
    subscriptionStatus: 'active',
    account: { totalAmount: '0.00', dispatchRouting: fields.dispatchRouting, senderNames: [] },
  };
}

export function instanceByToken(world: ChatpushWorld, token: string): ChatpushInstanceRecord | undefined {
  return world.instances.find((instance) => instance.token === token);
}

export function instanceById(world: ChatpushWorld, id: number): ChatpushInstanceRecord | undefined {
  return world.instances.find((instance) => instance.id === id);
}

export function instanceByCustomerId(world: ChatpushWorld, customerId: number): ChatpushInstanceRecord | undefined {
  return world.instances.find((instance) => instance.customerId === customerId);
}
