import type { SandboxRequest, SandboxResponse } from '../http-server';
import type { Chat2DeskRuntime } from './runtime';
import { failure, fieldError, NUMERIC } from './wire';
import type { Chat2DeskWorld } from './world';

export interface RouteContext {
  req: SandboxRequest;
  /** The pattern's capture groups. */
  params: string[];
  world: Chat2DeskWorld;
  runtime: Chat2DeskRuntime;
  now: number;
  /** The JSON body (C13: GETs carry one too, scenarios/menu_items and clients); {} when there is none. */
  body: Record<string, unknown>;
  /** A parameter from the JSON body or, failing that, the query: A8 documents query parameters and shows bodies ([AMBIG]). */
  param(name: string): unknown;
}

export interface Route {
  method: string;
  pattern: RegExp;
  handle(ctx: RouteContext): SandboxResponse;
}

/** A3: limit 1–200 (default 20) and offset ≥ 0; anything else is the tickets' documented 400 (C3, reused). */
export function pageParams(req: SandboxRequest): { limit: number; offset: number } | SandboxResponse {
  const limitText = req.url.searchParams.get('limit');
  const offsetText = req.url.searchParams.get('offset');
  const limit = limitText === null ? 20 : Number(limitText);
  const offset = offsetText === null ? 0 : Number(offsetText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) return fieldError('limit', NUMERIC, 'unsupported_value');
  if (!Number.isInteger(offset) || offset < 0) return fieldError('offset', NUMERIC, 'invalid_filter_and_sorting_params');
  return { limit, offset };
}

/**
 * Dispatch by method and path (the path arrives without a trailing slash: C1). Every authenticated request spends
 * one of the month's API requests, free ones first (A7 api_calls).
 *   C2 [UNDOC] a wrong token: 401 in the closest documented envelope, `"errors":"Invalid API token"`.
 *   A2 [GAP] the month's requests used up: 403 `"API requests limit exceeded"` (not 429: nothing helps until the
 *   month or a package renews it, so a client must not retry).
 */
export function chat2DeskRouter(world: Chat2DeskWorld, runtime: Chat2DeskRuntime, routes: Route[]) {
  return (req: SandboxRequest): SandboxResponse => {
    const matched = routes
      .filter((route) => route.pattern.test(req.path))
      .find((route) => route.method === req.method);
    if (!matched) {
      const known = routes.some((route) => route.pattern.test(req.path));
      return known ? failure(405, 'method_not_allowed', `${req.method} is not supported here`) : failure(404, 'not_found', `Route ${req.path} not found`);
    }
    // A1: `Authorization: <token>`, raw, no scheme.
    if (req.headers.authorization !== world.apiToken) return failure(401, 'unauthorized', 'Invalid API token');
    if (!spendApiCall(world)) return failure(403, 'forbidden', 'API requests limit exceeded');

    let body: Record<string, unknown> = {};
    if (req.body.trim()) {
      try {
        const parsed: unknown = JSON.parse(req.body);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
      } catch {
        return failure(400, 'bad_request', 'Request body is not valid JSON');
      }
    }
    runtime.settle();
    const params = matched.pattern.exec(req.path)!.slice(1);
    return matched.handle({
      req,
      params,
      world,
      runtime,
      now: runtime.now(),
      body,
      param: (name) => body[name] ?? req.url.searchParams.get(name) ?? undefined,
    });
  };
}

function spendApiCall(world: Chat2DeskWorld): boolean {
  const calls = world.company.apiCalls;
  if (calls.leftFreeRequests > 0) calls.leftFreeRequests--;
  else if (calls.leftPaidRequests > 0) calls.leftPaidRequests--;
  else return false;
  calls.usedThisMonth++;
  return true;
}

/** A positive integer from a path segment, query or body value. */
export function positiveInt(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  return Number.isInteger(number) && number > 0 ? number : undefined;
}
