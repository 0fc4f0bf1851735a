import type { Chat2DeskGatewayStatus } from '../../providers/chat2desk/events';
import type { SandboxResponse } from '../http-server';
import { messagePayload } from './event-payloads';
import { messageWire } from './message-wire';
import { pageParams, positiveInt, type Route, type RouteContext } from './router';
import { acknowledged, failure, fieldError, listError, missing, notFound, success } from './wire';
import type { Chat2DeskMessageRecord } from './world';

const STATUS_BY_CODE: Record<string, Chat2DeskGatewayStatus> = { 1: 'pending', 2: 'sent', 3: 'failed', 5: 'canceled', 6: 'delivered', 7: 'seen' };
/** How an outgoing message moves on by itself (non-external channels), in sandbox milliseconds after the send. */
const DELIVERY_PLAN: { status: Chat2DeskGatewayStatus; afterMs: number }[] = [
  { status: 'sent', afterMs: 1_000 },
  { status: 'delivered', afterMs: 4_000 },
  { status: 'seen', afterMs: 60_000 },
];

/** `YYYY-MM-DD` or `DD-MM-YYYY` (clients/questions uses the latter); [GAP] A8 gives no format. */
function dayStart(text: string): number | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const european = /^(\d{2})-(\d{2})-(\d{4})$/.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : european ? [european[3], european[2], european[1]] : undefined;
  if (!parts) return undefined;
  const ms = Date.UTC(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2]));
  return Number.isNaN(ms) ? undefined : ms;
}

function listMessages({ req, world }: RouteContext): SandboxResponse {
  const query = req.url.searchParams;
  const page = pageParams(req);
  if ('status' in page) return page;
  const order = query.get('order') ?? 'asc';
  if (order !== 'asc' && order !== 'desc') return fieldError('order', "Only 'asc' or 'desc' are allowed.", 'invalid_filter_and_sorting_params');
  const startIdText = query.get('start_id');
  const startDate = query.get('start_date');
  const finishDate = query.get('finish_date');
  // C8 [UNDOC]: start_id with start_date/finish_date is refused like the other filter conflicts.
  if (startIdText !== null && (startDate !== null || finishDate !== null)) {
    return fieldError('start_id', "Parameter 'start_id' cannot be combined with 'start_date' and 'finish_date'.", 'invalid_filter_and_sorting_params');
  }
  const startId = startIdText === null ? undefined : positiveInt(startIdText);
  if (startIdText !== null && startId === undefined) return fieldError('start_id', 'Parameter must be a numeric value.', 'invalid_filter_and_sorting_params');
  const from = startDate === null ? undefined : dayStart(startDate);
  const until = finishDate === null ? undefined : dayStart(finishDate);
  if ((startDate !== null && from === undefined) || (finishDate !== null && until === undefined)) {
    return fieldError(startDate !== null && from === undefined ? 'start_date' : 'finish_date', 'Parameter must be a date.', 'unsupported_value');
  }
  const numeric: [string, keyof Chat2DeskMessageRecord][] = [
    ['channel_id', 'channelId'],
    ['client_id', 'clientId'],
    ['operator_id', 'operatorId'],
    ['dialog_id', 'dialogId'],
  ];
  const matches = world.messages.filter(
    (message) =>
      (startId === undefined || message.id >= startId) &&
      (from === undefined || message.createdMs >= from) &&
      (until === undefined || message.createdMs < until + 86_400_000) &&
      (query.get('transport') === null || message.transport === query.get('transport')) &&
      (query.get('type') === null || message.type === query.get('type')) &&
      numeric.every(([name, field]) => query.get(name) === null || String(message[field]) === query.get(name)),
  );
  // A8: direction_reverse "from later to earlier"; order=desc the same.
  const descending = order === 'desc' || query.get('direction_reverse') === 'true';
  const sorted = [...matches].sort((a, b) => (descending ? b.id - a.id : a.id - b.id));
  // C7/C8 [UNDOC] the envelope (the examples are bare): enveloped like every documented list, with A3's meta keys.
  return success(
    sorted.slice(0, page.limit).map((message) => messageWire(message, { withIsNew: true })),
    { meta: { total: matches.length, limit: page.limit, offset: 0 } },
  );
}

function sendMessage(ctx: RouteContext): SandboxResponse {
  const { runtime, world, param, now } = ctx;
  // C10 [UNDOC] the 429 body and headers: the A4 envelope and a Retry-After of one second.
  if (!runtime.admitSend()) {
    const answer = failure(429, 'too_many_requests', 'Too many requests');
    return { ...answer, headers: { ...answer.headers, 'Retry-After': '1' } };
  }
  const clientIdValue = param('client_id');
  if (clientIdValue === undefined) return missing('client_id');
  const client = world.clients.find((candidate) => candidate.id === positiveInt(clientIdValue));
  if (!client) return notFound('Client', String(clientIdValue));
  const text = param('text');
  const attachment = param('attachment');
  if ((typeof text !== 'string' || !text) && (typeof attachment !== 'string' || !attachment)) return missing('text');
  const type = (param('type') ?? 'to_client') as string;
  if (!['to_client', 'autoreply', 'system', 'comment'].includes(type)) {
    return fieldError('type', "Only 'to_client', 'autoreply', 'system' or 'comment' are allowed.", 'unsupported_value');
  }
  const channelId = param('channel_id') === undefined ? client.channelId : positiveInt(param('channel_id'));
  const channel = world.channels.find((candidate) => candidate.id === channelId);
  if (!channel) return fieldError('channel_id', `Channel ${String(param('channel_id'))} not found.`, 'not_found');
  const operatorValue = param('operator_id');
  const operator = operatorValue === undefined ? world.operators[0]! : world.operators.find((candidate) => candidate.id === positiveInt(operatorValue));
  if (!operator) return fieldError('operator_id', `Operator ${String(operatorValue)} not found.`, 'not_found');
  const transport = typeof param('transport') === 'string' ? (param('transport') as string) : client.transport;
  if (!channel.transports.includes(transport)) return fieldError('transport', `Transport '${transport}' is not connected to channel ${channel.id}.`, 'unsupported_value');

  const outgoing = type === 'to_client' || type === 'autoreply';
  const external = transport === 'external';
  const message: Chat2DeskMessageRecord = {
    id: world.nextIds.message++,
    type: type as Chat2DeskMessageRecord['type'],
    text: typeof text === 'string' ? text : null,
    transport,
    channelId: channel.id,
    clientId: client.id,
    operatorId: operator.id,
    dialogId: client.dialogId,
    requestId: client.requestId,
    createdMs: now,
    read: true,
    // An external channel's app reports delivery itself (A8 PUT status); the others move on by the clock.
    recipientStatus: outgoing ? (external ? 'sent' : 'pending') : null,
    statusPlan: outgoing && !external ? DELIVERY_PLAN.map(({ status, afterMs }) => ({ status, atMs: now + afterMs })) : [],
    extraData: typeof param('external_id') === 'string' ? { external_id: param('external_id') } : {},
  };
  world.messages.push(message);
  if (outgoing) runtime.emit('outbox', messagePayload(world, message, 'outbox'), channel.id);
  if (type === 'comment') runtime.emit('comment', messagePayload(world, message, 'comment'), channel.id);
  // C10 [UNDOC] the success body: the new message's ids, in the A4 envelope.
  return success({
    message_id: message.id,
    channel_id: message.channelId,
    operator_id: message.operatorId,
    transport: message.transport,
    type: message.type,
    client_id: message.clientId,
    dialog_id: message.dialogId,
    request_id: message.requestId,
  });
}

function setStatus({ params, world, runtime, now }: RouteContext): SandboxResponse {
  const [idText, code] = params as [string, string];
  const status = STATUS_BY_CODE[code];
  if (!status) return fieldError('status', 'Only 1, 2, 3, 5, 6 or 7 are allowed.', 'unsupported_value');
  const message = world.messages.find((candidate) => candidate.id === Number(idText));
  if (!message) return notFound('Message', idText);
  // C9 [UNDOC] the rejection for other channels: A4's array variant.
  if (message.transport !== 'external' || (message.type !== 'to_client' && message.type !== 'autoreply')) {
    return listError('Delivery status can be changed only for outgoing messages of an external channel.', 'unsupported_value');
  }
  message.recipientStatus = status;
  message.statusPlan = [];
  runtime.emitOutboxStatus(message.id, now);
  return acknowledged();
}

function messageById(ctx: RouteContext) {
  const message = ctx.world.messages.find((candidate) => candidate.id === Number(ctx.params[0]));
  return message ?? notFound('Message', ctx.params[0]!);
}

/** A8 messages (C7–C10) and the GET endpoints that change things (C13). */
export const messageRoutes: Route[] = [
  { method: 'GET', pattern: /^\/v1\/messages$/, handle: listMessages },
  { method: 'POST', pattern: /^\/v1\/messages$/, handle: sendMessage },
  {
    method: 'GET',
    pattern: /^\/v1\/messages\/(\d+)$/,
    handle: (ctx) => {
      const message = messageById(ctx);
      // C7 [UNDOC] the envelope: `{"data":{…}}`; a missing id: 404 "Message #<id> not found" as the transfer endpoints.
      return 'status' in message ? message : success(messageWire(message, { withIsNew: false }));
    },
  },
  { method: 'PUT', pattern: /^\/v1\/messages\/(\d+)\/status\/(\d+)$/, handle: setStatus },
  ...(['read', 'unread'] as const).map(
    (action): Route => ({
      method: 'GET',
      pattern: new RegExp(`^/v1/messages/(\\d+)/${action}$`),
      handle: (ctx) => {
        const message = messageById(ctx);
        if ('status' in message) return message;
        message.read = action === 'read';
        return acknowledged();
      },
    }),
  ),
  {
    method: 'GET',
    pattern: /^\/v1\/messages\/(\d+)\/transfer$/,
    handle: (ctx) => {
      const message = messageById(ctx);
      if ('status' in message) return message;
      const operatorText = ctx.req.url.searchParams.get('operator_id');
      if (operatorText === null) return missing('operator_id');
      const operator = ctx.world.operators.find((candidate) => String(candidate.id) === operatorText);
      if (!operator) return fieldError('operator_id', `Operator ${operatorText} not found.`, 'not_found');
      // A8: force_assign defaults to true; false applies online status, queues and limits.
      if (ctx.req.url.searchParams.get('force_assign') === 'false' && !operator.online) {
        return listError(`Could not transfer to operator ${operatorText}.`, 'not_found');
      }
      message.operatorId = operator.id;
      return success([]);
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/messages\/(\d+)\/transfer_to_group$/,
    handle: (ctx) => {
      const message = messageById(ctx);
      if ('status' in message) return message;
      const groupText = ctx.req.url.searchParams.get('group_id');
      if (groupText === null) return missing('group_id');
      if (!ctx.world.operatorGroups.some((group) => String(group.id) === groupText)) return notFound('Operator Group', groupText);
      const force = ctx.req.url.searchParams.get('force_assign') !== 'false';
      const members = ctx.world.operators.filter((operator) => operator.groupIds.includes(Number(groupText)));
      const assignee = members.find((operator) => operator.online) ?? (force ? members[0] : undefined);
      if (!assignee) return listError('No available operator found!', 'not_found');
      message.operatorId = assignee.id;
      return success({ assignee: { id: assignee.id, email: assignee.email } });
    },
  },
  {
    // A7 delete_outbox: a destructive GET. [GAP] the answer: how many unsent messages went.
    method: 'GET',
    pattern: /^\/v1\/gateway\/delete_outbox$/,
    handle: ({ world }) => {
      const unsent = world.messages.filter((message) => message.recipientStatus === 'pending' || message.recipientStatus === 'scheduled');
      world.messages = world.messages.filter((message) => !unsent.includes(message));
      return success({ deleted: unsent.length });
    },
  },
];

