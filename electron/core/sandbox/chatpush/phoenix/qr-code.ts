import { createHmac } from 'node:crypto';
import type { PhoenixTimings, QrRoom } from './socket-world';

/**
 * §4.1: `qr_code` is `2@` followed by 4 comma-separated base64 segments. The documented example decodes to
 * 58, 32, 32 and 32 bytes (a server ref and three 32-byte keys), so the sandbox issues the same sizes. The bytes
 * are an HMAC of the world's secret, the customer and the code's serial: the same seed gives the same codes.
 */
const SEGMENT_BYTES = [58, 32, 32, 32];

function derivedBytes(secret: string, label: string, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0; blocks.length * 32 < length; i++) blocks.push(createHmac('sha256', secret).update(`${label}:${i}`).digest());
  return Buffer.concat(blocks).subarray(0, length);
}

export function qrCodeFor(secret: string, customerId: number, serial: number): string {
  const bytes = derivedBytes(secret, `qr:${customerId}:${serial}`, SEGMENT_BYTES.reduce((a, b) => a + b, 0));
  const segments: string[] = [];
  let offset = 0;
  for (const size of SEGMENT_BYTES) {
    segments.push(bytes.subarray(offset, offset + size).toString('base64'));
    offset += size;
  }
  return `2@${segments.join(',')}`;
}

/**
 * The room's code at sandbox time `now`: a new one once the current one has lived its 30–40 s (§4.1). A clock
 * jump of any size gives exactly one new code, as a real QR container would only show the latest one.
 */
export function rotateQr(room: QrRoom, now: number, secret: string, customerId: number, timings: PhoenixTimings): string {
  if (room.code === null || now >= room.expiresAt) {
    room.serial += 1;
    room.code = qrCodeFor(secret, customerId, room.serial);
    const spread = Math.max(0, timings.qrLifetimeMaxMs - timings.qrLifetimeMinMs);
    const draw = derivedBytes(secret, `qr-life:${customerId}:${room.serial}`, 4).readUInt32BE(0);
    room.expiresAt = now + timings.qrLifetimeMinMs + (spread === 0 ? 0 : draw % (spread + 1));
  }
  return room.code;
}
