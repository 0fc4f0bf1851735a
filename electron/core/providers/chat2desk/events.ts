import { z } from 'zod';
import { IntLikeSchema } from '../http';

/**
 * The webhook events of spec A6: the name a subscription uses, the `hook_type` the payload carries (three differ,
 * [CONTRA]), whether the `channels` filter of a webhook applies, and what the payload delivers.
 *
 * Channel scope: A6 says the filter covers "events related to the channel (events for messages, dialogs, etc.)"
 * and that "events for operators, client changes, etc." always arrive. Per event the document is silent; the
 * reading here: messages, requests, dialogs, request tags, devices and AI hints are channel events; operators,
 * clients (client tags included), company tags, tickets and the broken-WhatsApp QR (its payload names no
 * channel, and it must reach the operator) are not.
 */

const Nullable = <T extends z.ZodType>(schema: T) => schema.nullish();
const Id = IntLikeSchema;

/** The message payload ("M" in the digest) of inbox, outbox, imported_message and comment. */
const MessagePayload = z.looseObject({
  message_id: Id,
  type: z.string(),
  text: Nullable(z.string()),
  transport: z.string(),
  client_id: Id,
  operator_id: Nullable(Id),
  dialog_id: Nullable(Id),
  channel_id: Nullable(Id),
  client: Nullable(
    z.looseObject({
      id: Id,
      phone: Nullable(z.string()),
      client_phone: Nullable(z.string()),
      name: Nullable(z.string()),
      assigned_name: Nullable(z.string()),
      external_id: Nullable(z.union([z.string(), z.number()])),
    }),
  ),
  request_id: Nullable(Id),
  attachments: Nullable(z.array(z.unknown())),
  is_new_request: Nullable(z.boolean()),
  is_new_client: Nullable(z.boolean()),
  extra_data: Nullable(z.record(z.string(), z.unknown())),
  event_time: z.string(),
});

/** A6 / A8 `gateway_status` strings. */
export const GatewayStatusSchema = z.enum(['pending', 'sent', 'failed', 'scheduled', 'canceled', 'delivered', 'seen']);
export type Chat2DeskGatewayStatus = z.infer<typeof GatewayStatusSchema>;

const OutboxStatusPayload = z.looseObject({
  data: z.looseObject({
    id: Id,
    // Tolerant: a status outside the documented seven is shown as it came, not rejected.
    gateway_status: z.string(),
    created: Nullable(z.string()),
    dialog_id: Nullable(Id),
    client_id: Nullable(Id),
    error: z.unknown().optional(),
  }),
  event_time: z.string(),
});

const OperatorStatusPayload = z.looseObject({
  id: z.union([z.string(), z.number()]),
  email: Nullable(z.string()),
  online: Nullable(Id),
  offline_type: Nullable(z.string()),
  status_id: Nullable(Id),
  event_time: z.string(),
});

const OperatorAuthPayload = z.looseObject({
  id: Id,
  email: Nullable(z.string()),
  event: z.string(),
  platform: Nullable(z.string()),
  ip_address: Nullable(z.string()),
  event_time: z.string(),
});

const ClientPayload = z.looseObject({
  id: Id,
  phone: Nullable(z.string()),
  name: Nullable(z.string()),
  assigned_name: Nullable(z.string()),
  comment: Nullable(z.string()),
  // new_client: `[{id, transports}]`; new_request/client_updated: one `{id, transports}` object (A6).
  channels: Nullable(z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())])),
  event_time: z.string(),
});

const BlacklistPayload = ClientPayload.extend({ is_blocked: z.boolean() });

const TagPayload = z.looseObject({
  id: Id,
  name: Nullable(z.string()),
  label: Nullable(z.string()),
  description: Nullable(z.string()),
  group_id: Nullable(Id),
  group_name: Nullable(z.string()),
  client_id: Nullable(Id),
  request_id: Nullable(Id),
  channel_id: Nullable(Id),
  event_time: z.string(),
});

const RequestPayload = z.looseObject({
  request_id: Id,
  client_id: Id,
  dialog_id: Nullable(Id),
  created: Nullable(Id),
  updated: Nullable(Id),
  channel_id: Nullable(Id),
  transport: Nullable(z.string()),
  event_time: z.string(),
});

const DialogPayload = z.looseObject({
  dialog_id: Id,
  request_id: Nullable(Id),
  channel_id: Nullable(Id),
  client_id: Nullable(Id),
  operator_id: Nullable(Id),
  transport: Nullable(z.string()),
  event_time: z.string(),
});

const DevicePayload = z.looseObject({ transport: z.string(), channel_id: Id, status: z.string(), event_time: z.string() });

const QrPayload = z.looseObject({
  qrcode_data: z.string(),
  qrcode_image: z.string(),
  phone: Nullable(z.union([z.number(), z.string()])),
  device_owner: Nullable(z.string()),
  event_time: z.string(),
});

const Ticket = z.looseObject({ id: z.string(), summary: Nullable(z.string()), status: Nullable(Id), priority: Nullable(Id) });
/** Ticket events carry `timestamp`, not `event_time` (A6, C11). */
const TicketPayload = z.looseObject({ timestamp: z.string(), ticket: Ticket, updates: Nullable(z.record(z.string(), z.unknown())) });

const AiHintsPayload = z.looseObject({ client_id: Id, message_id: Id, hint_id: Nullable(Id), channel_id: Nullable(Id) });

/**
 * One row of the catalogue: the subscription name (also the payload's `hook_type`, except in three rows that set
 * their own), whether a webhook's channel filter applies, the payload schema and what it delivers.
 */
function event<const N extends string, P extends z.ZodType>(name: N, scope: 'channel' | 'company', payload: P, delivers: string) {
  return { name, hookType: name, channelScoped: scope === 'channel', delivers, payload };
}

export const CHAT2DESK_EVENTS = [
  event('inbox', 'channel', MessagePayload, 'an incoming message from a client'),
  event('outbox', 'channel', MessagePayload, 'an outgoing message to a client was sent'),
  event('imported_message', 'channel', MessagePayload, 'a message imported (extra_data.imported) or taken straight from WhatsApp, VK Direct or Telegram User; it fires no inbox/outbox'),
  event('outbox_status', 'channel', OutboxStatusPayload, 'the delivery status of an outgoing message (data.gateway_status, data.error)'),
  event('comment', 'channel', MessagePayload, 'an internal comment in a dialog'),
  {
    ...event('operator_status_changed', 'company', OperatorStatusPayload, 'an operator went online, offline or busy (online, offline_type, status_id)'),
    hookType: 'operator_status_updated',
  },
  event('operator_authentication_updated', 'company', OperatorAuthPayload, 'an operator logged in or out (event, platform, ip_address)'),
  event('new_client', 'company', ClientPayload, 'a new client (first message, or clients POST)'),
  event('new_tag', 'company', TagPayload, 'a tag added to the company settings'),
  event('new_request', 'channel', RequestPayload, 'a new request (conversation) was opened'),
  event('add_tag_to_client', 'company', TagPayload, 'a tag assigned to a client'),
  event('add_tag_to_request', 'channel', TagPayload, 'a tag assigned to a request'),
  event('delete_tag_from_client', 'company', TagPayload, 'a tag removed from a client'),
  event('delete_tag_from_request', 'channel', TagPayload, 'a tag removed from a request'),
  event('client_updated', 'company', ClientPayload, 'a client card changed'),
  event('client_added_to_blacklist', 'company', BlacklistPayload, 'a client added to or removed from the blacklist (is_blocked)'),
  event('close_dialog', 'channel', DialogPayload, 'a dialog was closed'),
  event('close_request', 'channel', DialogPayload, 'a request was closed'),
  event('dialog_transferred', 'channel', DialogPayload, 'a dialog was (re)assigned to an operator'),
  { ...event('device_updated', 'channel', DevicePayload, 'a channel\'s device changed status (only "Created" is documented)'), hookType: 'device_update' },
  event('new_qr_code', 'company', QrPayload, 'a personal WhatsApp connection broke: a new QR (data and PNG) waits in Settings > Accounts'),
  { ...event('new_ticket', 'company', TicketPayload, 'a ticket was created'), hookType: 'ticket_created' },
  event('ticket_updated', 'company', TicketPayload, 'a ticket changed (updates: "old → new")'),
  event('ticket_deleted', 'company', TicketPayload, 'a ticket was deleted'),
  event('ai_hints_requested', 'channel', AiHintsPayload, 'AI hints were requested for a message, or an operator chose one (hint_id)'),
] as const;

export type Chat2DeskEventName = (typeof CHAT2DESK_EVENTS)[number]['name'];
export const EVENT_NAMES = CHAT2DESK_EVENTS.map((event) => event.name) as [Chat2DeskEventName, ...Chat2DeskEventName[]];
export const EventNameSchema = z.enum(EVENT_NAMES);

/** The catalogue as the console shows it (what to subscribe to), without the schemas. */
export function chat2DeskEventCatalogue() {
  return CHAT2DESK_EVENTS.map(({ name, hookType, channelScoped, delivers }) => ({ name, hookType, channelScoped, delivers }));
}
export type Chat2DeskEventInfo = ReturnType<typeof chat2DeskEventCatalogue>[number];

export type Chat2DeskEvent = {
  [E in (typeof CHAT2DESK_EVENTS)[number] as E['name']]: { name: E['name']; hookType: E['hookType']; payload: z.output<E['payload']> };
}[Chat2DeskEventName];

const BY_HOOK_TYPE = new Map<string, (typeof CHAT2DESK_EVENTS)[number]>(CHAT2DESK_EVENTS.map((event) => [event.hookType, event]));

/**
 * A webhook body as one of the documented events. The payload's `hook_type` decides; the subscription names are
 * accepted too, since three of them differ from what the payload carries ([CONTRA] A6).
 */
export function parseChat2DeskEvent(value: unknown): { ok: true; event: Chat2DeskEvent } | { ok: false; reason: string } {
  const hookType = value && typeof value === 'object' ? (value as { hook_type?: unknown }).hook_type : undefined;
  if (typeof hookType !== 'string') return { ok: false, reason: 'the body has no hook_type' };
  const entry = BY_HOOK_TYPE.get(hookType) ?? CHAT2DESK_EVENTS.find((event) => event.name === hookType);
  if (!entry) return { ok: false, reason: `hook_type "${hookType}" is not a documented event` };
  const parsed = entry.payload.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${entry.name}: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, event: { name: entry.name, hookType: entry.hookType, payload: parsed.data } as Chat2DeskEvent };
}
