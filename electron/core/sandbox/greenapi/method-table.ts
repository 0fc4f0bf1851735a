import type { SandboxRequest, SandboxResponse } from '../http-server';
import type { GreenApiEngine } from './engine';
import { parseJsonBody } from './validation';
import type { GreenApiWire } from './wire';
import type { GreenApiInstanceRecord, GreenApiStateValue } from './world';

export interface MethodContext {
  engine: GreenApiEngine;
  wire: GreenApiWire;
  instance: GreenApiInstanceRecord;
  req: SandboxRequest;
  /** The path segment after the token: deleteNotification's receiptId (§5.1). */
  tail: string | undefined;
}

/**
 * What a method needs of the instance before it runs (§8.3 lifecycle errors):
 * - `any`: answers even while the instance is being created (getStateInstance's `null`);
 * - `created`: anything but the creation window;
 * - `idle`: created and not starting (QR and pairing code: "instance in starting process try later");
 * - `linked`: a WhatsApp account is linked ("instance is starting or not authorized" otherwise).
 */
export type MethodNeeds = 'any' | 'created' | 'idle' | 'linked';

export interface MethodSpec {
  verb: 'GET' | 'POST' | 'DELETE';
  needs: MethodNeeds;
  handle(context: MethodContext): SandboxResponse | Promise<SandboxResponse>;
}

/** States in which a WhatsApp account is linked to the instance. */
export const LINKED_STATES: ReadonlySet<GreenApiStateValue> = new Set(['authorized', 'yellowCard', 'sleepMode']);

/** §7: "JSON bodies over 100 KB: 500 request entity too large". */
const MAX_JSON_BYTES = 100 * 1024;

/** The request's JSON body, or the documented error answer (§8.3). */
export function readJson(context: MethodContext): { value: unknown } | { response: SandboxResponse } {
  const { req, wire } = context;
  if (Buffer.byteLength(req.body) > MAX_JSON_BYTES) return { response: wire.message(500, 'request entity too large') };
  const parsed = parseJsonBody(req.body);
  return parsed.ok ? { value: parsed.value } : { response: wire.message(400, parsed.message) };
}
