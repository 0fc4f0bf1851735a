import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures (spec A6, since 2025-06-06): `X-Signature` = lowercase hex HMAC-SHA256 over
 * `raw_body + X-Timestamp` (plain concatenation, body first), keyed with "your API token, hashed with MD5";
 * `X-Timestamp` = unix seconds.
 *
 * [AMBIG] A6: the form of the MD5 is not stated. The examples pass a string key, so the key is the MD5 as a
 * lowercase hex string; that is what Switchboard (and the sandbox) signs with. On input the upper-case hex and the
 * raw 16 bytes are accepted too, since all three come from the token and only its holder can produce them.
 */

export const SIGNATURE_HEADER = 'X-Signature';
export const TIMESTAMP_HEADER = 'X-Timestamp';

/** MD5 of the API token, lowercase hex: the HMAC key. */
export function chat2DeskSigningKey(apiToken: string): string {
  return createHash('md5').update(apiToken, 'utf8').digest('hex');
}

/** The signature of one delivery. `key` is the HMAC key itself (see chat2DeskSigningKey). */
export function signChat2DeskPayload(key: string | Buffer, rawBody: string | Buffer, timestamp: string | number): string {
  return createHmac('sha256', key).update(rawBody).update(String(timestamp), 'utf8').digest('hex');
}

/** The headers Chat2Desk sends with a delivery signed now. */
export function chat2DeskSignatureHeaders(apiToken: string, rawBody: string, unixSeconds: number): Record<string, string> {
  const timestamp = String(Math.floor(unixSeconds));
  return { [SIGNATURE_HEADER]: signChat2DeskPayload(chat2DeskSigningKey(apiToken), rawBody, timestamp), [TIMESTAMP_HEADER]: timestamp };
}

export type SignatureCheck =
  | { valid: true }
  | { valid: false; reason: 'missing_headers' | 'bad_timestamp' | 'too_old' | 'mismatch' };

/**
 * Checks a received delivery against the API token. The body must be the raw bytes as received: re-serialised JSON
 * changes the signature. No replay window is documented, and A6 does not say whether retries (up to 2 h later)
 * are signed again, so the age check is off unless `maxAgeSeconds` is given.
 */
export function verifyChat2DeskSignature(input: {
  apiToken: string;
  rawBody: string | Buffer;
  signature: string | null | undefined;
  timestamp: string | null | undefined;
  maxAgeSeconds?: number;
  nowSeconds?: number;
}): SignatureCheck {
  const { signature, timestamp } = input;
  if (!signature || !timestamp) return { valid: false, reason: 'missing_headers' };
  if (!/^\d{1,12}$/.test(timestamp.trim())) return { valid: false, reason: 'bad_timestamp' };
  if (input.maxAgeSeconds !== undefined) {
    const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
    if (Math.abs(now - Number(timestamp)) > input.maxAgeSeconds) return { valid: false, reason: 'too_old' };
  }
  const received = Buffer.from(signature.trim().toLowerCase(), 'utf8');
  const hexKey = chat2DeskSigningKey(input.apiToken);
  const keys: (string | Buffer)[] = [hexKey, hexKey.toUpperCase(), Buffer.from(hexKey, 'hex')];
  const matches = keys.some((key) => {
    const expected = Buffer.from(signChat2DeskPayload(key, input.rawBody, timestamp.trim()), 'utf8');
    return expected.length === received.length && timingSafeEqual(expected, received);
  });
  return matches ? { valid: true } : { valid: false, reason: 'mismatch' };
}
