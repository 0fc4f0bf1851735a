import { createHmac } from 'node:crypto';

/**
 * Chategy/Jetapi client tokens (specs/chatpush-chategy-jetapi.md §4.5, §9.6): header exactly `{"alg":"HS256"}`
 * (no `typ`), payload `{"customer_id":<int>,"datetime":<unix s>}`, HS256 over the sandbox secret. The claim
 * equals the instance's customer_id, because the console derives the WhatsApp room from it.
 */
export function signChatpushJwt(payload: { customer_id: number; datetime: number }, secret: string): string {
  const header = base64url(JSON.stringify({ alg: 'HS256' }));
  const body = base64url(JSON.stringify({ customer_id: payload.customer_id, datetime: payload.datetime }));
  const signature = createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${signature}`;
}

/** The payload when the signature is ours, else null. */
export function verifyChatpushJwt(token: string, secret: string): { customer_id: number; datetime: number } | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header, body, signature] = parts as [string, string, string];
  const expected = createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
  if (expected !== signature) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof payload.customer_id !== 'number' || typeof payload.datetime !== 'number') return null;
    return { customer_id: payload.customer_id, datetime: payload.datetime };
  } catch {
    return null;
  }
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
