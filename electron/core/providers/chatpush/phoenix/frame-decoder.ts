/**
 * phoenix.js's `decode` option, tolerant of what the Chategy/Jetapi documents show (spec §4.1, §4.2):
 * - refs as integers (`[1,1,"room:…","phx_reply",…]`) as well as strings: phoenix.js compares join refs with
 *   `!==`, so an integer join_ref would make it drop every push; refs are turned into strings;
 * - the legacy reply body `{"reply":{},"status":"ok"}` as well as `{"response":{},"status":"ok"}`;
 * - the legacy topic prefixes `number:v1:` and `number:version 1:` (machine translations of `room:v1:`);
 * - serializer v1 objects (`{topic, event, payload, ref, join_ref}`) besides v2 arrays.
 * Anything else (binary frames, broken JSON) yields null and is dropped instead of throwing inside phoenix.js.
 */
export interface PhoenixMessage {
  join_ref: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: unknown;
}

const refText = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : null;

export function decodeFrame(raw: unknown): PhoenixMessage | null {
  if (typeof raw !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  let fields: unknown[];
  if (Array.isArray(value) && value.length === 5) fields = value;
  else if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v1 = value as Record<string, unknown>;
    fields = [v1.join_ref, v1.ref, v1.topic, v1.event, v1.payload];
  } else return null;

  const [joinRef, ref, topic, event, payload] = fields;
  if (typeof topic !== 'string' || typeof event !== 'string') return null;
  return {
    join_ref: refText(joinRef),
    ref: refText(ref),
    topic: topic.trim().replace(/^number:(?:v|version )1:/, 'room:v1:'),
    event,
    payload: event === 'phx_reply' ? replyPayload(payload) : (payload ?? {}),
  };
}

function replyPayload(payload: unknown): unknown {
  if (!payload || typeof payload !== 'object') return { status: 'error', response: {} };
  const reply = payload as { status?: unknown; response?: unknown; reply?: unknown };
  if (reply.response === undefined && reply.reply !== undefined) return { status: reply.status, response: reply.reply };
  return { status: reply.status, response: reply.response ?? {} };
}
