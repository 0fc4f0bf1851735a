import { deliveryStatus, isFinalDeliveryStatus } from '../../../../shared/chatpush-delivery-statuses';
import { debit, fromCents, toCents } from './ledger';
import { formatPhone } from './operators';
import { enqueueOutbound } from './outbound';
import { emitEvent, lidFor, whatsappMessageId } from './webhook-events';
import { instanceByCustomerId, type ChatpushDeliveryRecord, type ChatpushInstanceRecord, type ChatpushWorld } from './world';

/**
 * How a delivery lives (specs/chatpush-chategy-jetapi.md §6): accepted (6) at once, then in progress (15; SMS:
 * enroute 1) one step later, then a final status one step after that, decided at that moment from the world
 * (WhatsApp logged in? Telegram authorized? balance enough for the SMS?). A channel that cannot deliver hands
 * over to the next one in `dispatch_routing` (§6.9 cascade). Reaching a final status queues the status callback
 * (§6.7); WhatsApp and Telegram sends also raise the webhooks of §5.3.
 */

/** §6.9: the channels a cascade can use. */
const CHANNELS = new Set(['whatsapp', 'tdlib', 'telegram', 'notify', 'max', 'sms']);
/** Failures that mean "this channel cannot deliver", after which the cascade tries the next channel (§6.9). */
const HAND_OVER = new Set([45, 50, 32, 33, 44]);
/** §6.1 default sender when none or an unregistered one is given. */
export const DEFAULT_SENDER_NAME = 'InfoSMS';

export interface DeliveryRequest {
  kind: 'text' | 'file';
  phone: string | null;
  username: string | null;
  tdlibUserId: string | null;
  whatsappLid: string | null;
  text: string;
  senderName: string | null;
  utmMark: string | null;
  callbackUrl: string | null;
  externalId: string | null;
  routing: string[];
  priority: string | null;
  scheduledAt: string | null;
  simulateTyping: boolean | null;
  replyToMessageId: string | null;
  file: ChatpushDeliveryRecord['file'];
}

/** SMS segments: 160 GSM characters (153 when split) or 70 others (67 when split), §6.1. */
export function smsSegments(text: string): number {
  const latin = /^[\x20-\x7E\n\r]*$/.test(text);
  const [single, part] = latin ? [160, 153] : [70, 67];
  const length = [...text].length;
  return length <= single ? 1 : Math.ceil(length / part);
}

/** `YYYY-MM-DD HH:MM:SS` UTC (§6.1) as a time, or NaN. */
function scheduledTime(value: string): number {
  return Date.parse(`${value.replace(' ', 'T')}Z`);
}

export function createDelivery(world: ChatpushWorld, customer: ChatpushInstanceRecord, request: DeliveryRequest, now: number): ChatpushDeliveryRecord {
  // §6.9: unique known channels in the given order; missing, invalid or empty → the account default.
  const routing = [...new Set(request.routing.map((channel) => channel.toLowerCase()).filter((channel) => CHANNELS.has(channel)))];
  const effective = routing.length > 0 ? routing : customer.account.dispatchRouting;
  const sender =
    request.senderName && customer.account.senderNames.includes(request.senderName) ? request.senderName : DEFAULT_SENDER_NAME;
  const due = request.scheduledAt ? scheduledTime(request.scheduledAt) : Number.NaN;
  const delivery: ChatpushDeliveryRecord = {
    id: world.nextIds.delivery++,
    customerId: customer.customerId,
    kind: request.kind,
    phone: request.phone,
    username: request.username,
    tdlibUserId: request.tdlibUserId,
    whatsappLid: request.whatsappLid,
    text: request.text,
    senderName: sender,
    utmMark: request.utmMark,
    callbackUrl: request.callbackUrl,
    externalId: request.externalId,
    routing: effective,
    priority: request.priority === 'high' || request.priority === 'medium' ? request.priority : 'low',
    scheduledAt: request.scheduledAt,
    simulateTyping: request.simulateTyping ?? true,
    replyToMessageId: request.replyToMessageId,
    trafficCategory: 0,
    totalSms: smsSegments(request.text),
    sum: '0.00',
    statusId: 6,
    channel: effective[0] ?? 'sms',
    nextAt: Number.isFinite(due) && due > now ? due : now + world.settings.deliveryStepMs,
    forcedStatus: world.settings.nextDeliveryStatus,
    history: [{ at: now, statusId: 6, channel: effective[0] ?? 'sms' }],
    createdAt: now,
    file: request.file,
    deleted: false,
    messageId: null,
  };
  world.settings.nextDeliveryStatus = null;
  world.deliveries.push(delivery);
  return delivery;
}

/** Applies every step that is due at `now`, in time order per delivery. */
export function settleDeliveries(world: ChatpushWorld, now: number): void {
  for (const delivery of world.deliveries) {
    while (delivery.nextAt !== null && delivery.nextAt <= now) stepDelivery(world, delivery, delivery.nextAt);
  }
}

/** The next step of one delivery, as if it happened at `at`. */
export function stepDelivery(world: ChatpushWorld, delivery: ChatpushDeliveryRecord, at: number): void {
  if (delivery.nextAt === null) return;
  const customer = instanceByCustomerId(world, delivery.customerId);
  const queued = delivery.statusId === 6 || delivery.statusId === 14;
  if (queued) {
    startOnChannel(world, delivery, customer, at);
    return;
  }
  const outcome = delivery.forcedStatus ?? channelOutcome(world, delivery, customer);
  delivery.forcedStatus = null;
  const next = delivery.routing[delivery.routing.indexOf(delivery.channel) + 1];
  if (HAND_OVER.has(outcome) && next) {
    delivery.channel = next;
    startOnChannel(world, delivery, customer, at);
    return;
  }
  setStatus(world, delivery, customer, outcome, at);
}

/** Forces a status now (controls); a final one ends the delivery and fires its callback. */
export function forceDeliveryStatus(world: ChatpushWorld, delivery: ChatpushDeliveryRecord, statusId: number, now: number): void {
  setStatus(world, delivery, instanceByCustomerId(world, delivery.customerId), statusId, now);
  if (!isFinalDeliveryStatus(statusId)) delivery.nextAt = now + world.settings.deliveryStepMs;
}

function startOnChannel(world: ChatpushWorld, delivery: ChatpushDeliveryRecord, customer: ChatpushInstanceRecord | undefined, at: number): void {
  setStatus(world, delivery, customer, delivery.channel === 'sms' ? 1 : 15, at);
  delivery.nextAt = at + world.settings.deliveryStepMs;
  if (customer && delivery.channel === 'whatsapp' && customer.whatsappSession === 1 && recipientDigits(delivery)) {
    delivery.messageId = whatsappMessageId(recipientDigits(delivery)!, delivery.id);
    emitEvent(world, customer, 'whatsapp_incoming_msg', whatsappOutgoing(delivery, customer, at), at);
    emitEvent(world, customer, 'message_status', messageStatus(delivery, 'sent', at), at);
  }
}

/** The final status this channel reaches now. */
function channelOutcome(world: ChatpushWorld, delivery: ChatpushDeliveryRecord, customer: ChatpushInstanceRecord | undefined): number {
  if (!customer) return 9;
  const needsPhone = delivery.channel === 'sms' || (delivery.channel === 'whatsapp' && !delivery.whatsappLid);
  if (needsPhone && !(delivery.phone && formatPhone(delivery.phone))) return 11;
  const lapsed = customer.subscriptionStatus !== 'active';
  switch (delivery.channel) {
    case 'whatsapp':
      if (customer.whatsappSession !== 1) return 45;
      return lapsed ? 32 : 2;
    case 'tdlib':
      if (customer.tdlibSession !== 3) return 50;
      return lapsed ? 32 : 2;
    case 'telegram':
      return world.telegramBots.some((bot) => bot.instanceId === customer.id) ? 2 : 33;
    case 'max':
      return world.maxSessions.some((session) => session.customerId === customer.customerId && session.state === 'authorized') ? 2 : 33;
    case 'sms': {
      const cost = fromCents(toCents(world.settings.smsPrice) * delivery.totalSms);
      if (!debit(customer.account, cost)) return 13;
      delivery.sum = cost;
      return 2;
    }
    default:
      return 2;
  }
}

function setStatus(
  world: ChatpushWorld,
  delivery: ChatpushDeliveryRecord,
  customer: ChatpushInstanceRecord | undefined,
  statusId: number,
  at: number,
): void {
  delivery.statusId = statusId;
  delivery.history.push({ at, statusId, channel: delivery.channel });
  if (!isFinalDeliveryStatus(statusId)) return;
  delivery.nextAt = null;
  if (customer && statusId === 2 && delivery.channel === 'whatsapp' && delivery.messageId) {
    emitEvent(world, customer, 'message_status', messageStatus(delivery, 'received', at), at);
  }
  if (customer && statusId === 2 && delivery.channel === 'tdlib') {
    emitEvent(world, customer, 'tdlib_incoming_msg', telegramOutgoing(delivery, customer, at), at);
  }
  if (delivery.callbackUrl) {
    // §6.7 example: `status` nested under `delivery`, with the channel that produced the final status.
    const body = {
      delivery: {
        id: delivery.id,
        sender_name: delivery.senderName,
        status: { description: deliveryStatus(statusId)?.description ?? 'Unknown', dispatch_routing: delivery.channel, status_id: statusId },
      },
    };
    enqueueOutbound(world, { kind: 'callback', url: delivery.callbackUrl, body, about: String(delivery.id) }, at);
  }
}

function recipientDigits(delivery: ChatpushDeliveryRecord): string | null {
  return delivery.phone ? delivery.phone.slice(1) : null;
}

/** §5.3 whatsapp_incoming_msg for a message the service sent (outgoing, with its delivery id). */
function whatsappOutgoing(delivery: ChatpushDeliveryRecord, customer: ChatpushInstanceRecord, at: number) {
  const to = recipientDigits(delivery)!;
  const from = customer.whatsappPhone ?? customer.phone;
  const message: Record<string, unknown> = {
    id: delivery.messageId,
    timestamp: Math.floor(at / 1000),
    type: delivery.file ? (delivery.file.type ?? 'document') : 'text',
    reply_to_message_id: delivery.replyToMessageId,
  };
  if (delivery.file) message.file_data = fileData(delivery, 172_800);
  else message.text = delivery.text;
  return {
    delivery_id: delivery.id,
    new_message: {
      message,
      direction: 'outgoing',
      sender_id: `${from}@c.us`,
      chat_id: `${to}@c.us`,
      sender_name: delivery.senderName,
      chat_lid: lidFor(to),
      pushname: delivery.senderName,
      chat_phone: to,
      sender_phone_number: from,
      recipient_id: `${to}@c.us`,
      recipient_phone_number: to,
    },
  };
}

/** §5.3 message_status (the individual variant's `timestamp` in ms and `chat_phone` are sent in both). */
function messageStatus(delivery: ChatpushDeliveryRecord, status: 'sent' | 'received', at: number) {
  const to = recipientDigits(delivery)!;
  return {
    delivery_id: delivery.id,
    message_status: { id: delivery.messageId, status, timestamp: at, chat_id: `${to}@c.us`, chat_lid: lidFor(to), chat_phone: to },
  };
}

/** §5.3 tdlib_incoming_msg for a message the service sent. */
function telegramOutgoing(delivery: ChatpushDeliveryRecord, customer: ChatpushInstanceRecord, at: number) {
  const chatId = Number(delivery.tdlibUserId ?? recipientDigits(delivery)?.slice(-9) ?? delivery.id);
  const message: Record<string, unknown> = {
    id: delivery.id * 1024,
    timestamp: Math.floor(at / 1000),
    type: delivery.file ? 'messagePhoto' : 'formattedText',
    reply_to_message_id: delivery.replyToMessageId,
  };
  if (delivery.file) message.file_data = fileData(delivery, 604_800);
  else message.text = delivery.text;
  return {
    chat_id: chatId,
    chat_type: 'person',
    delivery_id: delivery.id,
    direction: 'outgoing',
    message,
    sender_id: customer.customerId,
    sender_name: delivery.senderName,
    sender_phone_number: customer.phone,
    recipient_id: chatId,
    recipient_phone_number: recipientDigits(delivery),
    recipient_username: delivery.username?.replace(/^@/, '') ?? null,
  };
}

/** §5.3: files travel as presigned links valid 48 h (WhatsApp) or 7 days (Telegram). */
function fileData(delivery: ChatpushDeliveryRecord, expiresSeconds: number) {
  const file = delivery.file!;
  return {
    caption: file.caption,
    download_url: `https://files.sandbox.invalid/delivery_files/${delivery.id}/${encodeURIComponent(file.name)}?X-Amz-Expires=${expiresSeconds}`,
    mime_type: file.mimeType,
  };
}
