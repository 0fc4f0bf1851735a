import type { SandboxContext } from '../clock';
import { STATUS_CODES } from 'node:http';
import { startProviderServer, type ProviderServer, type ProviderWire, type SandboxRequest, type SandboxResponse } from '../http-server';
import type { ChattiContactRecord, ChattiWorld } from '../state';

/**
 * Chatti simulator. The document has no endpoints (specs/chat2desk-chatti.md Part B), only conventions:
 * `x-api-key`, the pagination envelope and the status codes. The sandbox serves one read, `GET /v1/contacts`,
 * which is the console's default probe path. Error bodies are undocumented; the sandbox sends `{"message": …}`.
 */

export const chattiWire: ProviderWire = {
  jsonResponse: (status, value) => ({
    status,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(value),
  }),
  errorResponse: (status) => chattiWire.jsonResponse(status, { message: STATUS_CODES[status] ?? 'Error' }),
};

function contactWire(contact: ChattiContactRecord) {
  return {
    id: contact.id,
    first_name: contact.firstName,
    last_name: contact.lastName,
    phone: contact.phone,
    email: contact.email,
    created_at: contact.createdAt,
  };
}

export function chattiHandler(world: ChattiWorld) {
  return (req: SandboxRequest): SandboxResponse => {
    if (req.method !== 'GET' || req.path !== '/v1/contacts') return chattiWire.errorResponse(404);
    // Part B: 401 "Unauthorised (invalid credentials)".
    if (req.headers['x-api-key'] !== world.apiKey) return chattiWire.jsonResponse(401, { message: 'Unauthenticated.' });

    // Part B pagination: page (default 1), per_page (default 50, 1..1000).
    const page = Number(req.url.searchParams.get('page') ?? '1');
    const perPage = Number(req.url.searchParams.get('per_page') ?? '50');
    if (!Number.isInteger(page) || page < 1) {
      return chattiWire.jsonResponse(400, { message: 'The page must be at least 1.', errors: { page: ['The page must be at least 1.'] } });
    }
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 1000) {
      const message = 'The per page must be between 1 and 1000.';
      return chattiWire.jsonResponse(400, { message, errors: { per_page: [message] } });
    }
    const total = world.contacts.length;
    const start = (page - 1) * perPage;
    const items = world.contacts.slice(start, start + perPage).map(contactWire);
    const pageUrl = (n: number) => `${req.origin}/v1/contacts?page=${n}&per_page=${perPage}`;
    const lastPage = Math.max(1, Math.ceil(total / perPage));
    return chattiWire.jsonResponse(200, {
      total,
      item_count: items.length,
      current_page: page,
      per_page: perPage,
      first_item: items.length ? start + 1 : null,
      last_item: items.length ? start + items.length : null,
      prev_page_url: page > 1 ? pageUrl(Math.min(page - 1, lastPage)) : null,
      next_page_url: page < lastPage ? pageUrl(page + 1) : null,
      data: items,
    });
  };
}

export async function startChattiServer(world: ChattiWorld, context: SandboxContext): Promise<ProviderServer> {
  const { faults, log } = context;
  return startProviderServer({ provider: 'chatti', server: 'api', handler: chattiHandler(world), wire: chattiWire, faults, log });
}
