import type { SandboxContext } from '../clock';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { startProviderServer, type ProviderServer, type ProviderWire, type SandboxRequest, type SandboxResponse } from '../http-server';
import type { Chat2DeskChannelRecord, Chat2DeskWorld } from '../state';

/**
 * Chat2Desk simulator (specs/chat2desk-chatti.md Part C). Paths are `/v1/...`, with or without a trailing slash
 * (C1); success is `{"data":…,"status":"success"}` plus `meta` on lists (C3).
 */

export const chat2DeskWire: ProviderWire = {
  jsonResponse: (status, value) => ({
    status,
    // A1: headers captured from the real service (gzip left out: nothing here is large).
    headers: {
      Server: 'nginx/1.16.1',
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'max-age=0, private, must-revalidate',
      'X-Request-Id': randomUUID(),
      'X-Runtime': '0.012345',
    },
    body: JSON.stringify(value),
  }),
  errorResponse: (status) => failure(status, errorName(status), STATUS_CODES[status] ?? 'Error'),
};

function errorName(status: number): string {
  if (status === 400) return 'bad_request';
  if (status === 401) return 'unauthorized';
  if (status === 404) return 'not_found';
  return (STATUS_CODES[status] ?? 'error').toLowerCase().replace(/\W+/g, '_');
}

/** A4: `{"message":…,"errors":…,"status":"error"}`. */
function failure(status: number, message: string, errors: unknown): SandboxResponse {
  return chat2DeskWire.jsonResponse(status, { message, errors, status: 'error' });
}

/**
 * A1/C2: the auth failure is undocumented. The sandbox chooses 401 with the closest documented envelope,
 * `{"message":"unauthorized","errors":"Invalid API token","status":"error"}`.
 */
const unauthorized = () => failure(401, 'unauthorized', 'Invalid API token');

/** A3 tickets: a limit over 200 or a non-number is a 400 with per-field issues. */
const badParameter = (field: string, error: string) =>
  failure(400, 'bad_request', { [field]: [{ text: 'Parameter must be a numeric value.', error }] });

function channelWire(channel: Chat2DeskChannelRecord) {
  return {
    id: channel.id,
    name: channel.name,
    phone: channel.phone,
    transports: channel.transports,
    whatsapp_daily_new_clients_limit: channel.whatsappDailyNewClientsLimit,
  };
}

export function chat2DeskHandler(world: Chat2DeskWorld) {
  return (req: SandboxRequest): SandboxResponse => {
    const { path, method, url } = req;
    const route = `${method} ${path}`;
    const known = route === 'GET /v1/companies/api_info' || route === 'GET /v1/channels';
    if (!known) return failure(404, 'not_found', `Route ${path} not found`);
    // A1: `Authorization: <token>`, raw, no scheme.
    if (req.headers.authorization !== world.apiToken) return unauthorized();

    if (route === 'GET /v1/companies/api_info') {
      const c = world.company;
      // A7: the exact keys of the documented example, including the companyID/partnerID casing.
      return chat2DeskWire.jsonResponse(200, {
        data: {
          companyID: c.companyId,
          partnerID: c.partnerId,
          partner_type: c.partnerType,
          company_mode: c.companyMode,
          hook: null,
          hook_preferences: null,
          current_version: c.currentVersion,
          channels: world.channels.length,
          company_name: c.companyName,
          company_lang: c.companyLang,
          admin_email: c.adminEmail,
          custom_info: null,
          write_first_option: c.writeFirstOption,
          domain_urls: c.domainUrls,
          api_calls: {
            used_this_month: c.apiCalls.usedThisMonth,
            left_free_requests: c.apiCalls.leftFreeRequests,
            left_paid_requests: c.apiCalls.leftPaidRequests,
          },
        },
        status: 'success',
      });
    }

    // GET /v1/channels — A3: limit default 20, max 200; offset default 0; meta echoes the effective values.
    const limitText = url.searchParams.get('limit');
    const offsetText = url.searchParams.get('offset');
    const limit = limitText === null ? 20 : Number(limitText);
    const offset = offsetText === null ? 0 : Number(offsetText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) return badParameter('limit', 'unsupported_value');
    if (!Number.isInteger(offset) || offset < 0) return badParameter('offset', 'invalid_filter_and_sorting_params');
    return chat2DeskWire.jsonResponse(200, {
      data: world.channels.slice(offset, offset + limit).map(channelWire),
      meta: { total: world.channels.length, limit, offset },
      status: 'success',
    });
  };
}

export async function startChat2DeskServer(world: Chat2DeskWorld, context: SandboxContext): Promise<ProviderServer> {
  const { faults, log } = context;
  return startProviderServer({ provider: 'chat2desk', server: 'api', handler: chat2DeskHandler(world), wire: chat2DeskWire, faults, log });
}
