import { AppError } from '../../app-error';

/**
 * The customer id inside a client token (spec §4.5: `{"alg":"HS256"}` over `{"customer_id":<int>,"datetime":<unix>}`).
 * The WhatsApp QR room is `room:v1:whats_app:auth:<customer_id>` (§4.1), and the docs say to read the id from the
 * JWT.
 *
 * The signature is deliberately not checked: HS256 is keyed by the platform's own secret, which a client never
 * has, so a check here is impossible; the platform verifies the token on every call anyway, so a forged token
 * gains nothing but a 401. Reading the claim only tells the console which room to join.
 */
export function customerIdFromToken(token: string, providerName = 'Chategy/Jetapi'): number {
  const payload = token.split('.')[1];
  const claim = payload === undefined ? undefined : readCustomerId(payload);
  if (claim === undefined) {
    throw new AppError(
      'invalid_input',
      `The ${providerName} client token is not a JWT with a customer_id claim, so the customer id cannot be read from it. Copy the token again from the personal account or the instance list.`,
      { provider: 'chatpush', operation: 'customerIdFromToken' },
    );
  }
  return claim;
}

function readCustomerId(payload: string): number | undefined {
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { customer_id?: unknown };
    const id = claims.customer_id;
    // §4.5 shows an integer; a digit string is accepted too (tolerant on input).
    if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return id;
    if (typeof id === 'string' && /^\d+$/.test(id)) return Number(id);
    return undefined;
  } catch {
    return undefined;
  }
}
