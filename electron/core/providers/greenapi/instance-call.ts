import type { z } from 'zod';
import { errorReason, type ErrorReason } from '../../../../shared/error-reasons';
import type { ErrorCode, FieldIssue } from '../../../../shared/errors';
import { AppError } from '../../app-error';
import {
  DEFAULT_TIMEOUT_MS,
  httpExchange,
  httpJson,
  joinUrl,
  transportFields,
  type CallOptions,
  type HttpMethod,
  type ParsedBody,
  type QueryValue,
  type TransportOptions,
} from '../http';
import { errorFromStatus, type CallContext } from '../http/error-mapping';
import { defaultSleep, parseRetryAfter, retryPolicy } from '../http/retry';
import { createGreenApiDialect } from './dialect';
import { GreenApiQuotaError } from './quota-error';
import type { GreenApiQuota } from './quota-schemas';
import { SlotTooFarError, type GreenApiRateLimiter } from './rate-limiter';

/** The longest a call waits for its rate-limit slot before saying "try again in N s" (the HTTP layer's Retry-After cap). */
const MAX_SLOT_WAIT_MS = 30_000;

export interface GreenApiInstanceCredentials {
  idInstance: string;
  apiTokenInstance: string;
  /** Every method (§1 "apiUrl"). */
  apiUrl: string;
  /** File uploads (§1 "mediaUrl"); the api host when absent. */
  mediaUrl?: string;
}

export interface GreenApiCallSpec<S extends z.ZodType> {
  /** The wire method, lowerCamel as the method pages print it. */
  method: string;
  /** English phrase for messages: "reading the instance state". */
  action: string;
  verb: HttpMethod;
  parse: S;
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** A path segment after the token: deleteNotification's receiptId (§5.1). */
  tail?: string;
  /** May be repeated: reads, and deletes of a receipt. Sends never are. */
  idempotent: boolean;
  /** At least this long per attempt: receiveNotification holds the request up to receiveTimeout (§5.1). */
  minTimeoutMs?: number;
  /**
   * Statuses worth another try besides the transport's own (429, 502–504): §8.3 499, §5.1 deleteNotification ≥ 500.
   * They get the transport's number of attempts; the document gives none.
   */
  alsoRetry?: (status: number) => boolean;
}

const HINTS: Partial<Record<ErrorCode, string>> = {
  auth_failed: 'Check apiTokenInstance.',
  // §8.3: 403 is "check idInstance and the request address".
  forbidden: 'Check idInstance and the API URL.',
  provider_not_found: 'Check the API URL.',
  quota_exceeded: 'The Developer tariff limit is reached; change the tariff in the GREEN-API console.',
};

/**
 * §8.3 identifiers and what the operator should do about each: in English for the message, and as a reason the
 * window words in the user's language.
 */
const NEXT_STEPS: { identifier: RegExp; reason: ErrorReason; step: string }[] = [
  {
    identifier: /instance in starting process/i,
    reason: 'instance_starting',
    step: 'The instance is starting: try again in a few seconds, and reboot it if it stays starting for more than 5 minutes.',
  },
  {
    identifier: /instance is starting or not authorized/i,
    reason: 'instance_not_authorized',
    step: 'Authorize the instance with a QR code or a pairing code first.',
  },
  { identifier: /account is expired/i, reason: 'instance_expired', step: 'Renew the instance in the GREEN-API console.' },
  { identifier: /instance is deleted/i, reason: 'instance_deleted', step: 'The instance was deleted: remove it from this account or create a new one.' },
];

/**
 * §8.3 502 Bad Gateway: "Требуется 3 раза повторить запрос с задержкой" (repeat the request 3 times with a delay),
 * then tell the operator and let them retry. Three repeats after the first attempt: 4 attempts in all, with the
 * transport's backoff between them. Reads only: the HTTP layer never repeats a send, whatever the status.
 */
const BAD_GATEWAY_ATTEMPTS = 4;

/**
 * How every GREEN-API call is made: `{host}/waInstance{idInstance}/{method}/{apiTokenInstance}` (§1), through the
 * per-instance rate limiter, over the common HTTP layer. The token is in the URL path, so it is registered with
 * the redactor and URLs never reach messages or logs.
 */
export class GreenApiInstanceCaller {
  constructor(
    readonly credentials: GreenApiInstanceCredentials,
    readonly transport: TransportOptions,
    readonly limiter: GreenApiRateLimiter,
  ) {}

  async json<S extends z.ZodType>(spec: GreenApiCallSpec<S>, call?: CallOptions): Promise<z.output<S>> {
    const { idInstance, apiTokenInstance } = this.credentials;
    const target = this.target(spec, 'api');
    const fields = transportFields(this.transport, call);
    const sleep = this.transport.retry?.sleep ?? defaultSleep;
    const { maxAttempts } = retryPolicy(this.transport.retry);

    await this.waitForSlot(spec.method, target.action, 0, fields.signal);
    let quota: GreenApiQuota | undefined;
    try {
      // Every attempt is counted in one place, the layer's retry loop (reads only): §8.3's count for 502, the
      // transport's for the rest.
      const response = await httpJson({
        ...fields,
        timeoutMs: Math.max(fields.timeoutMs ?? DEFAULT_TIMEOUT_MS, spec.minTimeoutMs ?? 0),
        retry: {
          ...this.transport.retry,
          attemptsFor: (status) => (status === 502 ? BAD_GATEWAY_ATTEMPTS : spec.alsoRetry?.(status) ? maxAttempts : undefined),
          // Retries wait for a rate-limit slot too, so a retry never bursts; the failed attempt has just been answered.
          sleep: (ms, signal) => {
            this.limiter.answered(idInstance, spec.method);
            return this.limiter.acquire(idInstance, spec.method, { sleep, signal, delayMs: ms });
          },
        },
        dialect: createGreenApiDialect((parsed) => (quota = parsed)),
        operation: spec.method,
        action: target.action,
        credential: 'instance token',
        hints: HINTS,
        method: spec.verb,
        url: target.url,
        query: spec.query,
        body: spec.body,
        idempotent: spec.idempotent,
        secrets: [apiTokenInstance],
        parse: spec.parse,
      });
      return response.data;
    } catch (error) {
      throw this.explain(error, quota, spec);
    } finally {
      // §8.2: the server has counted this request by now; the limiter spaces the next one from here too.
      this.limiter.answered(idInstance, spec.method);
    }
  }

  /**
   * A multipart POST to the media host (§1: mediaUrl is for files), through the same limiter, proxy and error
   * rules, never retried (an upload is a write). The 2xx body is handed back parsed but unjudged: setProfilePicture
   * reads its own `rate-overlimit` answer, which may come as plain text.
   */
  async form(spec: { method: string; action: string }, form: FormData, call?: CallOptions): Promise<{ status: number; body: ParsedBody }> {
    const { apiTokenInstance } = this.credentials;
    const target = this.target(spec, 'media');
    const fields = transportFields(this.transport, call);
    await this.waitForSlot(spec.method, target.action, 0, fields.signal);
    let quota: GreenApiQuota | undefined;
    const dialect = createGreenApiDialect((parsed) => (quota = parsed));
    try {
      const answer = await httpExchange({
        ...fields,
        dialect,
        operation: spec.method,
        action: target.action,
        credential: 'instance token',
        hints: HINTS,
        method: 'POST',
        url: target.url,
        body: form,
        secrets: [apiTokenInstance],
      });
      if (answer.status >= 200 && answer.status < 300) return answer;
      const ctx: CallContext = {
        dialect,
        operation: spec.method,
        action: target.action,
        host: target.host,
        credential: 'instance token',
        hints: HINTS,
        redactor: fields.redactor,
        timeoutMs: fields.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      };
      const retryAfter = answer.status === 429 ? parseRetryAfter(answer.headers.get('retry-after'), Date.now()) : undefined;
      throw errorFromStatus(ctx, answer.status, answer.body, retryAfter);
    } catch (error) {
      throw this.explain(error, quota, spec);
    } finally {
      this.limiter.answered(this.credentials.idInstance, spec.method);
    }
  }

  /** A request the console refuses to send: invalid input, with the provider and operation named. */
  invalid(operation: string, message: string, fields?: FieldIssue[]): AppError {
    return new AppError('invalid_input', this.transport.redactor.redact(message), { provider: 'greenapi', operation, ...(fields && { fields }) });
  }

  /** Where a call goes, and how messages name it. The token is in the path: the URL never leaves this object. */
  private target(spec: { method: string; action: string; tail?: string }, host: 'api' | 'media') {
    const { idInstance, apiTokenInstance, apiUrl, mediaUrl } = this.credentials;
    if (!/^\d{1,20}$/.test(idInstance)) {
      throw this.invalid(spec.method, `GREEN-API: idInstance must be digits only (${spec.action}). Check the instance settings.`);
    }
    const base = host === 'media' ? (mediaUrl || apiUrl) : apiUrl;
    const tail = spec.tail === undefined ? '' : `/${encodeURIComponent(spec.tail)}`;
    const url = joinUrl(base, `/waInstance${idInstance}/${spec.method}/${encodeURIComponent(apiTokenInstance)}${tail}`);
    let hostName: string;
    try {
      hostName = new URL(url).host;
    } catch {
      throw this.invalid(spec.method, `The GREEN-API address is not a valid URL (${spec.action}). Check the API URL of instance ${idInstance}.`);
    }
    return { url, host: hostName, action: `${spec.action} of instance ${idInstance}` };
  }

  private async waitForSlot(method: string, action: string, delayMs: number, signal?: AbortSignal): Promise<void> {
    try {
      await this.limiter.acquire(this.credentials.idInstance, method, {
        sleep: this.transport.retry?.sleep ?? defaultSleep,
        signal,
        delayMs,
        maxWaitMs: MAX_SLOT_WAIT_MS,
      });
    } catch (error) {
      if (error instanceof SlotTooFarError) {
        const seconds = Math.ceil(error.waitMs / 1000);
        throw new AppError(
          'rate_limited',
          `GREEN-API asked Switchboard to slow down for instance ${this.credentials.idInstance}: ${action} can run again in ${seconds} s. Nothing was sent.`,
          { provider: 'greenapi', operation: method, retryAfterSeconds: seconds },
        );
      }
      throw new AppError('cancelled', `GREEN-API: ${action} was cancelled while waiting for the rate limit.`, {
        provider: 'greenapi',
        operation: method,
      });
    }
  }

  /** The common layer's error, made specific where the document says what a GREEN-API answer means. */
  private explain(thrown: unknown, quota: GreenApiQuota | undefined, spec: { method: string; action: string }): unknown {
    if (!(thrown instanceof AppError)) return thrown;
    const error = thrown;
    if (error.code === 'rate_limited') {
      // §8.2: whatever made the server say 429, nothing more for this key until it says we may.
      this.limiter.holdOff(this.credentials.idInstance, spec.method, (error.details.retryAfterSeconds ?? 1) * 1000);
    }
    const redact = (text: string) => this.transport.redactor.redact(text);
    const said = error.details.providerMessage ?? '';
    const { idInstance } = this.credentials;
    const where = `while ${spec.action} of instance ${idInstance}${error.details.host ? ` on ${error.details.host}` : ''}`;
    if (error.code === 'quota_exceeded' && quota) return new GreenApiQuotaError(error, quota);
    if (error.details.status === 499) {
      // §8.3 499 Client Closed Request: "increase the timeout and repeat with a delay; if it repeats, tell the operator".
      return new AppError(
        'provider_unavailable',
        redact(`GREEN-API reports the request was closed before it finished (499) ${where}. Try again with a longer timeout; if it keeps happening, contact GREEN-API support.`),
        { ...error.details, ...errorReason('request_closed', { idInstance }) },
      );
    }
    if (/custom webhook url is set/i.test(said)) {
      // §5.1: HTTP API polling and a webhook URL exclude each other.
      return new AppError(
        'provider_conflict',
        redact(
          `GREEN-API will not hand out notifications over the HTTP API ${where}: the instance has a webhook URL set. Clear webhookUrl in the instance settings and wait about a minute, or receive notifications at the webhook.`,
        ),
        { ...error.details, ...errorReason('webhook_url_set', { idInstance }) },
      );
    }
    const step = NEXT_STEPS.find((candidate) => candidate.identifier.test(said));
    return step ? new AppError(error.code, redact(`${error.message} ${step.step}`), { ...error.details, ...errorReason(step.reason, { idInstance }) }) : error;
  }
}
