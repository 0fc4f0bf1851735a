import { CHATTI_DEFAULT_PROBE_PATH } from '../../../shared/providers';
import { signChatpushJwt } from './jwt';
import { derivePrng, type Prng } from './prng';

/**
 * The sandbox's world: one seeded, deterministic model that every simulated provider serves from. Tests and the
 * demo controls mutate it directly (change a balance, flip a state); the servers read it on every request.
 * Field names are the domain's (camelCase); each server maps them to its own wire format.
 */
export interface SandboxState {
  seed: number;
  chatpush: ChatpushWorld;
  greenapi: GreenApiWorld;
  chat2desk: Chat2DeskWorld;
  chatti: ChattiWorld;
}

// ---------------------------------------------------------------- Chategy / Jetapi

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

// ---------------------------------------------------------------- GREEN-API

/** specs/greenapi.md §4; `null` is the whole getStateInstance body while the instance is being created (§2.3). */
export type GreenApiStateValue = 'authorized' | 'notAuthorized' | 'blocked' | 'sleepMode' | 'starting' | 'yellowCard';

export interface GreenApiInstanceRecord {
  idInstance: string;
  apiTokenInstance: string;
  label: string;
  state: GreenApiStateValue | null;
  /** getSettings keys, with "yes"/"no" strings (§2.1). */
  settings: Record<string, string | number>;
}

export interface GreenApiWorld {
  instances: GreenApiInstanceRecord[];
  /**
   * The error body format is a doc gap (§14.22): the documented identifier strings as plain text, or wrapped
   * in `{"message": …}`.
   */
  errorFormat: 'text' | 'json';
}

// ---------------------------------------------------------------- Chat2Desk

export interface Chat2DeskChannelRecord {
  id: number;
  name: string;
  phone: string;
  transports: string[];
  whatsappDailyNewClientsLimit: { limit: number; used: number };
}

export interface Chat2DeskWorld {
  apiToken: string;
  company: {
    companyId: number;
    partnerId: number;
    partnerType: string;
    companyMode: string;
    companyName: string;
    companyLang: string;
    adminEmail: string;
    domainUrls: string[];
    writeFirstOption: boolean;
    currentVersion: number;
    apiCalls: { usedThisMonth: number; leftFreeRequests: number; leftPaidRequests: number };
  };
  channels: Chat2DeskChannelRecord[];
}

// ---------------------------------------------------------------- Chatti

export interface ChattiContactRecord {
  id: number;
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  /** ISO 8601 UTC (Part B: timestamps are returned as ISO 8601 with timezone). */
  createdAt: string;
}

export interface ChattiWorld {
  apiKey: string;
  probePath: string;
  contacts: ChattiContactRecord[];
}

// ---------------------------------------------------------------- the seeded world

/** Dates in the world hang off a fixed day, never the clock, so a seed always gives the same data. */
const EPOCH_MS = Date.UTC(2025, 5, 1);
const DAY_MS = 86_400_000;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export const DEFAULT_SANDBOX_SEED = 20240226;

export function createSandboxState(seed: number = DEFAULT_SANDBOX_SEED): SandboxState {
  return {
    seed,
    chatpush: chatpushWorld(derivePrng(seed, 'chatpush')),
    greenapi: greenApiWorld(derivePrng(seed, 'greenapi')),
    chat2desk: chat2DeskWorld(derivePrng(seed, 'chat2desk')),
    chatti: chattiWorld(derivePrng(seed, 'chatti')),
  };
}

const FIRST_NAMES = ['Anna', 'Boris', 'Carla', 'Dmitri', 'Elena', 'Farid', 'Giorgi', 'Hana', 'Irina', 'Jamal', 'Kira', 'Levan'];
const LAST_NAMES = ['Abashidze', 'Bennett', 'Castro', 'Dvali', 'Egorova', 'Fischer', 'Gomez', 'Haddad', 'Ivanova', 'Jensen'];
const CLIENT_LABELS = ['Sales desk', 'Support line', 'Delivery updates', 'Clinic reminders'];

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function money(prng: Prng, min: number, max: number): string {
  return (prng.int(min * 100, max * 100) / 100).toFixed(2);
}

function chatpushWorld(prng: Prng): ChatpushWorld {
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

/** Every getSettings key, off, as a new instance has them (§2.2: "all settings are off by default"). */
function defaultGreenApiSettings(wid: string): Record<string, string | number> {
  return {
    wid,
    countryInstance: '',
    typeAccount: '',
    webhookUrl: '',
    webhookUrlToken: '',
    delaySendMessagesMilliseconds: 5000,
    markIncomingMessagesReaded: 'no',
    markIncomingMessagesReadedOnReply: 'no',
    sharedSession: 'no',
    outgoingWebhook: 'no',
    outgoingMessageWebhook: 'no',
    outgoingAPIMessageWebhook: 'no',
    incomingWebhook: 'no',
    deviceWebhook: 'no',
    statusInstanceWebhook: 'no',
    stateWebhook: 'no',
    enableMessagesHistory: 'no',
    keepOnlineStatus: 'no',
    pollMessageWebhook: 'no',
    incomingBlockWebhook: 'no',
    incomingCallWebhook: 'no',
  };
}

function greenApiWorld(prng: Prng): GreenApiWorld {
  const plan: { label: string; state: GreenApiStateValue | null }[] = [
    { label: 'Main line', state: 'authorized' },
    { label: 'Backup phone', state: 'notAuthorized' },
    { label: 'Rebooting', state: 'starting' },
    // §2.3 / 1.3.13: getStateInstance answers the body `null` while the instance is being created.
    { label: 'Just ordered', state: null },
  ];
  let id = 1101_000_000 + prng.int(0, 899_999);
  const instances = plan.map(({ label, state }) => {
    id += prng.int(1, 5000);
    const wid = state === 'authorized' ? `7${prng.int(900_000_0000, 999_999_9999)}@c.us` : '';
    const settings = defaultGreenApiSettings(wid);
    if (state === 'authorized') {
      Object.assign(settings, {
        webhookUrl: 'https://crm.example.com/webhook/green-api/',
        incomingWebhook: 'yes',
        outgoingWebhook: 'yes',
        stateWebhook: 'yes',
      });
    }
    // The doc's URL examples carry 50 hex characters (§1).
    return { idInstance: String(id), apiTokenInstance: prng.hex(50), label, state, settings };
  });
  return { instances, errorFormat: 'text' };
}

function chat2DeskWorld(prng: Prng): Chat2DeskWorld {
  const companyId = prng.int(10_000, 99_999);
  const channels: Chat2DeskChannelRecord[] = [];
  let channelId = prng.int(20_000, 30_000);
  const names = ['Main WhatsApp', 'Telegram support', 'Website widget'];
  const transports = [['whatsapp', 'widget'], ['telegram'], ['widget', 'email']];
  for (let i = 0; i < names.length; i++) {
    channelId += prng.int(1, 300);
    channels.push({
      id: channelId,
      name: names[i]!,
      phone: String(prng.int(1_000_000_000, 1_999_999_999)),
      transports: transports[i]!,
      whatsappDailyNewClientsLimit: { limit: prng.pick([10, 50, 100]), used: prng.int(0, 9) },
    });
  }
  const used = prng.int(0, 5000);
  return {
    apiToken: prng.hex(30),
    company: {
      companyId,
      partnerId: 1,
      partnerType: 'partner_client',
      // api_info carries company_mode "standard" in the doc's only example (A7), not an api_modes name.
      companyMode: 'standard',
      companyName: `Sandbox Company ${companyId}`,
      companyLang: 'en',
      adminEmail: `admin${companyId}@example.com`,
      domainUrls: [`https://sandbox${companyId}.chat2desk.example`],
      writeFirstOption: true,
      currentVersion: 1,
      apiCalls: { usedThisMonth: used, leftFreeRequests: 100_000 - used, leftPaidRequests: prng.pick([0, 1_000_000]) },
    },
    channels,
  };
}

function chattiWorld(prng: Prng): ChattiWorld {
  const contacts: ChattiContactRecord[] = [];
  for (let i = 0; i < 27; i++) {
    const firstName = prng.pick(FIRST_NAMES);
    const lastName = prng.pick(LAST_NAMES);
    contacts.push({
      id: 1000 + i,
      firstName,
      lastName,
      phone: `+1555${prng.int(1_000_000, 9_999_999)}`,
      email: `${firstName}.${lastName}${i}@example.com`.toLowerCase(),
      createdAt: new Date(EPOCH_MS - prng.int(0, 365) * DAY_MS - prng.int(0, 86_399) * 1000).toISOString(),
    });
  }
  return { apiKey: prng.chars(40, ALNUM), probePath: CHATTI_DEFAULT_PROBE_PATH, contacts };
}
