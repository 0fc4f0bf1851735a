import type { z } from 'zod';
import { errorReason } from '../../../../shared/error-reasons';
import type { ErrorCode } from '../../../../shared/errors';
import { AppError } from '../../app-error';
import {
  DEFAULT_TIMEOUT_MS,
  httpJson,
  transportFields,
  type CallOptions,
  type HttpMethod,
  type ProviderDialect,
  type QueryValue,
  type TransportOptions,
} from '../http';
import type { CallContext } from '../http/error-mapping';

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
 * Every Chategy/Jetapi call goes through here: auth header and redaction, the `meta` envelope (§1.4–1.5; a 200
 * whose `meta.status` is "fail" is turned into its error by the dialect), the checksum errors of §6.8 worded for an operator, and the retry rule:
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
        parse: request.parse,
      });
      return response.data;
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
      host: hostOf(request.url),
      credential: this.auth.credential,
      hints: { auth_failed: this.auth.authHint, ...request.hints },
      redactor: this.transport.redactor,
      timeoutMs: this.transport.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    };
  }
}

/** The host for messages; an unparsable address is left to httpJson, which reports it as invalid_input. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an invalid address';
  }
}

/**
 * §6.8: the two idempotency answers, reworded so the operator knows nothing was sent and what to do; the reason in
 * the details lets the window say the same in the user's language.
 */
function explainIdempotencyFailure(ctx: CallContext, error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  const name = ctx.dialect.displayName;
  if (error.code === 'provider_validation' && error.details.providerMessage === 'Invalid checksum') {
    return new AppError(
      'provider_validation',
      `${name} rejected the idempotency checksum (400) while ${ctx.action} on ${ctx.host}, so nothing was sent. The idempotency key saved in Switchboard does not match the one in the ${name} personal account: copy it again.`,
      { ...error.details, ...errorReason('checksum_rejected') },
    );
  }
  if (error.code === 'provider_conflict') {
    return new AppError(
      'provider_conflict',
      `${name} has already received a request with exactly these parameters (409) while ${ctx.action} on ${ctx.host}, so it was not processed again. Look the earlier delivery up instead of sending it again.`,
      { ...error.details, ...errorReason('duplicate_request') },
    );
  }
  return error;
}

