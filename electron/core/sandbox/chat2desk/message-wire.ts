import { chat2DeskTime, type Chat2DeskMessageRecord } from './world';

/**
 * A8: one message, keys as in the example (alphabetical, Python-repr in the seed). `read` and `is_new` are 0/1;
 * `recipient_status` is the gateway_status word of an outgoing message ([GAP] the format; chosen), null otherwise.
 * GET by id has no `is_new`.
 */
export function messageWire(message: Chat2DeskMessageRecord, options: { withIsNew: boolean }) {
  const wire: Record<string, unknown> = {
    ai_tips: null,
    attachments: [],
    audio: null,
    channel_id: message.channelId,
    client_id: message.clientId,
    coordinates: null,
    created: chat2DeskTime(message.createdMs),
    dialog_id: message.dialogId,
    extra_data: message.extraData,
    id: message.id,
  };
  if (options.withIsNew) wire.is_new = message.type === 'from_client' && !message.read ? 1 : 0;
  return {
    ...wire,
    operator_id: message.operatorId,
    pdf: null,
    photo: null,
    read: message.read ? 1 : 0,
    recipient_status: message.recipientStatus,
    remote_id: null,
    request_id: message.requestId,
    text: message.text,
    transport: message.transport,
    type: message.type,
    video: null,
  };
}
