import { z } from 'zod';
import type { AppErrorShape } from './errors';

/**
 * Why a provider call failed, where the provider's answer means something specific an operator can act on (a broken
 * deletion rule, a checksum made with the wrong key, an instance that is still starting). Main puts the reason and
 * its params in the error's details; the renderer words it, with its next step, in the user's language. The English
 * `message` main writes stays the fallback (and what logs show). Each reason lists the params it carries.
 */
export interface ErrorReasonParams {
  // Chategy/Jetapi §6.8 idempotency
  /** 400 "Invalid checksum": the idempotency key is not the one the platform holds. */
  checksum_rejected: undefined;
  /** 409: a request with exactly these parameters was already received. */
  duplicate_request: undefined;
  // Chategy/Jetapi §6.4: the deletion rule the platform's 422 says was broken
  delete_not_delivered: { deliveryId: number };
  delete_wrong_channel: { deliveryId: number };
  delete_not_found: { deliveryId: number };
  delete_telegram_not_found: { deliveryId: number };
  // GREEN-API §8.3 / §5.1
  instance_starting: { idInstance: string };
  instance_not_authorized: { idInstance: string };
  instance_expired: { idInstance: string };
  instance_deleted: { idInstance: string };
  /** 499 Client Closed Request. */
  request_closed: { idInstance: string };
  /** receiveNotification while a webhook URL is set. */
  webhook_url_set: { idInstance: string };
  /** 1.3.13: the provisioning wizard read `null` (being created) for its whole wait. */
  instance_still_creating: undefined;
  /** §2.9: getAuthorizationCode answered `status: false` ("an error occurred, repeat the request"). */
  pairing_code_refused: undefined;
  // Any provider, from the HTTP layer
  /** A timeout before any connection opened (code `timeout`): the request was never sent, so trying again is safe. */
  connect_timeout: undefined;
  /** The connection dropped before the request was written (TLS handshake, proxy tunnel): nothing was sent. */
  dropped_before_sent: undefined;
}
export type ErrorReason = keyof ErrorReasonParams;

// `satisfies` keeps this list and the interface above the same set of names.
const REASONS = Object.keys({
  checksum_rejected: true,
  duplicate_request: true,
  delete_not_delivered: true,
  delete_wrong_channel: true,
  delete_not_found: true,
  delete_telegram_not_found: true,
  instance_starting: true,
  instance_not_authorized: true,
  instance_expired: true,
  instance_deleted: true,
  request_closed: true,
  webhook_url_set: true,
  instance_still_creating: true,
  pairing_code_refused: true,
  connect_timeout: true,
  dropped_before_sent: true,
} satisfies Record<ErrorReason, true>) as ErrorReason[];

export const ErrorReasonSchema = z.enum(REASONS as [ErrorReason, ...ErrorReason[]]);

type Details = NonNullable<AppErrorShape['details']>;
type ParamArgs<R extends ErrorReason> = ErrorReasonParams[R] extends undefined ? [] : [params: ErrorReasonParams[R]];

/** The details fields that carry a reason, to spread into an error's details: `{ ...error.details, ...reason('x') }`. */
export function errorReason<R extends ErrorReason>(reason: R, ...args: ParamArgs<R>): Pick<Details, 'reason' | 'reasonParams'> {
  const params = args[0] as Record<string, string | number> | undefined;
  return params ? { reason, reasonParams: params } : { reason };
}
