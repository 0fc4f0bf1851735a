import type { CallInput, CallName, CallOutput, SwitchboardApi } from '../../shared/contract';
import type { AppErrorShape } from '../../shared/errors';
import { createWebBridge } from './web-bridge';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in web mode, where the web bridge stands in. */
    switchboard?: SwitchboardApi;
  }
}

/** A failed bridge call, carrying the typed error from main so screens can word it and keep the user's input. */
export class BridgeError extends Error {
  constructor(readonly shape: AppErrorShape) {
    super(shape.message);
    this.name = 'BridgeError';
  }
  get code() {
    return this.shape.code;
  }
}

// The web bridge exists only in web-mode builds; production (Electron) builds drop it entirely.
export const api: SwitchboardApi =
  window.switchboard ?? (import.meta.env.VITE_WEB_BRIDGE === '1' ? createWebBridge() : missingBridge());

function missingBridge(): never {
  throw new Error('Switchboard bridge is missing: the preload did not run.');
}

/** Calls `namespace.method` and unwraps the result: resolves with the value or rejects with a BridgeError. */
export async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const [namespace, method] = name.split('.') as [string, string];
  const fn = (api as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>)[namespace]![method]!;
  const result = (await fn(input)) as { ok: true; value: CallOutput<K> } | { ok: false; error: AppErrorShape };
  if (!result.ok) throw new BridgeError(result.error);
  return result.value;
}
