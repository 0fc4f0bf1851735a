import type { z } from 'zod';
import type { ErrorCode } from '../../../../shared/errors';
import { AppError } from '../../app-error';
import {
  DEFAULT_TIMEOUT_MS,
  buildUrl,
  httpJson,
  transportFields,
  type CallOptions,
  type HttpMethod,
  type ProviderDialect,
  type QueryValue,
  type TransportOptions,
} from '../http';
import { errorFromSchema, errorFromStatus, type CallContext } from '../http/error-mapping';
import { postMultipart } from './multipart';

/** One of the two auth schemes of spec §1.1, ready to put on the wire. */
export interface ChatpushAuth {
  /** The whole `Authorization` value: the raw api_key, or `Bearer <jwt>`. */
  authorization: string;
  /** The secret inside it, registered with the redactor before anything is sent. */
  secret: string;
  /** What a 401 rejected, for the message: "developer api_key" or "client token". */
  credential: string;
  /** The next step after a 401. */
  authHint: string;
}

export interface ChatpushRequest<S extends z.ZodType> {
  /** Stable id for errors and logs, e.g. `createInstance`. */
  operation: string;
  /** English phrase for messages, e.g. "creating an instance". */
  action: string;
  method: HttpMethod;
  url: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  headers?: Record<string, string>;
  /** The schema of the success envelope. */
  parse: S;
  hints?: Partial<Record<ErrorCode, string>>;
}

/**
 * Every Chategy/Jetapi call goes through here: auth header and redaction, the `meta` envelope (§1.4–1.5, including
 * a 200 whose `meta.status` is "fail"), the checksum errors of §6.8 worded for an operator, and the retry rule:
 * only GETs are idempotent. Sends, creates, updates and deletes are never retried (a retried send could deliver a
 * message twice), whatever the error.
 */
export class ChatpushTransport {
  constructor(
    readonly dialect: ProviderDialect,
    private readonly transport: TransportOptions,
    private readonly auth: ChatpushAuth,
  ) {}

  async request<S extends z.ZodType>(request: ChatpushRequest<S>, call?: CallOptions): Promise<z.output<S>> {
    const ctx = this.context(request);
    try {
      const response = await httpJson({
        ...transportFields(this.transport, call),
        dialect: this.dialect,
        operation: request.operation,
        action: request.action,
        credential: this.auth.credential,
        hints: ctx.hints,
        method: request.method,
        url: request.url,
        query: request.query,
        headers: { Authorization: this.auth.authorization, ...request.headers },
        body: request.body,
        idempotent: request.method === 'GET',
        secrets: [this.auth.secret],
      });
      return readEnvelope(ctx, response.status, response.data, request.parse);
    } catch (error) {
      throw explainIdempotencyFailure(ctx, error);
    }
  }

  /** §6.6 send_file: one multipart POST, never retried. */
  async requestMultipart<S extends z.ZodType>(request: ChatpushRequest<S>, form: FormData, call?: CallOptions): Promise<z.output<S>> {
    const ctx = this.context(request);
    this.transport.redactor.add(this.auth.secret);
    try {
      const { status, value } = await postMultipart(ctx, {
        url: buildUrl(request.url, request.query),
        headers: { Accept: 'application/json', Authorization: this.auth.authorization, ...request.headers },
        form,
        signal: call?.signal ?? this.transport.signal,
        logger: this.transport.logger,
      });
      return readEnvelope(ctx, status, value, request.parse);
    } catch (error) {
      throw explainIdempotencyFailure(ctx, error);
    }
  }

  /** A secret the request carries besides the credential (a password or bot token in the query): never logged. */
  registerSecret(secret: string): void {
    this.transport.redactor.add(secret);
    this.transport.redactor.add(encodeURIComponent(secret));
  }

  private context(request: ChatpushRequest<z.ZodType>): CallContext {
    return {
      dialect: this.dialect,
      operation: request.operation,
      action: request.action,
      host: new URL(request.url).host,
      credential: this.auth.credential,
      hints: { auth_failed: this.auth.authHint, ...request.hints },
      redactor: this.transport.redactor,
      timeoutMs: this.transport.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    };
  }
}

/**
 * A 2xx body: a `meta.status` of "fail" is a failure whatever the HTTP status says (§1.5: the examples carry the
 * real code in `meta.code`, and [J-corp]'s "Successful result" for deleting chats is a 401 body). It is reported
 * as the status `meta.code` names (422 when it names none), so it gets the same typed error as the real thing.
 */
export function readEnvelope<S extends z.ZodType>(ctx: CallContext, status: number, value: unknown, schema: S): z.output<S> {
  const meta = value && typeof value === 'object' ? (value as { meta?: { status?: unknown; code?: unknown } }).meta : undefined;
  if (meta?.status === 'fail') {
    const code = typeof meta.code === 'number' && meta.code >= 400 && meta.code < 600 ? meta.code : 422;
    throw errorFromStatus(ctx, code, { kind: 'json', value, text: JSON.stringify(value) });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw errorFromSchema(ctx, status, parsed.error.issues);
  return parsed.data;
}

/** §6.8: the two idempotency answers, reworded so the operator knows nothing was sent and what to do. */
function explainIdempotencyFailure(ctx: CallContext, error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  const { status, providerMessage } = error.details;
  const name = ctx.dialect.displayName;
  if (status === 400 && providerMessage === 'Invalid checksum') {
    return new AppError(
      'provider_validation',
      `${name} rejected the idempotency checksum (400) while ${ctx.action} on ${ctx.host}, so nothing was sent. The idempotency key saved in Switchboard does not match the one in the ${name} personal account: copy it again.`,
      error.details,
    );
  }
  if (status === 409) {
    return new AppError(
      'provider_conflict',
      `${name} has already received a request with exactly these parameters (409) while ${ctx.action} on ${ctx.host}, so it was not processed again. Look the earlier delivery up instead of sending it again.`,
      error.details,
    );
  }
  return error;
}

