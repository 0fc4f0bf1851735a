import { createHmac } from 'node:crypto';

/** One request parameter as the client sends it; arrays are the `name[]` parameters. */
export type ChecksumValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

/**
 * Spec §6.8, the documented Ruby: `params.keys.sort.map { |e| params[e] }.join`, then
 * `OpenSSL::HMAC.hexdigest('sha256', idempotency_key, params_string)`.
 *
 * Readings chosen where the document is silent (§6.8 "Not documented: which parameters (arrays?) are included"):
 * - the parameters are exactly the ones sent (absent, null and undefined values are not sent, so not included);
 * - keys are the server-side names: `dispatch_routing[]` arrives in Rails `params` as `dispatch_routing`, so the
 *   `[]` is dropped before sorting;
 * - an array contributes its elements in order with no separator, because Ruby's `Array#join` flattens nested
 *   arrays (`[["whatsapp", "sms"], "text"].join == "whatsappsmstext"`);
 * - booleans and numbers as Ruby's `to_s` writes them (`true`, `100`).
 */
export function checksumSource(params: Record<string, ChecksumValue>): string {
  const grouped = new Map<string, string[]>();
  for (const [rawKey, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    const key = rawKey.endsWith('[]') ? rawKey.slice(0, -2) : rawKey;
    const list = grouped.get(key) ?? [];
    if (Array.isArray(value)) list.push(...value.map(String));
    else list.push(String(value));
    grouped.set(key, list);
  }
  // Ruby sorts strings bytewise; for the ASCII parameter names used here that is JavaScript's default order.
  return [...grouped.keys()]
    .sort()
    .map((key) => grouped.get(key)!.join(''))
    .join('');
}

/** The `checksum` header value: hex HMAC-SHA256 of the joined values, keyed by the idempotency key. */
export function idempotencyChecksum(params: Record<string, ChecksumValue>, idempotencyKey: string): string {
  return createHmac('sha256', idempotencyKey).update(checksumSource(params), 'utf8').digest('hex');
}
