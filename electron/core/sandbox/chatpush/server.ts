import type { SandboxContext } from '../clock';
import { randomBytes } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { startProviderServer, type ProviderServer, type ProviderWire, type SandboxRequest, type SandboxResponse } from '../http-server';
import { verifyChatpushJwt } from '../jwt';
import { chatpushSocketUpgrades } from './phoenix/sockets';
import { sortedJson } from '../sorted-json';
import type { ChatpushInstanceRecord, ChatpushWorld } from '../state';

/**
 * Chategy/Jetapi simulator (specs/chatpush-chategy-jetapi.md §9). Three loopback servers stand in for the
 * brand's hosts: `rest` (api.<brand>: /api/v1, /developer/v1, and later the TDLib socket), `root` (<brand>:
 * POST /api/tmp/instances) and `whatsapp` (msg-farmer.<brand>: the QR socket). This slice serves the reads the
 * connection test needs; the root and WhatsApp servers answer 404 until instance creation and the Phoenix
 * sockets arrive.
 */

/** §1.4 / §9.3: compact sorted JSON and the Phoenix-style headers seen on /api/v1 and /developer/v1. */
export const chatpushWire: ProviderWire = {
  jsonResponse: (status, value) => ({
    status,
    headers: {
      Server: 'nginx',
      'Content-Type': 'application/json; charset=utf-8',
      'cache-control': 'max-age=0, private, must-revalidate',
      // 20 characters, like `F5noOkF08-W8VoIBHH_h` in the examples.
      'x-request-id': randomBytes(15).toString('base64url'),
    },
    body: sortedJson(value),
  }),
  errorResponse: (status) => failure(status, status === 401 ? 'Not authorized!' : status === 404 ? 'Not found' : (STATUS_CODES[status] ?? 'Error')),
};

/** §1.5: `{"meta":{"code":…,"message":…,"status":"fail"}}`; the 401 one is exactly 65 bytes. */
function failure(status: number, message: string, extra: Record<string, unknown> = {}): SandboxResponse {
  return chatpushWire.jsonResponse(status, { meta: { code: status, message, status: 'fail', ...extra } });
}

const notAuthorized = () => failure(401, 'Not authorized!');
const notFound = () => failure(404, 'Not found');

function instanceWire(instance: ChatpushInstanceRecord) {
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

function accountWire(instance: ChatpushInstanceRecord) {
  return {
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
  };
}

const success = (resource: Record<string, unknown>, meta: Record<string, unknown> = {}) =>
  chatpushWire.jsonResponse(200, { meta: { code: 200, status: 'success', ...meta }, ...resource });

function positiveInt(value: string | null, fallback: number): number {
  if (value === null || value === '') return fallback;
  const parsed = Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? parsed : fallback;
}

export function chatpushRestHandler(world: ChatpushWorld) {
  /** §1.1: the developer api_key travels raw, with no "Bearer". The 401 body is undocumented; the Bearer one is reused. */
  const developerAuthorized = (req: SandboxRequest) => req.headers.authorization === world.apiKey;

  /** §1.1: `Bearer <jwt>`, where the JWT is one the platform issued to an existing customer. */
  const customerFor = (req: SandboxRequest): ChatpushInstanceRecord | undefined => {
    const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    if (!match) return undefined;
    const token = match[1]!;
    const claims = verifyChatpushJwt(token, world.jwtSecret);
    if (!claims) return undefined;
    return world.instances.find((instance) => instance.token === token && instance.customerId === claims.customer_id);
  };

  return (req: SandboxRequest): SandboxResponse => {
    const { method, path, url } = req;

    if (path === '/developer/v1/instances' && method === 'GET') {
      if (!developerAuthorized(req)) return notAuthorized();
      // §2 List: per_page defaults to 100 within [1, 100]. ⚠ The doc's example echoes per_page 100 for a request
      // of 2; the sandbox echoes the page size it actually used, which is what a client can rely on.
      const perPage = Math.min(100, Math.max(1, positiveInt(url.searchParams.get('per_page'), 100)));
      const page = Math.max(1, positiveInt(url.searchParams.get('page'), 1));
      const externalId = url.searchParams.get('external_id');
      const matching =
        externalId === null ? world.instances : world.instances.filter((instance) => instance.externalId === externalId);
      // §2 Get by external_id: 404 when the filter matches nothing.
      if (externalId !== null && matching.length === 0) return notFound();
      const items = matching.slice((page - 1) * perPage, page * perPage).map(instanceWire);
      return success({ instances: items }, { page, per_page: perPage, total_count: matching.length });
    }

    const byCustomer = /^\/developer\/v1\/instances\/([^/]+)$/.exec(path);
    if (byCustomer && method === 'GET') {
      if (!developerAuthorized(req)) return notAuthorized();
      // §2 Get: the path key is the customer id (the doc spells the variable `:curstomer_id`).
      const instance = world.instances.find((candidate) => String(candidate.customerId) === byCustomer[1]);
      return instance ? success({ instance: instanceWire(instance) }) : notFound();
    }

    if (path === '/api/v1/account' && method === 'GET') {
      const customer = customerFor(req);
      if (!customer) return notAuthorized();
      return success({ account: accountWire(customer) });
    }

    return notFound();
  };
}

export interface ChatpushServers {
  rest: ProviderServer;
  root: ProviderServer;
  whatsapp: ProviderServer;
}

type UpgradeHook = Parameters<typeof startProviderServer>[0]['onUpgrade'];

export async function startChatpushServers(world: ChatpushWorld, context: SandboxContext): Promise<ChatpushServers> {
  const { faults, log } = context;
  const started: ProviderServer[] = [];
  const sockets = chatpushSocketUpgrades(world, context);
  const start = async (server: string, handler: (req: SandboxRequest) => SandboxResponse, onUpgrade?: UpgradeHook) => {
    const instance = await startProviderServer({ provider: 'chatpush', server, handler, wire: chatpushWire, faults, log, onUpgrade });
    started.push(instance);
    return instance;
  };
  try {
    // §9.1: the TDLib socket lives on the api host, the WhatsApp QR socket on msg-farmer.
    const rest = await start('rest', chatpushRestHandler(world), sockets.telegram);
    const root = await start('root', () => notFound());
    const whatsapp = await start('whatsapp', () => notFound(), sockets.whatsapp);
    return { rest, root, whatsapp };
  } catch (error) {
    await Promise.all(started.map((server) => server.close()));
    throw error;
  }
}
