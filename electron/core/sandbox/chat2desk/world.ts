import type { Chat2DeskEventName, Chat2DeskGatewayStatus } from '../../providers/chat2desk/events';
import type { Prng } from '../prng';
import { DAY_MS, EPOCH_MS } from '../world-kit';

export interface Chat2DeskChannelRecord {
  id: number;
  name: string;
  phone: string;
  transports: string[];
  whatsappDailyNewClientsLimit: { limit: number; used: number };
}

export interface Chat2DeskClientRecord {
  id: number;
  /** A7: a phone only for WhatsApp, Viber, Telegram user and SMS; other messengers keep their own id here (`[tg] …`). */
  phone: string;
  name: string | null;
  assignedName: string | null;
  channelId: number;
  transport: string;
  dialogId: number;
  requestId: number;
}

export interface Chat2DeskMessageRecord {
  id: number;
  type: 'to_client' | 'from_client' | 'autoreply' | 'system' | 'comment';
  text: string | null;
  transport: string;
  channelId: number;
  clientId: number;
  operatorId: number | null;
  dialogId: number;
  requestId: number;
  createdMs: number;
  read: boolean;
  /** A8 recipient_status: a gateway_status word for outgoing messages, null for the rest ([GAP] format; chosen). */
  recipientStatus: Chat2DeskGatewayStatus | null;
  /** Status changes still to come, by sandbox time (outgoing messages of non-external channels). */
  statusPlan: { status: Chat2DeskGatewayStatus; atMs: number }[];
  extraData: Record<string, unknown>;
}

export interface Chat2DeskWebhookRecord {
  id: number;
  name: string;
  url: string;
  events: Chat2DeskEventName[];
  status: 'enable' | 'disable';
  /** Delivery problems as text ([GAP] A6: the element format is undocumented). */
  errors: string[];
  channels: number[];
  /** Sandbox time of the first failed delivery since the last success (A6: disabled after 5 hours of that). */
  failingSinceMs: number | null;
}

export interface Chat2DeskOperatorRecord {
  id: number;
  email: string;
  online: boolean;
  statusId: number;
  groupIds: number[];
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
    /** companies/info `online`: the working mode of switch_mode. */
    online: boolean;
    workingHours: { begin: string; end: string }[];
    timezone: string;
    /** PUT companies `custom_fields`, read back as api_info `custom_info`. */
    customInfo: Record<string, string> | null;
  };
  channels: Chat2DeskChannelRecord[];
  clients: Chat2DeskClientRecord[];
  messages: Chat2DeskMessageRecord[];
  operators: Chat2DeskOperatorRecord[];
  operatorGroups: { id: number; name: string }[];
  tags: { id: number; label: string; description: string; groupId: number; groupName: string }[];
  tickets: { id: number; summary: string }[];
  webhooks: Chat2DeskWebhookRecord[];
  /** qr_decode: image URL → the text its QR code holds (the sandbox cannot read images; controls register them). */
  qrImages: Record<string, string>;
  settings: {
    /** A6 "up to 5 simultaneous webhooks for free"; a paid option would raise it. */
    webhookLimit: number;
    /** A2 "around 15-20 messages per second" on POST /messages. */
    sendsPerSecond: number;
    /** Multiplies the A6 retry schedule (10 s, 5 min, 2 h) and the 5-hour disable, so a demo can watch it. */
    retryScale: number;
  };
  nextIds: { message: number; webhook: number; client: number; tag: number; ticket: number };
  /** Seeds what the running simulator makes up (a broken WhatsApp session's QR data), so a seed replays exactly. */
  runtimeSeed: number;
}

const TRANSPORT_PHONE: Record<string, (n: number) => string> = {
  whatsapp: (n) => String(n),
  telegram: (n) => `[tg] ${n}`,
  widget: (n) => `[chat] ${n.toString(16)}`,
  external: (n) => `[id] ${n}`,
};

export function chat2DeskWorld(prng: Prng): Chat2DeskWorld {
  const companyId = prng.int(10_000, 99_999);
  const channels: Chat2DeskChannelRecord[] = [];
  let channelId = prng.int(20_000, 30_000);
  // The third channel is an external one: the only kind whose delivery status the API may set (A8).
  const names = ['Main WhatsApp', 'Telegram support', 'Mobile app'];
  const transports = [['whatsapp', 'widget'], ['telegram'], ['external', 'widget']];
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

  const operators: Chat2DeskOperatorRecord[] = [0, 1, 2].map((i) => ({
    id: 40_000 + i * prng.int(7, 97),
    email: `operator${i + 1}@sandbox${companyId}.example`,
    online: i !== 2,
    statusId: i === 2 ? 1 : 0,
    groupIds: i === 2 ? [] : [3373],
  }));

  const clients: Chat2DeskClientRecord[] = [];
  let clientId = prng.int(4_000_000, 5_000_000);
  for (let i = 0; i < 6; i++) {
    const channel = channels[i % channels.length]!;
    const transport = channel.transports[0]!;
    clientId += prng.int(1, 5000);
    clients.push({
      id: clientId,
      phone: TRANSPORT_PHONE[transport]!(prng.int(700_000_000, 799_999_999)),
      name: prng.pick(['Olga', 'Nicolas', 'Dariia', 'Marty', 'Emmett', 'Jane']),
      assignedName: null,
      channelId: channel.id,
      transport,
      dialogId: prng.int(4_000_000, 4_999_999),
      requestId: prng.int(8_000_000, 8_999_999),
    });
  }

  const messages: Chat2DeskMessageRecord[] = [];
  let messageId = prng.int(270_000_000, 275_000_000);
  let createdMs = EPOCH_MS - 30 * DAY_MS;
  for (let i = 0; i < 45; i++) {
    const client = prng.pick(clients);
    const inbound = prng.chance(0.5);
    messageId += prng.int(1, 40);
    createdMs += prng.int(60, 40_000) * 1000;
    messages.push({
      id: messageId,
      type: inbound ? 'from_client' : 'to_client',
      text: inbound ? `Question ${i + 1}` : `Answer ${i + 1}`,
      transport: client.transport,
      channelId: client.channelId,
      clientId: client.id,
      operatorId: inbound ? null : operators[0]!.id,
      dialogId: client.dialogId,
      requestId: client.requestId,
      createdMs,
      read: true,
      recipientStatus: inbound ? null : prng.pick(['delivered', 'seen'] as const),
      statusPlan: [],
      extraData: {},
    });
  }

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
      online: true,
      // A7's example: four entries with no weekday.
      workingHours: [
        { begin: '09 : 00', end: '21 : 00' },
        { begin: '09 : 00', end: '20 : 00' },
        { begin: '10 : 00', end: '19 : 00' },
        { begin: '11 : 00', end: '18 : 00' },
      ],
      timezone: 'Волгоград, Москва, С-Петербург (UTC+3:00)',
      customInfo: null,
    },
    channels,
    clients,
    messages,
    operators,
    operatorGroups: [{ id: 3373, name: 'Group_name' }],
    tags: [{ id: 5931, label: 'Tag 01', description: '01', groupId: 1425, groupName: 'Tags' }],
    tickets: [1, 2, 3].map((id) => ({ id, summary: `Ticket ${id}` })),
    webhooks: [],
    qrImages: {},
    settings: { webhookLimit: 5, sendsPerSecond: 20, retryScale: 1 },
    nextIds: { message: messageId + 1, webhook: prng.int(5000, 6000), client: clientId + 1, tag: 202_569, ticket: 4 },
    // Drawn last, so the rest of the world stays what earlier seeds made it.
    runtimeSeed: prng.int(1, 2 ** 31 - 1),
  };
}

/** A8 `created`: "2023-11-13T09:52:17 UTC". */
export function chat2DeskTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)} UTC`;
}

/** A6 `event_time`: microseconds and a Z, "2023-01-25T09:32:10.137860Z". */
export function chat2DeskEventTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}000Z`;
}
