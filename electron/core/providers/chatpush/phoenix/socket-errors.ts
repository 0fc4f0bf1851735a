import type { ChatpushBrand } from '../../../../../shared/providers';
import { AppError } from '../../../app-error';
import type { Redactor } from '../../../redactor';
import { parseBody } from '../../http/body';
import { errorFromNetwork, errorFromProxyRefusal, errorFromStatus, providerError, type CallContext } from '../../http/error-mapping';
import { chatpushDialect } from '../dialect';
import { ErrorReplyMetaSchema, ReasonSchema } from './payloads';

/**
 * What went wrong on a Phoenix socket, in words an operator can act on. Every text goes through the redactor
 * (providerError), and none is built from the socket URL, which carries the token.
 */
export type SocketProblem =
  /** The upgrade was refused because of the client token (fatal). */
  | 'token_rejected'
  /** The upgrade was refused because of the Origin header (fatal). */
  | 'origin_refused'
  /** Another refusal of the upgrade: 403 without a stated cause, 400, 404 … (fatal). */
  | 'refused'
  /** The server refused the channel join (fatal: the room is fixed by the token). */
  | 'join_refused'
  /** No heartbeat reply in time: the connection is presumed dead and is re-established. */
  | 'heartbeat_missed'
  /** The host cannot be reached or answers 5xx: retried with backoff. */
  | 'unreachable'
  /** The proxy refused the tunnel: 407 (its user name and password) or its policy (fatal; a 5xx is `unreachable`). */
  | 'proxy_refused';

export interface SocketFailure {
  problem: SocketProblem;
  fatal: boolean;
  error: AppError;
}

export function socketContext(options: {
  brand: ChatpushBrand;
  url: string;
  operation: string;
  action: string;
  redactor: Redactor;
  timeoutMs: number;
}): CallContext {
  return {
    dialect: chatpushDialect(options.brand),
    operation: options.operation,
    action: options.action,
    host: new URL(options.url).host,
    credential: 'client token',
    redactor: options.redactor,
    timeoutMs: options.timeoutMs,
  };
}

const TOKEN_STEP = 'Check the client token: copy it again from the personal account or from the developer instance list.';

/**
 * The upgrade answered with a status. ⚠ The platform documents neither refusal (spec §8 "WS token rejection"
 * unspecified); Phoenix answers a failed origin check and a refused token alike with 403, so the body decides
 * when it names the cause, and otherwise the message names both.
 */
export function refusalFailure(ctx: CallContext, origin: string | undefined, refusal: { status: number; contentType: string | null; body: string }): SocketFailure {
  const name = ctx.dialect.displayName;
  const where = `while ${ctx.action} on ${ctx.host}`;
  const sentOrigin = origin ? `the origin "${origin}"` : 'no Origin header';
  const { status, body } = refusal;
  if (status === 401 || (status === 403 && /token|unauthori[sz]ed|not authori[sz]ed/i.test(body))) {
    return { problem: 'token_rejected', fatal: true, error: providerError(ctx, 'auth_failed', `${name} rejected the client token (${status}) ${where}. ${TOKEN_STEP}`, { status }) };
  }
  if (status === 403 && /origin/i.test(body)) {
    return {
      problem: 'origin_refused',
      fatal: true,
      error: providerError(
        ctx,
        'forbidden',
        `${name} refused ${sentOrigin} (403) ${where}. Add this origin to the allow-list: ${name} accepts the socket only from a domain name or IP registered with it (send it to ${name} support or set it in the developer office), and set that origin in the account settings.`,
        { status },
      ),
    };
  }
  if (status === 403) {
    return {
      problem: 'refused',
      fatal: true,
      error: providerError(
        ctx,
        'forbidden',
        `${name} refused the socket (403) ${where}, with ${sentOrigin}. Either the client token is not valid or this origin is not on the allow-list: ${TOKEN_STEP} Then add this origin to the allow-list with ${name}.`,
        { status },
      ),
    };
  }
  const error = errorFromStatus(ctx, status, parseBody(body, refusal.contentType));
  return status >= 500 ? { problem: 'unreachable', fatal: false, error: reconnecting(error) } : { problem: 'refused', fatal: true, error };
}

/** The proxy answered CONNECT itself: its status, not the platform's, so no token or origin advice. */
export function proxyRefusalFailure(ctx: CallContext & { proxy: string }, status: number): SocketFailure {
  const error = errorFromProxyRefusal(ctx, status);
  return status >= 500 ? { problem: 'unreachable', fatal: false, error: reconnecting(error) } : { problem: 'proxy_refused', fatal: true, error };
}

export function networkFailure(ctx: CallContext, cause: unknown): SocketFailure {
  return { problem: 'unreachable', fatal: false, error: reconnecting(errorFromNetwork(ctx, cause)) };
}

export function heartbeatFailure(ctx: CallContext, heartbeatIntervalMs: number): SocketFailure {
  const seconds = Math.round(heartbeatIntervalMs / 100) / 10;
  return {
    problem: 'heartbeat_missed',
    fatal: false,
    error: providerError(
      ctx,
      'timeout',
      `${ctx.dialect.displayName} did not answer a heartbeat within ${seconds} s while ${ctx.action} on ${ctx.host}: the connection is presumed dead and is being re-established.`,
    ),
  };
}

/** The join's error reply: Phoenix's `{"reason":…}` or the platform's meta. */
export function joinFailure(ctx: CallContext, topic: string, response: unknown): SocketFailure {
  const reason = ReasonSchema.safeParse(response);
  return {
    problem: 'join_refused',
    fatal: true,
    error: providerError(
      ctx,
      'forbidden',
      `${ctx.dialect.displayName} refused to join ${topic} while ${ctx.action} on ${ctx.host}. The room must belong to the customer of the client token; ${TOKEN_STEP}`,
      reason.success ? { providerMessage: reason.data.reason } : {},
    ),
  };
}

/**
 * A command's error reply (§4.2): the 422 meta (the clean shape or the legacy one) becomes the same typed error a
 * REST 422 gives, field errors included; a bare Phoenix `{"reason":…}` becomes a provider error.
 */
export function replyError(ctx: CallContext, response: unknown): AppError {
  const meta = ErrorReplyMetaSchema.safeParse(response);
  if (meta.success) {
    const code = meta.data.meta.code;
    const status = code !== undefined && code >= 400 && code < 600 ? code : 422;
    return errorFromStatus(ctx, status, { kind: 'json', value: response, text: JSON.stringify(response) });
  }
  const reason = ReasonSchema.safeParse(response);
  return providerError(ctx, 'provider_error', `${ctx.dialect.displayName} refused the request while ${ctx.action} on ${ctx.host}.`, reason.success ? { providerMessage: reason.data.reason } : {});
}

export function replyTimeoutError(ctx: CallContext): AppError {
  const seconds = Math.round(ctx.timeoutMs / 100) / 10;
  return providerError(ctx, 'timeout', `${ctx.dialect.displayName} did not reply within ${seconds} s while ${ctx.action} on ${ctx.host}. Try again.`);
}

export function closedError(ctx: CallContext): AppError {
  return providerError(ctx, 'cancelled', `The ${ctx.dialect.displayName} session was closed before ${ctx.action} finished.`);
}

function reconnecting(error: AppError): AppError {
  return new AppError(error.code, `${error.message} Switchboard keeps trying to reconnect.`, error.details);
}
