import { z } from 'zod';

/** §2.7: the one documented `error` message; it means "call logout, then scan again". */
export const STALE_AUTH_MESSAGE = 'Instance has auth. You need to make log out';

/**
 * §2.7 (HTTP qr) and §2.8 (scanqrcode websocket) share the `{type, message}` frame. Types: qrCode (a base64 PNG),
 * error, alreadyLogged, timeout (100 s without a scan), accountData (payload not documented: kept raw). Anything else
 * is surfaced as `unknown` rather than dropped.
 */
export const QrFrameSchema = z.object({ type: z.string(), message: z.unknown().optional() }).transform((frame): GreenApiQrFrame => {
  const text = typeof frame.message === 'string' ? frame.message : '';
  switch (frame.type) {
    case 'qrCode':
      // The doc shows `data:image/png;base64, {message}` with a space; a data URL must not have it.
      return { type: 'qrCode', image: text, dataUrl: `data:image/png;base64,${text}` };
    case 'alreadyLogged':
      return { type: 'alreadyLogged', message: text };
    case 'timeout':
      return { type: 'timeout', message: text };
    case 'error':
      return { type: 'error', message: text, needsLogout: text.trim() === STALE_AUTH_MESSAGE };
    case 'accountData':
      return { type: 'accountData', account: accountOf(frame.message) };
    default:
      return { type: 'unknown', wireType: frame.type, message: frame.message };
  }
});

export type GreenApiQrFrame =
  | { type: 'qrCode'; image: string; dataUrl: string }
  | { type: 'alreadyLogged'; message: string }
  | { type: 'timeout'; message: string }
  | { type: 'error'; message: string; needsLogout: boolean }
  /** §2.8 [NOT IN DOC] the payload: an object or a JSON string is read for `wid`/`phone`, the rest kept raw. */
  | { type: 'accountData'; account: { wid: string | null; phone: string | null; raw: unknown } }
  | { type: 'unknown'; wireType: string; message: unknown };

function accountOf(message: unknown): { wid: string | null; phone: string | null; raw: unknown } {
  let value = message;
  if (typeof message === 'string') {
    try {
      value = JSON.parse(message);
    } catch {
      value = message;
    }
  }
  const record = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const text = (key: string) => (typeof record[key] === 'string' && record[key] ? (record[key] as string) : null);
  return { wid: text('wid'), phone: text('phone'), raw: message };
}
