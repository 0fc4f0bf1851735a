import { enqueueOutbound } from './outbound';
import type { ChatpushInstanceRecord, ChatpushWorld } from './world';

/** §5.3 / §9.9: the `type` of a delivered event. */
export type ChatpushEventType =
  | 'whatsapp_log_in'
  | 'whatsapp_log_out'
  | 'whatsapp_incoming_msg'
  | 'tdlib_incoming_msg'
  | 'message_status'
  | 'whatsapp_call'
  | 'tdlib_call';

/**
 * §5.2: which subscription type receives an event. ⚠ `message_status` comes for `whatsapp_status_msg`;
 * `whatsapp_call` is "sent as part of the whatsapp_incoming_msg event"; `tdlib_call` has no type named for it,
 * so it follows `tdlib_incoming_msg` like its WhatsApp twin.
 */
const SUBSCRIPTION_FOR: Record<ChatpushEventType, string> = {
  whatsapp_log_in: 'whatsapp_log_in',
  whatsapp_log_out: 'whatsapp_log_out',
  whatsapp_incoming_msg: 'whatsapp_incoming_msg',
  whatsapp_call: 'whatsapp_incoming_msg',
  tdlib_incoming_msg: 'tdlib_incoming_msg',
  tdlib_call: 'tdlib_incoming_msg',
  message_status: 'whatsapp_status_msg',
};

/** §5.3 whatsapp_log_in / log_out: 0 connected, 1 disconnected. */
function sessionFields(instance: ChatpushInstanceRecord, type: 'whatsapp_log_in' | 'whatsapp_log_out') {
  const connected = type === 'whatsapp_log_in';
  return {
    email: instance.email,
    phone: instance.whatsappPhone ? `+${instance.whatsappPhone}` : null,
    status: connected ? { description: 'connected', status_id: 0 } : { description: 'disconnected', status_id: 1 },
  };
}

/**
 * The payload of one event for one subscription variant (§5.3 rule): developer webhooks name the instance as
 * `payload.instance{id, customer_id}`, individual ones carry a top-level `payload.customer_id`. Two documented
 * exceptions: the developer whatsapp_log_in puts all its fields inside `instance`, and whatsapp_log_out has no
 * `instance` in either variant.
 */
export function eventPayload(
  variant: 'developer' | 'individual',
  instance: ChatpushInstanceRecord,
  type: ChatpushEventType,
  fields: Record<string, unknown> = {},
): Record<string, unknown> {
  if (type === 'whatsapp_log_out') return { customer_id: instance.customerId, ...sessionFields(instance, type) };
  if (type === 'whatsapp_log_in') {
    const body = { customer_id: instance.customerId, ...sessionFields(instance, type) };
    return variant === 'developer' ? { instance: { id: instance.id, ...body } } : body;
  }
  const identity =
    variant === 'developer' ? { instance: { customer_id: instance.customerId, id: instance.id } } : { customer_id: instance.customerId };
  return { ...identity, ...fields };
}

/** Queues the event for every webhook that subscribed to it: the developer's (any instance) and the customer's own. */
export function emitEvent(
  world: ChatpushWorld,
  instance: ChatpushInstanceRecord,
  type: ChatpushEventType,
  fields: Record<string, unknown>,
  now: number,
): void {
  const wanted = SUBSCRIPTION_FOR[type];
  for (const webhook of world.webhooks) {
    if (!webhook.types.includes(wanted)) continue;
    if (webhook.owner !== 'developer' && webhook.owner !== instance.customerId) continue;
    const variant = webhook.owner === 'developer' ? 'developer' : 'individual';
    enqueueOutbound(world, { kind: 'webhook', url: webhook.url, body: { type, payload: eventPayload(variant, instance, type, fields) }, about: type }, now);
  }
}

/** `true_<phone>@c.us_<hex>THISISBOT`: §5.3's id of a message sent through the service. */
export function whatsappMessageId(phoneDigits: string, deliveryId: number): string {
  return `true_${phoneDigits}@c.us_${deliveryId.toString(16).toUpperCase()}THISISBOT`;
}

/** A stable `…@lid` for a number (§5.3 chat_lid), so repeated events about one chat agree. */
export function lidFor(digits: string): string {
  return `${[...digits].reverse().join('')}${digits.length}@lid`;
}
