import type { Logger } from '../../log';
import type { Redactor } from '../../redactor';
import type { ProxySource } from './proxy';
import type { RetryOptions } from './retry';

/** What every provider client needs from its caller, besides credentials and hosts. */
export interface TransportOptions {
  redactor: Redactor;
  /** Per attempt (default 15 s). */
  timeoutMs?: number;
  /** Cancels every call made through the client. */
  signal?: AbortSignal;
  retry?: RetryOptions;
  logger?: Logger;
  /** The app's proxy setting, read on every call; without it the environment decides (HTTPS_PROXY, HTTP_PROXY, NO_PROXY). */
  proxy?: ProxySource;
}

/** Per-call options; a call's signal overrides the client's. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** The transport fields of an httpJson request, with the call's signal taking precedence. */
export function transportFields(transport: TransportOptions, call: CallOptions = {}) {
  return {
    redactor: transport.redactor,
    timeoutMs: transport.timeoutMs,
    signal: call.signal ?? transport.signal,
    retry: transport.retry,
    logger: transport.logger,
    proxy: transport.proxy,
  };
}
