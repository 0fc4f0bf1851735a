import type { SandboxRequest, SandboxResponse } from '../http-server';
import { verifyChatpushJwt } from '../jwt';
import type { ChatpushEngine } from './engine';
import { customerRateLimited } from './rate-limit';
import { notAuthorized, notFound } from './wire';
import { instanceByToken, type ChatpushInstanceRecord, type ChatpushWorld } from './world';

/** Rails-style query parameters: `name[]` collects an array under `name` (§2 Update, §5.1, §6.1). */
export class Params {
  private readonly values = new Map<string, string[]>();

  constructor(search: URLSearchParams) {
    for (const [rawKey, value] of search) {
      const key = rawKey.endsWith('[]') ? rawKey.slice(0, -2) : rawKey;
      this.values.set(key, [...(this.values.get(key) ?? []), value]);
    }
  }

  /** The last value of a scalar parameter, or undefined when absent. */
  text(name: string): string | undefined {
    return this.values.get(name)?.at(-1);
  }

  /** A present, non-blank value, or null. */
  filled(name: string): string | null {
    const value = this.text(name)?.trim();
    return value ? value : null;
  }

  /** Every value of an array parameter, blanks dropped (`types[]=` sends one empty value). */
  list(name: string): string[] {
    return (this.values.get(name) ?? []).filter((value) => value.trim() !== '');
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  /** Key → values, for the checksum (§6.8). */
  entries(): [string, string[]][] {
    return [...this.values.entries()];
  }
}

export interface RouteContext {
  req: SandboxRequest;
  /** The pattern's capture groups. */
  params: string[];
  query: Params;
  world: ChatpushWorld;
  engine: ChatpushEngine;
  now: number;
}

export interface CustomerContext extends RouteContext {
  customer: ChatpushInstanceRecord;
}

export type Route =
  | { method: string; pattern: RegExp; auth: 'developer' | 'none'; handle(ctx: RouteContext): SandboxResponse | Promise<SandboxResponse> }
  | { method: string; pattern: RegExp; auth: 'customer'; handle(ctx: CustomerContext): SandboxResponse | Promise<SandboxResponse> };

/** §1.1: `Authorization: Bearer <jwt>`. */
export function bearerToken(req: SandboxRequest): string | undefined {
  return /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
}

/** §1.1: a JWT the platform issued (our signature) to an instance that still exists. */
function customerFor(world: ChatpushWorld, req: SandboxRequest): ChatpushInstanceRecord | undefined {
  const token = bearerToken(req);
  if (!token) return undefined;
  const claims = verifyChatpushJwt(token, world.jwtSecret);
  if (!claims) return undefined;
  const instance = instanceByToken(world, token);
  return instance?.customerId === claims.customer_id ? instance : undefined;
}

/**
 * Dispatches by method and path (the path has no trailing slash: §9.1 tolerates one). Before anything, the engine
 * settles, so what a request sees includes everything due by the sandbox clock. §9.2 auth: the developer api_key
 * travels raw (with "Bearer" it is refused); its 401 body is undocumented and the Bearer one is reused.
 */
export function chatpushRouter(world: ChatpushWorld, engine: ChatpushEngine, routes: Route[]) {
  return async (req: SandboxRequest): Promise<SandboxResponse> => {
    engine.settle();
    for (const route of routes) {
      if (route.method !== req.method) continue;
      const match = route.pattern.exec(req.path);
      if (!match) continue;
      const ctx: RouteContext = { req, params: match.slice(1), query: new Params(req.url.searchParams), world, engine, now: engine.now() };
      if (route.auth === 'developer' && req.headers.authorization !== world.apiKey) return notAuthorized();
      if (route.auth === 'customer') {
        const customer = customerFor(world, req);
        if (!customer) return notAuthorized();
        return customerRateLimited(world, customer.customerId, ctx.now) ?? route.handle({ ...ctx, customer });
      }
      return route.handle(ctx);
    }
    return notFound();
  };
}
