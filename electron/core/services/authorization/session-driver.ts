import type { TelegramCommandName } from '../../../../shared/auth';

/**
 * One running authorization: it drives a provider's session and reports through its SessionChannel. The
 * registry starts it, stops it, and routes the method-specific calls to the drivers that have them.
 */
export interface SessionDriver {
  start(): void;
  /** Closes every provider connection; nothing is reported afterwards. */
  stop(): Promise<void>;
  /** A new code after the scan window closed, or a fresh start after a failure. */
  renew(): Promise<void>;
  /** Chategy/Jetapi QR: delete_container_session, then a new session. */
  interrupt?(): Promise<void>;
  /** GREEN-API pairing code for this phone (digits only). */
  requestCode?(phone: string): Promise<void>;
  /** Telegram TDLib login steps. */
  command?(command: TelegramCommandName, value: string | undefined): Promise<void>;
}

/** How drivers wait; tests pass one that does not. */
export type Wait = (ms: number, signal: AbortSignal) => Promise<void>;

export const realWait: Wait = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
