import { STATUS_CODES } from 'node:http';
import { errorReason } from '../../../../shared/error-reasons';
import type { ErrorCode, FieldIssue } from '../../../../shared/errors';
import { AppError } from '../../app-error';
import type { Redactor } from '../../redactor';
import { htmlTitle, type ParsedBody, type ProviderDialect } from './dialect';

/** Everything a message may be built from. Deliberately no URL: GREEN-API carries its token in the path. */
export interface CallContext {
  dialect: ProviderDialect;
  /** Stable id for details and logs, e.g. `getStateInstance`. */
  operation: string;
  /** The English phrase for messages, e.g. "reading the instance state". */
  action: string;
  /** `api.green-api.com`, or `127.0.0.1:41234`. */
  host: string;
  /** What was rejected on 401, e.g. "instance token"; defaults to "credentials". */
  credential?: string;
  /** One short next step per code, e.g. `{auth_failed: 'Check apiTokenInstance.'}`. */
  hints?: Partial<Record<ErrorCode, string>>;
  redactor: Redactor;
  timeoutMs: number;
  /** `host:port` of the proxy the call went through, if any. */
  proxy?: string;
  /**
   * A request that changes something and is never repeated (a send, a create). When its answer is lost it may
   * still have reached the provider and taken effect, so "try again" would be bad advice. Absent: a read.
   */
  write?: boolean;
}

interface Extra {
  status?: number;
  providerMessage?: string;
  /** Keep providerMessage in details but leave it out of the sentence (it only restates the status). */
  quiet?: boolean;
  fields?: FieldIssue[];
  retryAfterSeconds?: number;
  /**
   * The request never reached an open connection (a connect timeout), so even a write cannot have taken effect:
   * no mayHaveTakenEffect, and no per-call hint, since those say how to check after a lost answer.
   */
  notSent?: boolean;
}

/** The single place an AppError for a provider call is made: every text goes through the redactor here. */
export function providerError(ctx: CallContext, code: ErrorCode, sentence: string, extra: Extra = {}): AppError {
  const redact = (text: string) => ctx.redactor.redact(text);
  const providerMessage = extra.providerMessage ? clip(redact(extra.providerMessage), 300) : undefined;
  const fields = extra.fields?.length
    ? extra.fields.slice(0, 50).map((f) => ({ path: clip(redact(f.path), 120), message: clip(redact(f.message), 300) }))
    : undefined;
  const said = providerMessage && !extra.quiet ? ` ${ctx.dialect.displayName} said: "${providerMessage}".` : '';
  const hint = ctx.hints?.[code] && !extra.notSent ? ` ${ctx.hints[code]}` : '';
  const details: AppError['details'] = { provider: ctx.dialect.provider, operation: ctx.operation, host: ctx.host };
  if (ctx.proxy) details.proxy = ctx.proxy;
  if (extra.status !== undefined) details.status = extra.status;
  if (providerMessage) details.providerMessage = providerMessage;
  if (extra.retryAfterSeconds !== undefined) details.retryAfterSeconds = extra.retryAfterSeconds;
  if (ctx.write && LOST_ANSWER_CODES.has(code) && !extra.notSent) details.mayHaveTakenEffect = true;
  if (extra.notSent) Object.assign(details, errorReason(code === 'timeout' ? 'connect_timeout' : 'dropped_before_sent'));
  if (fields) details.fields = fields;
  return new AppError(code, redact(`${sentence}${said}${hint}`), details);
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function statusCode(status: number, body: ParsedBody): ErrorCode {
  switch (status) {
    case 401:
      return 'auth_failed';
    case 403:
      return 'forbidden';
    case 404:
      return 'provider_not_found';
    case 400:
    case 422:
      return 'provider_validation';
    case 409:
      return 'provider_conflict';
    case 413:
      return 'provider_validation';
    case 429:
      return 'rate_limited';
    case 466:
      return 'quota_exceeded';
  }
  if (body.kind === 'html') return 'html_response';
  return status >= 500 ? 'provider_unavailable' : 'provider_error';
}

/** A non-2xx answer, or a 2xx whose body the dialect reads as a failure. */
export function errorFromStatus(ctx: CallContext, status: number, body: ParsedBody, retryAfterSeconds?: number): AppError {
  const name = ctx.dialect.displayName;
  const where = `while ${ctx.action} on ${ctx.host}`;
  const code = safeClassify(ctx.dialect, status, body) ?? statusCode(status, body);
  // A failure inside a 2xx reply (Chat2Desk's DELETE tickets, spec A4 variant 5) says so instead of a bare "200".
  const label = status >= 200 && status < 300 ? `${status} with an error in the body` : String(status);
  const info = body.kind === 'html' ? { message: htmlTitle(body) } : safeReadError(ctx.dialect, body);
  const extra: Extra = {
    status,
    providerMessage: info.message,
    fields: info.fields,
    retryAfterSeconds,
    quiet: restatesStatus(status, info.message),
  };
  const fieldSummary = info.fields?.length
    ? `: ${info.fields
        .slice(0, 3)
        .map((f) => `${f.path} ${f.message}`)
        .join('; ')
        .replace(/[.!]+$/, '')}`
    : '';
  switch (code) {
    case 'auth_failed':
      return providerError(ctx, code, `${name} rejected the ${ctx.credential ?? 'credentials'} (${label}) ${where}.`, extra);
    case 'forbidden':
      return providerError(ctx, code, `${name} refused access (${label}) ${where}.`, extra);
    case 'provider_not_found':
      return providerError(ctx, code, `${name} answered "not found" (${label}) ${where}.`, extra);
    case 'provider_validation':
      if (status === 413) {
        return providerError(ctx, code, `${name} refused the request as too large (413) ${where}. Send less data per request.`, extra);
      }
      return providerError(ctx, code, `${name} rejected the request as invalid (${label}) ${where}${fieldSummary}.`, extra);
    case 'provider_conflict':
      return providerError(ctx, code, `${name} reported a conflict with an earlier request (${label}) ${where}.`, extra);
    case 'rate_limited': {
      const wait = retryAfterSeconds !== undefined ? ` Try again in ${retryAfterSeconds} s.` : ' Try again a little later.';
      return providerError(ctx, code, `${name} is limiting the request rate (${label}) ${where}.${wait}`, extra);
    }
    case 'quota_exceeded':
      return providerError(ctx, code, `${name} reports that the tariff quota is used up (${label}) ${where}.`, extra);
    case 'html_response': {
      const page = `${ctx.host} answered ${status} with a web page instead of the ${name} API while ${ctx.action}`;
      return providerError(
        ctx,
        code,
        status >= 500
          ? `${page}: a proxy or gateway in front of ${name} is failing. Try again later.`
          : `${page}. Check the base URL.`,
        extra,
      );
    }
    case 'provider_unavailable':
      if (status === 503) {
        return providerError(ctx, code, `${name} is overloaded or under maintenance (503) ${where}. Try again in a few minutes.`, extra);
      }
      if (status === 504) {
        return providerError(ctx, code, `${name}'s gateway timed out waiting for its own servers (504) ${where}. Try again later.`, extra);
      }
      return providerError(ctx, code, `${name} is unavailable (${label}) ${where}. Try again later.`, extra);
    default:
      if (status >= 300 && status < 400) {
        return providerError(ctx, code, `${name} redirected the request (${status}) ${where}. Check the base URL.`, extra);
      }
      if (status === 405) {
        return providerError(ctx, code, `${name} does not allow this method here (405 Method Not Allowed) ${where}. Check the method and the path.`, extra);
      }
      if (status >= 200 && status < 300) {
        return providerError(ctx, code, `${name} reported a failure (${label}) ${where}.`, extra);
      }
      return providerError(ctx, code, `${name} answered with an unexpected error (${status}) ${where}.`, extra);
  }
}

const normalise = (text: string) => text.toLowerCase().replace(/[^a-z]/g, '');
const STATUS_SYNONYMS: Record<number, string[]> = {
  401: ['notauthorized', 'unauthorised', 'unauthenticated'],
  422: ['unprocessableentity'],
};

/** "Unauthorized", "Not authorized!", "Not Found"…: a provider text that adds nothing to the status code. */
function restatesStatus(status: number, message: string | undefined): boolean {
  if (!message) return true;
  const text = normalise(message);
  return text === normalise(STATUS_CODES[status] ?? '') || (STATUS_SYNONYMS[status] ?? []).includes(text);
}

function safeClassify(dialect: ProviderDialect, status: number, body: ParsedBody): ErrorCode | undefined {
  try {
    return dialect.classify?.(status, body);
  } catch {
    return undefined;
  }
}

function safeReadError(dialect: ProviderDialect, body: ParsedBody) {
  try {
    return dialect.readError(body);
  } catch {
    return {};
  }
}

/** A 2xx answer whose body is not a JSON document. */
export function errorFromSuccessBody(ctx: CallContext, status: number, body: ParsedBody): AppError {
  const name = ctx.dialect.displayName;
  const where = `while ${ctx.action} on ${ctx.host}`;
  if (body.kind === 'html') {
    return providerError(
      ctx,
      'html_response',
      `${ctx.host} answered with a web page instead of the ${name} API while ${ctx.action}. Check the base URL.`,
      { status, providerMessage: htmlTitle(body) },
    );
  }
  if (body.kind === 'truncated') {
    return providerError(ctx, 'truncated_json', `${name}'s reply was cut off before the end ${where}. Try again.`, {
      status,
    });
  }
  return providerError(ctx, 'not_json', `${name} sent a reply that is not JSON ${where}.`, { status });
}

/** A JSON reply that does not have the shape the spec promises. */
export function errorFromSchema(ctx: CallContext, status: number, issues: readonly { path: PropertyKey[]; message: string }[]): AppError {
  const summary = issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  return providerError(
    ctx,
    'unexpected_response',
    `${ctx.dialect.displayName} sent a reply Switchboard does not understand while ${ctx.action} on ${ctx.host} (${summary}).`,
    { status },
  );
}

/** Node's fetch wraps the socket error: its `code` sits on `cause`, or on each member of an AggregateError. */
export function networkErrorCodes(error: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number) => {
    if (!value || typeof value !== 'object' || seen.has(value) || depth > 5) return;
    seen.add(value);
    const record = value as { code?: unknown; cause?: unknown; errors?: unknown; message?: unknown };
    if (typeof record.code === 'string') codes.push(record.code);
    if (typeof record.message === 'string' && /socket hang up/i.test(record.message)) codes.push('ECONNRESET');
    visit(record.cause, depth + 1);
    if (Array.isArray(record.errors)) for (const inner of record.errors) visit(inner, depth + 1);
  };
  visit(error, 0);
  return codes;
}

const TLS_CODE = /^(CERT_|ERR_TLS_|ERR_SSL_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|UNABLE_TO_VERIFY_LEAF_SIGNATURE$|UNABLE_TO_GET_ISSUER_CERT|HOSTNAME_MISMATCH$|ERR_OSSL_)/;

const TLS_REASONS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'the certificate chain contains a self-signed certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the certificate cannot be verified',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the certificate issuer is not trusted on this computer',
  CERT_HAS_EXPIRED: 'the certificate has expired',
  CERT_NOT_YET_VALID: 'the certificate is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate was issued for a different host name',
};

/** Failures after which the provider may or may not have done what it was asked. */
const LOST_ANSWER_CODES: ReadonlySet<ErrorCode> = new Set(['timeout', 'connection_reset', 'truncated_json']);

/**
 * The next step after an answer was lost (a timeout, a dropped connection, a reply cut off). A read is safe to
 * repeat. A write may have reached the provider and done its work before the answer was lost, and repeating it
 * could do it twice (a second message), so the operator checks first; a per-call hint for `code` (providerError
 * appends it) says how, e.g. "look the delivery up".
 */
export function afterLostAnswer(ctx: CallContext, code: ErrorCode): string {
  if (!ctx.write) return 'Try again.';
  const reached = `The request may have reached ${ctx.dialect.displayName} and taken effect`;
  return ctx.hints?.[code] ? `${reached}.` : `${reached}: check before sending it again.`;
}

/**
 * A failure before or while receiving the reply, with no HTTP status to go by. `sent`: whether the request reached an
 * open connection (see ConnectionWatch); undefined when the caller cannot tell, which keeps the cautious wording.
 */
export function errorFromNetwork(ctx: CallContext, error: unknown, abortedBy?: 'timeout' | 'cancelled', sent?: boolean): AppError {
  const name = ctx.dialect.displayName;
  if (abortedBy === 'cancelled') return providerError(ctx, 'cancelled', `Cancelled while ${ctx.action} on ${ctx.host} (${name}).`);
  const codes = networkErrorCodes(error);
  const has = (...wanted: string[]) => codes.some((code) => wanted.includes(code));
  const via = ctx.proxy ? ` through the proxy at ${ctx.proxy}` : '';
  if (abortedBy === 'timeout' || has('ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT')) {
    // No connection in time (undici's own connect timeout, or ours firing before a socket or proxy tunnel opened):
    // nothing was sent, so even a write is simply tried again.
    if (sent === false || has('UND_ERR_CONNECT_TIMEOUT')) {
      return providerError(
        ctx,
        'timeout',
        `${ctx.host} could not be reached${via} in time while ${ctx.action} (${name}), so the request was not sent. Try again.`,
        { notSent: true },
      );
    }
    const seconds = Math.round(ctx.timeoutMs / 100) / 10;
    return providerError(
      ctx,
      'timeout',
      `${name} did not answer within ${seconds} s while ${ctx.action} on ${ctx.host}${via}. ${afterLostAnswer(ctx, 'timeout')}`,
    );
  }
  if (ctx.proxy) {
    const proxyError = errorFromProxy(ctx, ctx.proxy, error, has);
    if (proxyError) return proxyError;
  }
  if (has('ECONNREFUSED')) {
    return providerError(
      ctx,
      'connection_refused',
      `${ctx.host} refused the connection while ${ctx.action} (${name}). Check the URL and port, and that the service is running.`,
    );
  }
  if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA')) {
    return providerError(
      ctx,
      'host_not_found',
      `The host ${ctx.host} could not be found while ${ctx.action} (${name}). Check the URL and the network connection.`,
    );
  }
  const tls = codes.find((code) => TLS_CODE.test(code));
  if (tls) {
    const reason = TLS_REASONS[tls] ?? 'the certificate or TLS handshake was rejected';
    return providerError(
      ctx,
      'tls_error',
      `The secure connection to ${ctx.host}${via} failed while ${ctx.action} (${name}): ${reason} (${tls}).`,
    );
  }
  if (has('ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED')) {
    // Dropped before the request was written (during the TLS handshake or the proxy tunnel): nothing was sent.
    if (sent === false) {
      return providerError(
        ctx,
        'connection_reset',
        `The connection to ${ctx.host}${via} was dropped before the request was sent while ${ctx.action} (${name}). Try again.`,
        { notSent: true },
      );
    }
    return providerError(
      ctx,
      'connection_reset',
      `The connection to ${ctx.host}${via} was dropped while ${ctx.action} (${name}). ${afterLostAnswer(ctx, 'connection_reset')}`,
    );
  }
  return providerError(ctx, 'network_error', `Could not reach ${ctx.host}${via} while ${ctx.action} (${name}).`);
}

const PROXY_CHECK = 'Check the proxy under Network settings (or HTTPS_PROXY / HTTP_PROXY / NO_PROXY).';

/**
 * With a proxy in the way, every connection is to the proxy: a refusal or an unknown host is the proxy's, and the
 * proxy's own answer to CONNECT (undici: "Proxy response (502) !== 200 when HTTP Tunneling") or to a forwarded
 * request ("Proxy Authentication Required (407)") says it would not carry the call.
 */
function errorFromProxy(ctx: CallContext, proxy: string, error: unknown, has: (...codes: string[]) => boolean): AppError | undefined {
  const name = ctx.dialect.displayName;
  const refusal = proxyRefusalStatus(error);
  if (refusal !== undefined) return errorFromProxyRefusal({ ...ctx, proxy }, refusal);
  if (has('ECONNREFUSED')) {
    return providerError(ctx, 'connection_refused', `The proxy at ${proxy} refused the connection while ${ctx.action} on ${ctx.host} (${name}). ${PROXY_CHECK}`);
  }
  if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA')) {
    return providerError(ctx, 'host_not_found', `The proxy host ${proxy} could not be found while ${ctx.action} on ${ctx.host} (${name}). ${PROXY_CHECK}`);
  }
  return undefined;
}

/**
 * The proxy answered with a status of its own instead of carrying the request or opening the tunnel (REST calls
 * and websockets alike). 407 is the operator's to fix (the proxy user name and password), anything else is the
 * proxy's policy or its trouble reaching the provider.
 */
export function errorFromProxyRefusal(ctx: CallContext & { proxy: string }, status: number): AppError {
  const name = ctx.dialect.displayName;
  if (status === 407) {
    return providerError(
      ctx,
      'proxy_auth_required',
      `The proxy at ${ctx.proxy} asked for a user name and password and did not accept what Switchboard sent (407 Proxy Authentication Required) while ${ctx.action} on ${ctx.host} (${name}). Check the proxy user name and password under Network settings (or in HTTPS_PROXY).`,
    );
  }
  return providerError(
    ctx,
    'proxy_refused',
    `The proxy at ${ctx.proxy} refused to carry the request to ${ctx.host} (${status}) while ${ctx.action} (${name}). Check that the proxy allows ${ctx.host}, or add the host to the proxy bypass list.`,
  );
}

/** The status a proxy answered instead of carrying the request, read from undici's error texts. */
function proxyRefusalStatus(error: unknown): number | undefined {
  const seen = new Set<unknown>();
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 6 && !seen.has(current); depth++) {
    seen.add(current);
    const message = (current as { message?: unknown }).message;
    if (typeof message === 'string') {
      const match = /Proxy response \((\d{3})\)|Proxy Authentication Required \((407)\)/.exec(message);
      if (match) return Number(match[1] ?? match[2]);
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
