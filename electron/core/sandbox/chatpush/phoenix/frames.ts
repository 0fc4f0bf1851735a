import { sortedJson } from '../../sorted-json';

/**
 * Phoenix serializer v2 (`vsn=2.0.0`) as §4.1 documents it: every frame is `[join_ref, ref, topic, event, payload]`.
 * The docs say the two refs "can be anything" and show strings from the client but integers from the server;
 * real Phoenix echoes whatever the client sent, and so does the sandbox.
 */
export type Ref = string | number | null;

export interface ClientFrame {
  joinRef: Ref;
  ref: Ref;
  topic: string;
  event: string;
  payload: Record<string, unknown>;
}

const isRef = (value: unknown): value is Ref => value === null || typeof value === 'string' || typeof value === 'number';

/** A client frame, or null when the text is not a v2 frame (it is then ignored). */
export function parseClientFrame(text: string): ClientFrame | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 5) return null;
  const [joinRef, ref, topic, event, payload] = value as unknown[];
  if (!isRef(joinRef) || !isRef(ref) || typeof topic !== 'string' || typeof event !== 'string') return null;
  const body = payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {};
  return { joinRef, ref, topic, event, payload: body };
}

/** Compact JSON with sorted keys, like the platform's REST bodies (§1.4): `{"response":{},"status":"ok"}`. */
export function encodeFrame(joinRef: Ref, ref: Ref, topic: string, event: string, payload: unknown): string {
  return sortedJson([joinRef, ref, topic, event, payload]);
}

export interface Reply {
  status: 'ok' | 'error';
  response: Record<string, unknown>;
}

export const ok = (response: Record<string, unknown> = {}): Reply => ({ status: 'ok', response });
export const refused = (reason: string): Reply => ({ status: 'error', response: { reason } });

/** §4.2 "Invalid phone": the REST 422 meta inside an error reply. */
export function unprocessable(errors: Record<string, string[]>): Reply {
  return {
    status: 'error',
    response: { meta: { code: 422, errors, message: 'Unprocessable Entity', status: 'fail', status_id: null } },
  };
}
