import { chat2DeskEventTime, chat2DeskTime, type Chat2DeskClientRecord, type Chat2DeskMessageRecord, type Chat2DeskWorld } from './world';

/** Webhook bodies in the documented key order of A6's examples. */

/** The message payload of inbox, outbox, comment and imported_message. */
export function messagePayload(
  world: Chat2DeskWorld,
  message: Chat2DeskMessageRecord,
  hookType: 'inbox' | 'outbox' | 'comment' | 'imported_message',
  flags: { isNewRequest?: boolean; isNewClient?: boolean } = {},
): Record<string, unknown> {
  const client = world.clients.find((candidate) => candidate.id === message.clientId);
  const payload: Record<string, unknown> = {
    message_id: message.id,
    type: message.type,
    text: message.text,
    transport: message.transport,
    client_id: message.clientId,
    operator_id: message.operatorId,
    dialog_id: message.dialogId,
    channel_id: message.channelId,
    photo: null,
    coordinates: null,
    audio: null,
    pdf: null,
    client: client ? clientSummary(client) : null,
    hook_type: hookType,
    request_id: message.requestId,
    attachments: hookType === 'comment' ? null : [],
    is_new_request: flags.isNewRequest ?? false,
    is_new_client: flags.isNewClient ?? false,
    insta_comment: false,
    extra_data: message.extraData,
  };
  // A6: the comment example has no is_new.
  if (hookType !== 'comment') payload.is_new = message.type === 'from_client';
  payload.event_time = chat2DeskEventTime(message.createdMs);
  return payload;
}

function clientSummary(client: Chat2DeskClientRecord) {
  return { id: client.id, phone: client.phone, client_phone: null, name: client.name, assigned_name: client.assignedName, external_id: null };
}

export function newClientPayload(client: Chat2DeskClientRecord, atMs: number): Record<string, unknown> {
  return {
    id: client.id,
    phone: client.phone,
    name: client.name,
    avatar: '',
    assigned_name: client.assignedName,
    comment: null,
    region_id: null,
    country_id: null,
    extra_comment_1: null,
    extra_comment_2: null,
    extra_comment_3: null,
    client_created: chat2DeskTime(atMs),
    client_updated: chat2DeskTime(atMs),
    channels: [{ id: client.channelId, transports: [client.transport] }],
    tags: [],
    client_source: 'incoming_message',
    hook_type: 'new_client',
    event_time: chat2DeskEventTime(atMs),
  };
}

export function newRequestPayload(client: Chat2DeskClientRecord, message: Chat2DeskMessageRecord, atMs: number): Record<string, unknown> {
  const seconds = Math.floor(atMs / 1000);
  return {
    request_id: client.requestId,
    client_id: client.id,
    dialog_id: client.dialogId,
    created: seconds,
    updated: seconds,
    start_message_id: message.id,
    end_message_id: null,
    type: 'common',
    channel_id: client.channelId,
    transport: client.transport,
    is_new_client: false,
    starter: 'other',
    client: { ...clientSummary(client), channels: { id: client.channelId, transports: [client.transport] }, custom_fields: {} },
    by_client: true,
    hook_type: 'new_request',
    event_time: chat2DeskEventTime(atMs),
  };
}

/** A6 device_updated: the payload's hook_type is `device_update` ([CONTRA]). */
export function devicePayload(channelId: number, transport: string, status: string, atMs: number): Record<string, unknown> {
  return { transport, channel_id: channelId, hook_type: 'device_update', status, event_time: chat2DeskEventTime(atMs) };
}

export function qrCodePayload(qrData: string, phone: number, atMs: number): Record<string, unknown> {
  return {
    qrcode_data: qrData,
    // A 1×1 PNG: the sandbox has no real QR image to show.
    qrcode_image: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    phone,
    device_owner: 'client',
    hook_type: 'new_qr_code',
    event_time: chat2DeskEventTime(atMs),
  };
}

/** A6 operator_status_changed: hook_type `operator_status_updated`, the id as a string ([CONTRA]). */
export function operatorStatusPayload(operator: { id: number; email: string; online: boolean; statusId: number }, atMs: number) {
  return {
    id: String(operator.id),
    email: operator.email,
    online: operator.online ? 1 : 0,
    offline_type: operator.online ? null : 'busy',
    status_id: operator.statusId,
    hook_type: 'operator_status_updated',
    event_time: chat2DeskEventTime(atMs),
  };
}
