import { deliveryStatus } from '../../../../shared/chatpush-delivery-statuses';
import { isAllowedSendFileMime, SEND_FILE_MAX_BYTES } from '../../providers/chatpush/send-file-rules';
import type { SandboxResponse } from '../http-server';
import { createDelivery, type DeliveryRequest } from './deliveries';
import { withIdempotency } from './idempotency';
import { uploadedFile } from './multipart-upload';
import { formatPhone, operatorFor } from './operators';
import { bearerToken, type CustomerContext, type Params, type Route } from './router';
import { notAuthorized, notFound, success, unprocessable } from './wire';
import type { ChatpushDeliveryRecord } from './world';

/** §6.1 send answer: the status flat. `sum` is "0.0" as in the example: the cost is charged when it is delivered. */
function sentWire(delivery: ChatpushDeliveryRecord) {
  return {
    callback_url: delivery.callbackUrl,
    dispatch_routing: delivery.routing,
    external_id: delivery.externalId,
    id: delivery.id,
    phone: delivery.phone,
    priority: delivery.priority,
    scheduled_at: delivery.scheduledAt,
    sender_name: delivery.senderName,
    status_description: deliveryStatus(delivery.statusId)?.description ?? 'Unknown',
    status_id: delivery.statusId,
    sum: '0.0',
    total_sms: delivery.totalSms,
    traffic_category: delivery.trafficCategory,
    utm_mark: delivery.utmMark,
  };
}

/** §6.3 lookup: the status nested, the operator added, no dispatch_routing or priority. */
function lookupWire(delivery: ChatpushDeliveryRecord) {
  const operator = delivery.phone ? operatorFor(delivery.phone.slice(1)) : undefined;
  return {
    callback_url: delivery.callbackUrl,
    external_id: delivery.externalId,
    id: delivery.id,
    operator: operator ?? null,
    phone: delivery.phone,
    scheduled_at: delivery.scheduledAt,
    sender_name: delivery.senderName,
    status: { description: deliveryStatus(delivery.statusId)?.description ?? 'Unknown', status_id: delivery.statusId },
    sum: delivery.sum,
    total_sms: delivery.totalSms,
    traffic_category: delivery.trafficCategory,
    utm_mark: delivery.utmMark,
  };
}

/** The §6.1 parameters every send shares (send, send_file). Phones that are not numbers stay as written. */
function sendRequest(query: Params): Omit<DeliveryRequest, 'kind' | 'text' | 'file'> {
  const phone = query.filled('phone');
  return {
    phone: phone ? (formatPhone(phone) ?? `+${phone.replace(/^\+/, '')}`) : null,
    username: query.filled('username'),
    tdlibUserId: query.filled('tdlib_user_id'),
    whatsappLid: query.filled('whatsapp_lid'),
    senderName: query.filled('sender_name'),
    utmMark: query.filled('utm_mark'),
    callbackUrl: query.filled('callback_url'),
    externalId: query.filled('external_id'),
    routing: query.list('dispatch_routing'),
    priority: query.filled('priority'),
    scheduledAt: query.filled('scheduled_at'),
    simulateTyping: query.has('simulate_typing') ? query.text('simulate_typing') !== 'false' : null,
    replyToMessageId: query.filled('reply_to_message_id'),
  };
}

/** ⚠ Only the empty-text message is documented (§1.5); the recipient message is the sandbox's wording. */
function recipientMissing(query: Params): boolean {
  return !['phone', 'username', 'tdlib_user_id', 'whatsapp_lid'].some((name) => query.filled(name));
}

function send(ctx: CustomerContext): Promise<SandboxResponse> {
  return withIdempotency(ctx, () => {
    const { query, world, customer, now } = ctx;
    const text = query.text('text') ?? '';
    if (!text.trim()) return unprocessable({ text: ['the text cannot be empty'] });
    if (recipientMissing(query)) return unprocessable({ phone: ["phone can't be blank"] });
    const delivery = createDelivery(world, customer, { ...sendRequest(query), kind: 'text', text, file: null }, now);
    return success({ delivery: sentWire(delivery) });
  });
}

/**
 * §6.2 bulk: one delivery per phone (no ids come back) and an echo with the undocumented `state: 2` and
 * `url_shorting: false`; `scheduled_at` echoes as ISO `…Z`.
 */
function bulk(ctx: CustomerContext): Promise<SandboxResponse> {
  return withIdempotency(ctx, () => {
    const { query, world, customer, now } = ctx;
    const text = query.text('text') ?? '';
    if (!text.trim()) return unprocessable({ text: ['the text cannot be empty'] });
    const phones = query.list('phones_numbers');
    const usernames = query.list('usernames');
    if (phones.length === 0 && usernames.length === 0 && !query.filled('tdlib_user_id')) {
      return unprocessable({ phones_numbers: ["phones_numbers can't be blank"] });
    }
    const base = sendRequest(query);
    const recipients: { phone: string | null; username: string | null }[] = [
      ...phones.map((phone) => ({ phone: formatPhone(phone) ?? `+${phone}`, username: null })),
      ...usernames.map((username) => ({ phone: null, username })),
    ];
    if (recipients.length === 0) recipients.push({ phone: null, username: null });
    let sender = base.senderName;
    for (const recipient of recipients) {
      sender = createDelivery(world, customer, { ...base, ...recipient, kind: 'text', text, file: null }, now).senderName;
    }
    const scheduled = base.scheduledAt ? new Date(`${base.scheduledAt.replace(' ', 'T')}Z`) : null;
    return success({
      bulk_delivery: {
        dispatch_routing: base.routing.length > 0 ? base.routing : customer.account.dispatchRouting,
        phones_numbers: phones,
        scheduled_at: scheduled && !Number.isNaN(scheduled.getTime()) ? scheduled.toISOString().replace('.000Z', 'Z') : null,
        sender_name: sender,
        state: 2,
        text,
        url_shorting: false,
        utm_mark: base.utmMark,
      },
    });
  });
}

/**
 * §6.4: only WhatsApp and TDLib messages sent through the service, only in the final status "delivered". The
 * four documented refusals: unknown → `delivery not found`; another channel → `dispatch_type invalid`; already
 * deleted → `tdlib_delivery not found` (TDLib) or `delivery not found` (WhatsApp); not delivered yet →
 * `delivery not_complete`.
 */
function deleteDelivery({ params, world, customer, now }: CustomerContext): SandboxResponse {
  const delivery = world.deliveries.find((candidate) => candidate.id === Number(params[0]) && candidate.customerId === customer.customerId);
  if (!delivery) return unprocessable({ delivery: ['delivery not found'] });
  if (delivery.channel !== 'whatsapp' && delivery.channel !== 'tdlib') return unprocessable({ dispatch_type: ['dispatch_type invalid'] });
  if (delivery.deleted) {
    return delivery.channel === 'tdlib' ? unprocessable({ tdlib_delivery: ['tdlib_delivery not found'] }) : unprocessable({ delivery: ['delivery not found'] });
  }
  if (delivery.statusId !== 2) return unprocessable({ delivery: ['delivery not_complete'] });
  delivery.deleted = true;
  delivery.statusId = 4;
  delivery.history.push({ at: now, statusId: 4, channel: delivery.channel });
  return success();
}

/**
 * §6.6 send_file: multipart `file` plus the send parameters. ⚠ The too-large and missing-file messages are the
 * sandbox's wording; only "invalid mime type" is documented.
 */
function sendFile(ctx: CustomerContext): Promise<SandboxResponse> {
  return withIdempotency(ctx, () => {
    const { req, query, world, customer, now } = ctx;
    if (Number(req.headers['content-length'] ?? 0) > SEND_FILE_MAX_BYTES) return unprocessable({ base: ['file is too large'] });
    const file = uploadedFile(req.body, req.headers['content-type'], Number(req.headers['content-length'] ?? 0));
    if (!file) return unprocessable({ file: ["file can't be blank"] });
    if (!isAllowedSendFileMime(file.type)) return unprocessable({ base: ['invalid mime type'] });
    const fileName = query.filled('file_name');
    if (!fileName) return unprocessable({ file_name: ["file_name can't be blank"] });
    if (recipientMissing(query)) return unprocessable({ phone: ["phone can't be blank"] });
    const type = query.text('type') === 'image' ? 'image' : query.text('type') === 'document' ? 'document' : null;
    // §6.6: by default the file goes as a link valid 7 days, the text being file name + link.
    const text = `${fileName} https://files.sandbox.invalid/${world.nextIds.delivery}/${encodeURIComponent(fileName)}`;
    const delivery = createDelivery(
      world,
      customer,
      { ...sendRequest(query), kind: 'file', text, file: { name: fileName, mimeType: file.type, size: file.size, type, caption: query.filled('caption') } },
      now,
    );
    // ⚠ §6.6: the example says "Received" for status 6 where the table says "Accepted"; the example is reproduced.
    return success({
      delivery: {
        ...sentWire(delivery),
        reply_to_message_id: delivery.replyToMessageId,
        simulate_typing: delivery.simulateTyping,
        status_description: 'Received',
      },
    });
  });
}

export const deliveryRoutes: Route[] = [
  {
    // §3 (and §7.1: the developer's master token reads its own balance here, in the short "(balance)" form).
    method: 'GET',
    pattern: /^\/api\/v1\/account$/,
    auth: 'none',
    handle: ({ req, world }) => {
      const token = bearerToken(req);
      const { developer } = world;
      if (token && token === developer.token) {
        return success({
          account: {
            customer_id: developer.customerId,
            dispatch_routing: developer.dispatchRouting,
            sender_names: developer.senderNames,
            token: developer.token,
            total_amount: developer.totalAmount,
          },
        });
      }
      const instance = token ? world.instances.find((candidate) => candidate.token === token) : undefined;
      if (!instance) return notAuthorized();
      return success({
        account: {
          token: instance.token,
          total_amount: instance.account.totalAmount,
          customer_id: instance.customerId,
          dispatch_routing: instance.account.dispatchRouting,
          subscription_paid_until: instance.subscriptionPaidUntil,
          sender_names: instance.account.senderNames,
          tdlib_session: instance.tdlibSession,
          whatsapp_session: instance.whatsappSession,
          subscription_status: instance.subscriptionStatus,
          subscription_cost: instance.subscriptionCost,
        },
      });
    },
  },
  { method: 'POST', pattern: /^\/api\/v1\/delivery$/, auth: 'customer', handle: send },
  // ⚠ §6.2: the main URL drops `/api` (`/v1/bulk_delivery`); both paths are served.
  { method: 'POST', pattern: /^(?:\/api)?\/v1\/bulk_delivery$/, auth: 'customer', handle: bulk },
  {
    method: 'GET',
    pattern: /^\/api\/v1\/delivery\/(\d+)$/,
    auth: 'customer',
    handle: ({ params, world, customer }) => {
      const delivery = world.deliveries.find((candidate) => candidate.id === Number(params[0]) && candidate.customerId === customer.customerId);
      return delivery ? success({ delivery: lookupWire(delivery) }) : notFound();
    },
  },
  { method: 'DELETE', pattern: /^\/api\/v1\/delivery\/(\d+)$/, auth: 'customer', handle: deleteDelivery },
  {
    method: 'GET',
    pattern: /^\/api\/v1\/operators\/search$/,
    auth: 'customer',
    handle: ({ query }) => {
      const formatted = formatPhone(query.text('phone') ?? '');
      const operator = formatted ? operatorFor(formatted.slice(1)) : undefined;
      // ⚠ An unknown or malformed number is undocumented; the sandbox says "Not found".
      return formatted && operator ? success({ formatted_phone: formatted, operator }) : notFound();
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/v1\/utm_mark$/,
    auth: 'customer',
    // ⚠ §6.5: the element shape is never shown; the sandbox lists the marks used, as strings.
    handle: ({ world, customer }) => {
      const marks = new Set(world.deliveries.filter((d) => d.customerId === customer.customerId && d.utmMark).map((d) => d.utmMark!));
      return success({ utm_marks: [...marks].sort() });
    },
  },
  { method: 'POST', pattern: /^\/api\/v1\/send_file$/, auth: 'customer', handle: sendFile },
];
