import type { SandboxContext } from '../clock';
import { startProviderServer, type ProviderServer, type SandboxRequest, type SandboxResponse } from '../http-server';
import { chattiRoutes } from './routes';
import { chattiError, chattiWire, invalid, json } from './wire';
import type { ChattiWorld } from './world';

/** 8 MiB: the generous reading of Part B's "8MB" on input (the client holds itself to 8 000 000 bytes). */
const REQUEST_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * Chatti simulator. The document has no endpoints (specs/chat2desk-chatti.md Part B), only conventions: `x-api-key`,
 * `Content-type: application/json`, the pagination envelope, ISO 8601 timestamps, the 8 MB request limit and the
 * status codes. 405/503/504 come from faults as well as from the sandbox itself (a wrong method, maintenance).
 */
export function chattiHandler(world: ChattiWorld, context: SandboxContext) {
  const arrivals: number[] = [];
  return (req: SandboxRequest): SandboxResponse => {
    const now = context.clock.now();
    if (world.settings.maintenance) return chattiError(503, 'Service Unavailable: scheduled maintenance.');
    const onPath = chattiRoutes.filter((route) => route.pattern.test(req.path));
    if (!onPath.length) return chattiError(404, 'Not Found');
    // Part B 401 "Unauthorised (invalid credentials)".
    if (req.headers['x-api-key'] !== world.apiKey) return json({ message: 'Unauthenticated.' }, 401);
    const limit = world.settings.rateLimit;
    if (limit) {
      while (arrivals.length && arrivals[0]! <= now - limit.perMs) arrivals.shift();
      // [GAP] no Retry-After is documented, so none is sent.
      if (arrivals.length >= limit.requests) return chattiError(429, 'Too Many Attempts.');
      arrivals.push(now);
    }
    const route = onPath.find((candidate) => candidate.method === req.method);
    if (!route) return chattiError(405, 'The method is not supported for this route.');
    // Part B: 8 MB per request. [GAP] the answer: the table has no 413, so a 400 carrying 413's meaning.
    if (Number(req.headers['content-length'] ?? 0) > REQUEST_LIMIT_BYTES) {
      return json({ message: 'Payload Too Large: a request may be at most 8MB. Split the data across several requests.' }, 400);
    }
    let body: Record<string, unknown> = {};
    if (req.body.trim()) {
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return invalid('content_type', 'The Content-type header must be application/json.');
      try {
        const parsed: unknown = JSON.parse(req.body);
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return invalid('body', 'The request body must be a JSON object.');
        body = parsed as Record<string, unknown>;
      } catch {
        return json({ message: 'Malformed JSON in the request body.' }, 400);
      }
    }
    return route.handle({ req, params: route.pattern.exec(req.path)!.slice(1), world, now, body });
  };
}

export async function startChattiServer(world: ChattiWorld, context: SandboxContext): Promise<ProviderServer> {
  const { faults, log } = context;
  return startProviderServer({ provider: 'chatti', server: 'api', handler: chattiHandler(world, context), wire: chattiWire, faults, log });
}
