import type { z } from 'zod';
import type { ErrorCode } from '../../../../shared/errors';
import { AppError } from '../../app-error';
import type { Logger } from '../../log';
import type { Redactor } from '../../redactor';
import { parseBody, receiveBody, looksTruncatedJson } from './body';
import { ConnectionWatch } from './connection-watch';
import type { ParsedBody, ProviderDialect } from './dialect';
import {
  afterLostAnswer,
  errorFromNetwork,
  errorFromSchema,
  errorFromStatus,
  errorFromSuccessBody,
  providerError,
  type CallContext,
} from './error-mapping';
import { proxyRouteFor, type ProxyRoute, type ProxySource } from './proxy';
import { RETRYABLE_STATUSES, attemptsAllowed, backoffDelay, parseRetryAfter, retryPolicy, type RetryOptions } from './retry';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

export const DEFAULT_TIMEOUT_MS = 15_000;

export interface HttpJsonRequest<S extends z.ZodType | undefined = undefined> {
  /** The provider's wire knowledge: its name for messages and how to read its error bodies. */
  dialect: ProviderDialect;
  /** Stable id for details and logs, e.g. `getStateInstance`. */
  operation: string;
  /** English phrase for messages, e.g. "reading the instance state". */
  action: string;
  /** What a 401 rejected, e.g. "instance token" or "developer api_key". */
  credential?: string;
  /** One short next step per error code, appended to the message. */
  hints?: Partial<Record<ErrorCode, string>>;
  method: HttpMethod;
  url: string;
  /** Appended to `url`; arrays repeat the key as given (name it `types[]` when the provider wants brackets). */
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  /** Serialised as JSON, except a FormData, which is sent as multipart/form-data (uploads). */
  body?: unknown;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Reads are idempotent and may be retried; writes never are. */
  idempotent: boolean;
  redactor: Redactor;
  /** Registered in the redactor before anything is sent, so no message or log line can carry them. */
  secrets?: readonly (string | undefined)[];
  /** The wire schema of a 2xx body. */
  parse?: S;
  retry?: RetryOptions;
  logger?: Logger;
  /** Default: the environment (HTTPS_PROXY, HTTP_PROXY, NO_PROXY); loopback goes direct unless the setting says `<-loopback>`. */
  proxy?: ProxySource;
}

export interface HttpJsonResponse<T> {
  status: number;
  headers: Headers;
  data: T;
  /** How many attempts it took (1 unless a read was retried). */
  attempts: number;
}

/** What one exchange needs: a request without the retry policy and the success schema. */
export type HttpExchangeRequest = Omit<HttpJsonRequest<undefined>, 'parse' | 'retry' | 'idempotent'>;

type Outcome = { ok: true; response: HttpJsonResponse<unknown> } | { ok: false; error: AppError; retryable: boolean };

/**
 * One JSON call to a provider over global fetch: timeout and cancellation, retries with backoff for reads, and
 * every failure turned into an AppError with a specific code and a message naming provider, action and host.
 * URLs never reach a message or a log line, because GREEN-API puts its token in the path.
 */
export async function httpJson<S extends z.ZodType>(request: HttpJsonRequest<S> & { parse: S }): Promise<HttpJsonResponse<z.output<S>>>;
export async function httpJson(request: HttpJsonRequest<undefined>): Promise<HttpJsonResponse<unknown>>;
export async function httpJson(request: HttpJsonRequest<z.ZodType | undefined>): Promise<HttpJsonResponse<unknown>> {
  const { url, ctx, route } = prepare(request, !request.idempotent);
  const policy = retryPolicy(request.retry);
  const log = request.logger;
  const logFields = { provider: request.dialect.provider, operation: request.operation, method: request.method, host: url.host, ...viaProxy(route) };

  for (let attempt = 1; ; attempt++) {
    if (request.signal?.aborted) throw errorFromNetwork(ctx, request.signal.reason, 'cancelled');
    const started = performance.now();
    const outcome = await attemptOnce(request, url, ctx, route, attempt, policy.now);
    const ms = Math.round(performance.now() - started);
    if (outcome.ok) {
      log?.debug('provider call', { ...logFields, attempt, status: outcome.response.status, ms });
      return outcome.response;
    }
    const { error } = outcome;
    log?.warn('provider call failed', { ...logFields, attempt, ms, code: error.code, status: error.details.status });
    const allowed = request.idempotent ? attemptsAllowed(policy, error.details.status, outcome.retryable) : 1;
    if (attempt >= allowed) throw error;

    const retryAfter = error.details.retryAfterSeconds;
    if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterSeconds) throw error;
    const delay = retryAfter !== undefined ? retryAfter * 1000 : backoffDelay(policy, attempt);
    try {
      await policy.sleep(delay, request.signal);
    } catch (reason) {
      throw errorFromNetwork(ctx, reason, 'cancelled');
    }
  }
}

async function attemptOnce(
  request: HttpJsonRequest<z.ZodType | undefined>,
  url: URL,
  ctx: CallContext,
  route: ProxyRoute | undefined,
  attempt: number,
  now: () => number,
): Promise<Outcome> {
  const exchange = await exchangeOnce(request, url, ctx, route);
  if (!exchange.ok) return exchange;
  const fail = (error: AppError): Outcome => ({ ok: false, error, retryable: retryable(error) });
  const { status, headers, body: parsed } = exchange;
  if (status < 200 || status >= 300 || request.dialect.failedDespiteSuccess?.(parsed)) {
    const retryAfter = status === 429 || status === 503 ? parseRetryAfter(headers.get('retry-after'), now()) : undefined;
    return fail(errorFromStatus(ctx, status, parsed, retryAfter));
  }
  if (parsed.kind !== 'json' && parsed.kind !== 'empty') return fail(errorFromSuccessBody(ctx, status, parsed));

  const value = parsed.kind === 'json' ? parsed.value : undefined;
  let data: unknown = value;
  if (request.parse) {
    const result = request.parse.safeParse(value);
    if (!result.success) return fail(errorFromSchema(ctx, status, result.error.issues));
    data = result.data;
  }
  return { ok: true, response: { status, headers, data, attempts: attempt } };
}

type Exchange = { ok: true; status: number; headers: Headers; body: ParsedBody } | { ok: false; error: AppError; retryable: boolean };

/** One request and its whole body, whatever the status; only a failure to get an answer is an error. */
async function exchangeOnce(
  request: HttpExchangeRequest,
  url: URL,
  ctx: CallContext,
  route: ProxyRoute | undefined,
): Promise<Exchange> {
  const controller = new AbortController();
  let abortedBy: 'timeout' | 'cancelled' | undefined;
  const timer = setTimeout(() => {
    abortedBy ??= 'timeout';
    controller.abort();
  }, ctx.timeoutMs);
  const onAbort = () => {
    abortedBy ??= 'cancelled';
    controller.abort();
  };
  request.signal?.addEventListener('abort', onAbort, { once: true });
  const fail = (error: AppError): Exchange => ({ ok: false, error, retryable: retryable(error) });

  try {
    const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
    let body: string | FormData | undefined;
    // A form (an upload) goes as multipart with the boundary fetch writes; anything else is serialised as JSON.
    if (request.body instanceof FormData) body = request.body;
    else if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['Content-Type'] ??= 'application/json';
    }
    // Whether the request reached an open connection: a timeout before that means it never left this machine.
    const watch = new ConnectionWatch(route?.dispatcher);
    let response: Response;
    try {
      response = await fetch(url, {
        method: request.method,
        headers,
        body,
        signal: controller.signal,
        // An API call that redirects is misconfigured; following it could carry a path token to another host.
        redirect: 'manual',
        // Node's fetch takes an undici dispatcher; lib.dom's RequestInit does not know the field.
        ...({ dispatcher: watch } as object),
      });
    } catch (error) {
      return fail(errorFromNetwork(ctx, error, abortedBy, watch.sent));
    }

    const received = await receiveBody(response);
    if (received.error) {
      if (abortedBy) return fail(errorFromNetwork(ctx, received.error, abortedBy));
      // The connection broke mid-body. If what arrived opens a JSON document, say the reply was cut off.
      if (looksTruncatedJson(received.text)) {
        const error = providerError(
          ctx,
          'truncated_json',
          `${ctx.dialect.displayName}'s reply was cut off before the end while ${ctx.action} on ${ctx.host}: the connection closed mid-reply. ${afterLostAnswer(ctx, 'truncated_json')}`,
          { status: response.status },
        );
        return { ok: false, error, retryable: true };
      }
      return fail(errorFromNetwork(ctx, received.error));
    }
    return { ok: true, status: response.status, headers: response.headers, body: parseBody(received.text, response.headers.get('content-type')) };
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * The URL, the error context and the proxy route of a request; every secret is registered before anything else.
 * `write`: the request changes something at the provider (see CallContext.write).
 */
function prepare(request: HttpExchangeRequest, write: boolean): { url: URL; ctx: CallContext; route: ProxyRoute | undefined } {
  for (const secret of request.secrets ?? []) {
    if (secret) {
      request.redactor.add(secret);
      request.redactor.add(encodeURIComponent(secret));
    }
  }
  const invalid = (message: string) =>
    new AppError('invalid_input', message, { provider: request.dialect.provider, operation: request.operation });
  let url: URL;
  try {
    url = buildUrl(request.url, request.query);
  } catch {
    throw invalid(`The ${request.dialect.displayName} address is not a valid URL (${request.action}).`);
  }
  let route: ProxyRoute | undefined;
  try {
    route = proxyRouteFor(url, request.proxy);
  } catch (error) {
    throw error instanceof AppError ? invalid(`${error.message} (${request.dialect.displayName}, ${request.action})`) : error;
  }
  for (const secret of route?.secrets ?? []) request.redactor.add(secret);
  const ctx: CallContext = {
    dialect: request.dialect,
    operation: request.operation,
    action: request.action,
    host: url.host,
    credential: request.credential,
    hints: request.hints,
    redactor: request.redactor,
    timeoutMs: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    proxy: route?.display,
    write,
  };
  return { url, ctx, route };
}

const viaProxy = (route: ProxyRoute | undefined) => (route ? { proxy: route.display } : {});

export interface HttpExchange {
  status: number;
  headers: Headers;
  body: ParsedBody;
  /** From sending the request to the end of the body. */
  latencyMs: number;
}

/**
 * One request whose answer is returned whatever its status (a request workbench shows a 404 as it came). Same
 * timeout, cancellation, proxy, redaction and network-error mapping as httpJson, but a single attempt: the person
 * at the workbench decides whether to send again.
 */
export async function httpExchange(request: HttpExchangeRequest): Promise<HttpExchange> {
  // No idempotency flag here: anything but a GET may have changed something at the provider.
  const { url, ctx, route } = prepare(request, request.method !== 'GET');
  const logFields = { provider: request.dialect.provider, operation: request.operation, method: request.method, host: url.host, ...viaProxy(route) };
  if (request.signal?.aborted) throw errorFromNetwork(ctx, request.signal.reason, 'cancelled');
  const started = performance.now();
  const exchange = await exchangeOnce(request, url, ctx, route);
  const latencyMs = Math.round(performance.now() - started);
  if (!exchange.ok) {
    request.logger?.warn('provider call failed', { ...logFields, ms: latencyMs, code: exchange.error.code });
    throw exchange.error;
  }
  request.logger?.debug('provider call', { ...logFields, status: exchange.status, ms: latencyMs });
  return { status: exchange.status, headers: exchange.headers, body: exchange.body, latencyMs };
}

function retryable(error: AppError): boolean {
  if (error.code === 'timeout' || error.code === 'connection_reset') return true;
  const status = error.details.status;
  return status !== undefined && RETRYABLE_STATUSES.has(status);
}

/** `base` + `path`, tolerating a trailing slash on the base (the account schemas strip it; other callers may not). */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

export function buildUrl(base: string, query?: Record<string, QueryValue>): URL {
  const url = new URL(base);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(key, String(item));
    else url.searchParams.append(key, String(value));
  }
  return url;
}
