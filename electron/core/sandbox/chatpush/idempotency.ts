import { idempotencyChecksum } from '../../providers/chatpush/checksum';
import type { SandboxResponse } from '../http-server';
import type { CustomerContext } from './router';
import { failure } from './wire';

/**
 * §6.8 on the server side: with a `checksum` header, the request's parameters must hash (HMAC-SHA256 keyed by the
 * customer's idempotency key, values joined in key order) to it, else 400 "Invalid checksum"; a checksum already
 * received within the window gets 409. It is remembered only once the request succeeded, so a corrected retry of
 * a refused send is not a "duplicate". Without the header nothing is checked (the header is optional).
 */
export async function withIdempotency(
  ctx: CustomerContext,
  handle: () => SandboxResponse | Promise<SandboxResponse>,
): Promise<SandboxResponse> {
  const header = ctx.req.headers.checksum;
  const sent = Array.isArray(header) ? header[0] : header;
  if (!sent) return handle();
  const { world, customer, now } = ctx;
  const params = Object.fromEntries(ctx.query.entries());
  const expected = idempotencyChecksum(params, customer.idempotencyKey);
  if (sent.toLowerCase() !== expected) return failure(400, 'Invalid checksum');
  const since = now - world.settings.checksumWindowMs;
  world.receivedChecksums = world.receivedChecksums.filter((entry) => entry.at >= since);
  if (world.receivedChecksums.some((entry) => entry.customerId === customer.customerId && entry.checksum === expected)) {
    return failure(409, 'Request with current params has already been received');
  }
  const answer = await handle();
  if (answer.status === 200) world.receivedChecksums.push({ customerId: customer.customerId, checksum: expected, at: now });
  return answer;
}
