import { emitEvent, lidFor } from './webhook-events';
import type { ChatpushInstanceRecord, ChatpushWorld } from './world';

/**
 * Messenger session changes as the platform makes them, with their webhooks (§5.3). The WhatsApp QR socket
 * (another module) and the controls both go through here, so a scan always raises whatsapp_log_in.
 */
export function authorizeWhatsapp(world: ChatpushWorld, instance: ChatpushInstanceRecord, phone: string, now: number): void {
  if (instance.whatsappSession === 1 && instance.whatsappPhone === phone) return;
  instance.whatsappSession = 1;
  instance.whatsappPhone = phone.replace(/^\+/, '');
  emitEvent(world, instance, 'whatsapp_log_in', {}, now);
}

/** §2 delete_container_session and a logout from the phone: whatsapp_log_out, then the session is gone. */
export function logoutWhatsapp(world: ChatpushWorld, instance: ChatpushInstanceRecord, now: number): void {
  if (instance.whatsappSession === 1) emitEvent(world, instance, 'whatsapp_log_out', {}, now);
  instance.whatsappSession = 0;
  instance.whatsappPhone = null;
}

/** A message someone sent to the instance (§5.3 incoming shapes); it also lands in the iFrame conversations. */
export function receiveMessage(
  world: ChatpushWorld,
  instance: ChatpushInstanceRecord,
  message: { messenger: 'whatsapp' | 'tdlib'; from: string; text: string; name?: string },
  now: number,
): void {
  const from = message.from.replace(/^\+/, '');
  const timestamp = Math.floor(now / 1000);
  recordConversationMessage(world, instance, message.messenger, from, now);
  if (message.messenger === 'whatsapp') {
    if (instance.whatsappSession !== 1) return;
    emitEvent(world, instance, 'whatsapp_incoming_msg', {
      delivery_id: null,
      new_message: {
        message: { id: `false_${from}@c.us_${now.toString(16).toUpperCase()}`, timestamp, type: 'text', text: message.text, reply_to_message_id: null },
        direction: 'incoming',
        sender_id: `${from}@c.us`,
        chat_id: `${from}@c.us`,
        // §5.3: the incoming sender_name wraps the phone in U+202A / U+202C.
        sender_name: `\u202a+${from}\u202c`,
        chat_lid: lidFor(from),
        pushname: message.name ?? 'Contact',
        chat_phone: from,
        sender_phone_number: from,
      },
    }, now);
    return;
  }
  if (instance.tdlibSession !== 3) return;
  const chatId = Number(from.slice(-9));
  emitEvent(world, instance, 'tdlib_incoming_msg', {
    chat_id: chatId,
    chat_type: 'person',
    delivery_id: null,
    direction: 'incoming',
    message: { id: timestamp * 1024, reply_to_message_id: null, text: message.text, timestamp, type: 'formattedText' },
    sender_id: chatId,
    sender_name: message.name ?? 'Contact',
    sender_phone_number: from,
  }, now);
}

/** An incoming call (§5.3 whatsapp_call, tdlib_call): WhatsApp reports it ringing, Telegram once it ended. */
export function receiveCall(
  world: ChatpushWorld,
  instance: ChatpushInstanceRecord,
  call: { messenger: 'whatsapp' | 'tdlib'; from: string; video?: boolean; name?: string },
  now: number,
): void {
  const from = call.from.replace(/^\+/, '');
  if (call.messenger === 'whatsapp') {
    if (instance.whatsappSession !== 1) return;
    emitEvent(world, instance, 'whatsapp_call', {
      incoming_call: {
        call: { id: now.toString(16).toUpperCase().padStart(26, '0'), timestamp: Math.floor(now / 1000), type: call.video ? 'video' : 'audio', is_group: false },
        direction: 'incoming',
        sender_id: `${from}@c.us`,
        chat_id: `${from}@c.us`,
        chat_lid: lidFor(from),
        chat_phone: from,
        sender_phone_number: from,
      },
    }, now);
    return;
  }
  if (instance.tdlibSession !== 3) return;
  const chatId = Number(from.slice(-9));
  emitEvent(world, instance, 'tdlib_call', {
    call: { id: Math.floor(now / 1000) % 100_000, is_video: !!call.video, reason: 'callDiscardReasonMissed', state: 'callStateDiscarded' },
    chat_id: chatId,
    chat_type: 'person',
    direction: 'incoming',
    sender_id: chatId,
    sender_name: call.name ?? 'Contact',
    sender_phone_number: from,
  }, now);
}

function recordConversationMessage(world: ChatpushWorld, instance: ChatpushInstanceRecord, messenger: 'whatsapp' | 'tdlib', phone: string, now: number): void {
  let conversation = world.conversations.find(
    (candidate) => candidate.customerId === instance.customerId && candidate.clientPhone === phone && candidate.conversationType === messenger,
  );
  if (!conversation) {
    conversation = {
      id: world.nextIds.conversation++,
      customerId: instance.customerId,
      clientPhone: phone,
      conversationType: messenger,
      tdlibUserId: messenger === 'tdlib' ? phone.slice(-9) : null,
      tdlibUsername: null,
      notes: [],
      messages: 0,
      createdAt: now,
      updatedAt: now,
    };
    world.conversations.push(conversation);
  }
  conversation.messages++;
  conversation.updatedAt = now;
}
