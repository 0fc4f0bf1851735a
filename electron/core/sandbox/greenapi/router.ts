import type { SandboxRequest, SandboxResponse } from '../http-server';
import { accountMethods } from './account-methods';
import type { GreenApiEngine } from './engine';
import { journalMethods } from './journal-methods';
import { LINKED_STATES, type MethodNeeds, type MethodSpec } from './method-table';
import { notificationMethods } from './notification-methods';
import { sendingMethods } from './sending-methods';
import type { GreenApiWire } from './wire';
import type { GreenApiInstanceRecord } from './world';

/** §14.1: the doc prints some method names capitalised (SendMessage, SetSettings); they are matched without case. */
const METHODS = new Map<string, { name: string; spec: MethodSpec }>(
  Object.entries({ ...accountMethods, ...notificationMethods, ...journalMethods, ...sendingMethods }).map(([name, spec]) => [
    name.toLowerCase(),
    { name, spec },
  ]),
);

/** §5.1: the notification endpoints check their parameters themselves and say so with a 400. */
const PARAMETER_CHECKED = new Set(['receivenotification', 'deletenotification']);

export const STARTING = 'instance in starting process try later';

/**
 * GREEN-API routing (specs/greenapi.md §14.1–3): `/waInstance{idInstance}/{method}/{apiTokenInstance}[/{receiptId}]`
 * on both hosts. In order: OPTIONS 204; a wrong path or unknown idInstance 403; a wrong token 401; an unknown method
 * 404; the instance's lifecycle (deleted, expired, being created, starting, not authorized) 400; the per-second rate
 * 429 (when enforced); the Developer tariff's monthly quota 466; then the method.
 */
export function greenApiHandler(engine: GreenApiEngine, wire: GreenApiWire) {
  return (req: SandboxRequest): SandboxResponse | Promise<SandboxResponse> => {
    // §8.3: OPTIONS answers 204 No Content.
    if (req.method === 'OPTIONS') return { status: 204 };
    const match = /^\/waInstance([^/]*)\/([^/]+)(?:\/([^/]*))?(?:\/([^/]*))?$/.exec(req.path);
    if (!match) return wire.errorResponse(403);
    const [, id = '', methodName = '', token, tail] = match;
    const method = METHODS.get(methodName.toLowerCase());
    if (method && PARAMETER_CHECKED.has(methodName.toLowerCase())) {
      if (!/^\d+$/.test(id)) return wire.message(400, 'Parameter idInstance not an integer');
      if (!token) return wire.message(400, 'Parameter apiTokenInstance not define');
    }
    const instance = /^\d+$/.test(id) ? engine.find(id) : undefined;
    if (!instance) return wire.errorResponse(403);
    if (token === undefined || safeDecode(token) !== instance.apiTokenInstance) return wire.errorResponse(401);
    if (!method || method.spec.verb !== req.method) return wire.errorResponse(404);

    const refusal = lifecycleRefusal(instance, method.spec.needs);
    if (refusal) return wire.message(400, refusal);
    if (engine.world.enforceRateLimits && !engine.rates.admit(instance.idInstance, method.name, engine.now())) {
      // doc-gap: GREEN-API does not document Retry-After; one second is what its per-second limits imply.
      return wire.message(429, 'Too Many Requests', { 'Retry-After': '1' });
    }
    if (instance.tariff === 'developer') {
      const over = engine.runtime(instance).usage.invoke(method.name, engine.now());
      if (over) return wire.jsonResponse(466, over.body);
    }
    return method.spec.handle({ engine, wire, instance, req, tail });
  };
}

/** §8.3 lifecycle identifiers: what an instance in this state answers a method with these needs. */
export function lifecycleRefusal(instance: GreenApiInstanceRecord, needs: MethodNeeds): string | undefined {
  if (instance.lifecycle === 'deleted') return 'Instance is deleted';
  if (instance.lifecycle === 'expired') return 'Instance account is expired. Renew your instance from personal area';
  if (needs === 'any') return undefined;
  if (instance.state === null) return STARTING;
  if (needs === 'created') return undefined;
  if (instance.state === 'starting') return STARTING;
  if (needs === 'linked' && !LINKED_STATES.has(instance.state)) return 'instance is starting or not authorized';
  return undefined;
}

/** A path segment decoded, or undefined when it is not valid percent-encoding. */
export function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
