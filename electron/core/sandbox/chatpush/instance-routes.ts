import type { SandboxResponse } from '../http-server';
import { isoDate } from '../world-kit';
import { phoenixSocketWorld, qrRoom } from './phoenix/socket-world';
import type { Route, RouteContext } from './router';
import { renewInstance } from './subscriptions';
import { logoutWhatsapp } from './sessions';
import { notFound, railsJson, success, unprocessable } from './wire';
import { instanceByCustomerId, instanceById, newInstance, type ChatpushInstanceRecord, type ChatpushWorld } from './world';

/** §2 "Instance fields", as get and list return them. */
export function instanceWire(instance: ChatpushInstanceRecord) {
  return {
    id: instance.id,
    token: instance.token,
    external_id: instance.externalId,
    customer_id: instance.customerId,
    subscription_paid_until: instance.subscriptionPaidUntil,
    renew_subscription: instance.renewSubscription,
    tdlib_session: instance.tdlibSession,
    whatsapp_session: instance.whatsappSession,
    whatsapp_queue_size: instance.whatsappQueueSize,
    whatsapp_queue_limit: instance.whatsappQueueLimit,
    whatsapp_phone: instance.whatsappPhone,
    subscription_status: instance.subscriptionStatus,
    subscription_cost: instance.subscriptionCost,
  };
}

function positiveInt(value: string | undefined, fallback: number): number {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

const CHANNELS = new Set(['whatsapp', 'tdlib', 'telegram', 'notify', 'max', 'sms']);

interface InstanceFields {
  email?: string;
  phone?: string;
  password?: string;
  externalId?: string | null;
  dispatchRouting?: string[];
  renewSubscription?: boolean;
}

/**
 * The checks behind create and update (§2). ⚠ Only "already exists" is documented; the wording of the other
 * messages is the sandbox's, in the platform's style.
 */
function fieldErrors(world: ChatpushWorld, fields: InstanceFields, self?: ChatpushInstanceRecord): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  if (fields.email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(fields.email)) add('email', 'has invalid format');
  if (fields.phone !== undefined && !/^\d{10,15}$/.test(fields.phone)) add('phone', 'has invalid format');
  if (fields.password !== undefined) {
    if (fields.password.length < 7) add('password', 'should be at least 7 character(s)');
    if (!/\p{L}/u.test(fields.password) || !/\d/.test(fields.password)) add('password', 'must contain letters and digits');
  }
  if (fields.dispatchRouting?.some((channel) => !CHANNELS.has(channel))) add('dispatch_routing', 'is invalid');
  const others = world.instances.filter((instance) => instance !== self);
  if (fields.email !== undefined && others.some((instance) => instance.email === fields.email)) add('email', 'already exists');
  if (fields.phone !== undefined && others.some((instance) => instance.phone === fields.phone)) add('phone', 'already exists');
  return errors;
}

/**
 * §2 Create on the root host, a different (Rails) backend: JSON body `{"instance":{…}}`, Rails headers, and its
 * own 422 (message "Unprocessable entity" with a lower-case e, no status_id).
 */
function createInstance({ req, world, now }: RouteContext): SandboxResponse {
  const invalid = (errors: Record<string, string[]>) =>
    railsJson(422, { meta: { code: 422, errors, message: 'Unprocessable entity', status: 'fail' } });
  let body: { instance?: Record<string, unknown> };
  try {
    body = JSON.parse(req.body || '{}') as typeof body;
  } catch {
    return invalid({ instance: ["can't be blank"] });
  }
  const raw = body.instance;
  if (!raw || typeof raw !== 'object') return invalid({ instance: ["can't be blank"] });
  const text = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string).trim() : typeof raw[key] === 'number' ? String(raw[key]) : '');
  const blank: Record<string, string[]> = {};
  for (const key of ['email', 'phone', 'password']) if (!text(key)) blank[key] = ["can't be blank"];
  if (Object.keys(blank).length > 0) return invalid(blank);
  const routing = Array.isArray(raw.dispatch_routing) ? raw.dispatch_routing.map(String) : ['whatsapp'];
  // §2: renew_subscription is a boolean ([C] says "string"): "true"/"false" strings are read too; default true.
  const renew = raw.renew_subscription === undefined ? true : raw.renew_subscription === true || raw.renew_subscription === 'true';
  const fields = {
    email: text('email'),
    phone: text('phone').replace(/^\+/, ''),
    password: text('password'),
    externalId: text('external_id') || null,
    dispatchRouting: routing,
    renewSubscription: renew,
  };
  const errors = fieldErrors(world, fields);
  if (Object.keys(errors).length > 0) return invalid(errors);
  const instance = newInstance(world, fields, now);
  world.instances.push(instance);
  return railsJson(200, {
    instance: {
      id: instance.id,
      customer_id: instance.customerId,
      token: instance.token,
      idempotency_key: instance.idempotencyKey,
      renew_subscription: instance.renewSubscription,
      external_id: instance.externalId,
    },
    meta: { code: 200, status: 'success' },
  });
}

function listInstances({ query, world }: RouteContext): SandboxResponse {
  // §2 List: per_page defaults to 100 within [1, 100]. ⚠ The doc's example echoes per_page 100 for a request of
  // 2; the sandbox echoes the page size it actually used, which is what a client can rely on.
  const perPage = Math.min(100, positiveInt(query.text('per_page'), 100));
  const page = positiveInt(query.text('page'), 1);
  const externalId = query.text('external_id');
  const matching = externalId === undefined ? world.instances : world.instances.filter((instance) => instance.externalId === externalId);
  // §2 Get by external_id: 404 when the filter matches nothing.
  if (externalId !== undefined && matching.length === 0) return notFound();
  const items = matching.slice((page - 1) * perPage, page * perPage).map(instanceWire);
  return success({ instances: items }, { page, per_page: perPage, total_count: matching.length });
}

/** §2 Update: every field is a query parameter; the answer echoes `{customer_id, id, renew_subscription}`. */
function updateInstance({ params, query, world }: RouteContext): SandboxResponse {
  const instance = instanceById(world, Number(params[0]));
  if (!instance) return notFound();
  const fields: InstanceFields = {};
  if (query.has('email')) fields.email = query.text('email')!.trim();
  if (query.has('phone')) fields.phone = query.text('phone')!.trim().replace(/^\+/, '');
  if (query.has('password')) fields.password = query.text('password')!;
  if (query.has('external_id')) fields.externalId = query.filled('external_id');
  if (query.has('dispatch_routing')) fields.dispatchRouting = query.list('dispatch_routing');
  if (query.has('renew_subscription')) fields.renewSubscription = query.text('renew_subscription') === 'true';
  const errors = fieldErrors(world, fields, instance);
  if (Object.keys(errors).length > 0) return unprocessable(errors);
  if (fields.email !== undefined) instance.email = fields.email;
  if (fields.phone !== undefined) instance.phone = fields.phone;
  if (fields.password !== undefined) instance.password = fields.password;
  if (fields.externalId !== undefined) instance.externalId = fields.externalId;
  if (fields.dispatchRouting?.length) instance.account.dispatchRouting = fields.dispatchRouting;
  if (fields.renewSubscription !== undefined) instance.renewSubscription = fields.renewSubscription;
  return success({ instance: { customer_id: instance.customerId, id: instance.id, renew_subscription: instance.renewSubscription } });
}

/** §2 Renew: +1 month against the developer balance, or 422 "not enough money" with status_id 1. */
function renewSubscription({ params, world, now }: RouteContext): SandboxResponse {
  const instance = instanceById(world, Number(params[0]));
  if (!instance) return notFound();
  if (!renewInstance(world, instance, isoDate(now))) return unprocessable({ base: ['not enough money'] }, 1);
  return success({ instance: { id: instance.id, subscription_paid_until: instance.subscriptionPaidUntil } });
}

/**
 * §2 Interrupt WhatsApp authorization: bare success. (§9.5 inference) it also logs the WhatsApp session out,
 * which raises whatsapp_log_out for an authorized one. The container goes with it: a scan being linked ends, and
 * the QR room's next frame carries a new code.
 */
function deleteContainerSession({ params, world, now }: RouteContext): SandboxResponse {
  const instance = instanceById(world, Number(params[0]));
  if (!instance) return notFound();
  logoutWhatsapp(world, instance, now);
  const room = qrRoom(phoenixSocketWorld(world), instance.customerId);
  room.inProgress = false;
  room.code = null;
  return success();
}

export const rootRoutes: Route[] = [{ method: 'POST', pattern: /^\/api\/tmp\/instances$/, auth: 'developer', handle: createInstance }];

export const instanceRoutes: Route[] = [
  { method: 'GET', pattern: /^\/developer\/v1\/instances$/, auth: 'developer', handle: listInstances },
  {
    method: 'GET',
    pattern: /^\/developer\/v1\/instances\/([^/]+)$/,
    auth: 'developer',
    // §2 Get: the path key is the customer id (the doc spells the variable `:curstomer_id`).
    handle: ({ params, world }) => {
      const instance = instanceByCustomerId(world, Number(params[0]));
      return instance ? success({ instance: instanceWire(instance) }) : notFound();
    },
  },
  { method: 'PUT', pattern: /^\/developer\/v1\/instances\/(\d+)$/, auth: 'developer', handle: updateInstance },
  { method: 'POST', pattern: /^\/developer\/v1\/instances\/(\d+)\/renew_subscription$/, auth: 'developer', handle: renewSubscription },
  { method: 'DELETE', pattern: /^\/developer\/v1\/instances\/(\d+)\/delete_container_session$/, auth: 'developer', handle: deleteContainerSession },
];
