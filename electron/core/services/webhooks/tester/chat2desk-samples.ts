import { CHAT2DESK_EVENTS } from '../../../providers/chat2desk/events';

/**
 * Sample deliveries of every A6 event, in the documented key order. The `inbox` body is the spec's signature test
 * vector with the time moved to now; the others follow the digest's field lists. `hook_type` is what the payload
 * carries, which for three events is not the subscription name.
 */
type Context = { eventTime: string; unix: number };

const CLIENT = { id: 12568, phone: '[chat] 1d0bb2e221762cfcc05c', client_phone: null, name: '[chat] 1d0bb2e221762cfcc05c', assigned_name: null, external_id: null };
const TICKET = { id: 'TICK-2', reporter_id: 100, assignee_id: 101, summary: 'Refund for order 5357', description: 'Customer asks for a refund', status: 1, priority: 2, deadline: '2025-05-01T12:00:00Z', request_ids: ['5357'], created_at: '2025-04-03T11:50:06Z', updated_at: '2025-04-03T11:50:06Z' };

function message(type: string, hookType: string, text: string, at: Context, extra: Record<string, unknown> = {}) {
  return {
    message_id: 28780,
    type,
    text,
    transport: 'widget',
    client_id: 12568,
    operator_id: type === 'from_client' ? null : 100,
    dialog_id: 942,
    channel_id: 1,
    photo: null,
    coordinates: null,
    audio: null,
    pdf: null,
    client: CLIENT,
    hook_type: hookType,
    request_id: 5357,
    attachments: hookType === 'comment' ? null : [],
    is_new_request: false,
    is_new_client: false,
    insta_comment: false,
    extra_data: {},
    ...extra,
    event_time: at.eventTime,
  };
}

const client = (hookType: string, at: Context, extra: Record<string, unknown> = {}) => ({
  id: 12568,
  phone: '79001234567',
  name: 'Anna',
  avatar: '',
  assigned_name: 'Anna K.',
  comment: null,
  region_id: null,
  country_id: null,
  extra_comment_1: null,
  extra_comment_2: null,
  extra_comment_3: null,
  client_created: '2025-04-03 11:50:06 UTC',
  client_updated: '2025-04-03 11:50:06 UTC',
  ...extra,
  hook_type: hookType,
  event_time: at.eventTime,
});

const tag = (hookType: string, at: Context, extra: Record<string, unknown>) => ({
  id: 77,
  name: 'VIP',
  description: 'Important customers',
  group_id: 3,
  group_name: 'Segments',
  ...extra,
  hook_type: hookType,
  event_time: at.eventTime,
});

const dialog = (hookType: string, at: Context, extra: Record<string, unknown> = {}) => ({
  dialog_id: 942,
  request_id: 5357,
  created: at.unix - 600,
  updated: at.unix,
  channel_id: 1,
  client_id: 12568,
  operator_id: 100,
  ...extra,
  transport: 'widget',
  hook_type: hookType,
  event_time: at.eventTime,
});

const BUILDERS: Record<string, (hookType: string, at: Context) => Record<string, unknown>> = {
  inbox: (h, at) => ({ ...message('from_client', h, 'test7', at, { is_new: true }) }),
  outbox: (h, at) => message('to_client', h, 'Your order has shipped.', at, { is_new: false }),
  imported_message: (h, at) => message('from_client', h, 'Imported from the old CRM', at, { extra_data: { external_id: '3234', imported: true }, is_new: false }),
  comment: (h, at) => message('comment', h, 'Customer prefers a call back after 18:00', at),
  outbox_status: (h, at) => ({
    data: { id: 983574888, gateway_status: 'delivered', created: '2021-06-10T17:38:04 MSK', dialog_id: 942, client_id: 12568, error: null },
    hook_type: h,
    event_time: at.eventTime,
  }),
  operator_status_changed: (h, at) => ({ id: '100', email: 'operator@example.com', online: 1, offline_type: null, status_id: 0, hook_type: h, event_time: at.eventTime }),
  operator_authentication_updated: (h, at) => ({ id: 100, email: 'operator@example.com', event: 'login', platform: 'web', ip_address: '203.0.113.7', hook_type: h, event_time: at.eventTime }),
  new_client: (h, at) => client(h, at, { channels: [{ id: 1, transports: ['widget'] }], tags: [], client_source: 'incoming_message' }),
  new_tag: (h, at) => ({ id: 77, label: 'VIP', description: 'Important customers', group_id: 3, group_name: 'Segments', hook_type: h, event_time: at.eventTime }),
  new_request: (h, at) => ({
    request_id: 5357,
    client_id: 12568,
    dialog_id: 942,
    created: at.unix,
    updated: at.unix,
    start_message_id: 28780,
    end_message_id: null,
    type: 'common',
    channel_id: 1,
    transport: 'widget',
    is_new_client: false,
    starter: 'other',
    client: { ...CLIENT, channels: { id: 1, transports: ['widget'] }, custom_fields: {} },
    by_client: true,
    hook_type: h,
    event_time: at.eventTime,
  }),
  add_tag_to_client: (h, at) => tag(h, at, { client_id: 12568, channel_id: 1, transport: 'widget', all_client_channels: [1] }),
  add_tag_to_request: (h, at) => tag(h, at, { client_id: 12568, request_id: 5357, channel_id: 1, transport: 'widget' }),
  delete_tag_from_client: (h, at) => tag(h, at, { client_id: 12568 }),
  delete_tag_from_request: (h, at) => tag(h, at, { request_id: 5357 }),
  client_updated: (h, at) => client(h, at, { channels: { id: null, transports: [null] }, custom_fields: { '1': 'Gold' } }),
  client_added_to_blacklist: (h, at) => client(h, at, { tags: [], is_blocked: true }),
  close_dialog: (h, at) => dialog(h, at, { current_operator_id: 100 }),
  close_request: (h, at) => dialog(h, at, { end_message_id: 28790 }),
  dialog_transferred: (h, at) => dialog(h, at, { current_operator_id: 101, last_operator_id: 100, scenario_id: null }),
  device_updated: (h, at) => ({ transport: 'telegram', channel_id: 17313, hook_type: h, status: 'Created', event_time: at.eventTime }),
  new_qr_code: (h, at) => ({ qrcode_data: '2@X8b3Jc9qZ1…', qrcode_image: 'data:image/png;base64,iVBORw0KGgo=', phone: 79001234567, device_owner: 'client', hook_type: h, event_time: at.eventTime }),
  new_ticket: (h, at) => ({ hook_type: h, timestamp: at.eventTime, ticket: TICKET }),
  ticket_updated: (h, at) => ({ hook_type: h, timestamp: at.eventTime, ticket: { ...TICKET, status: 2, updater_id: 'Public API' }, updates: { update_status: '1 → 2' } }),
  ticket_deleted: (h, at) => ({ hook_type: h, timestamp: at.eventTime, id: '1', ticket: TICKET, 'deleted by': 'Public API' }),
  ai_hints_requested: (h, at) => ({ client_id: 12568, operator_id: 100, dialog_id: 942, request_id: 5357, channel_id: 1, message_id: 28780, hook_type: h, event_time: at.eventTime }),
};

export const CHAT2DESK_SAMPLE_TYPES = CHAT2DESK_EVENTS.map((event) => event.name);

/** A6 `event_time`: microseconds and `Z` (`2025-04-03T11:50:06.984494Z`). */
export function chat2DeskEventTime(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export function chat2DeskSample(name: string, now: Date): Record<string, unknown> | undefined {
  const event = CHAT2DESK_EVENTS.find((candidate) => candidate.name === name);
  const build = event && BUILDERS[event.name];
  return build ? build(event.hookType, { eventTime: chat2DeskEventTime(now), unix: Math.floor(now.getTime() / 1000) }) : undefined;
}
