import { z } from 'zod';
import { IntLikeSchema } from '../../http';

/**
 * The payloads the Chategy/Jetapi Phoenix rooms push (spec §4.1, §4.2), parsed into what the sessions report.
 */

/**
 * §4.1 `auth_state` in the WhatsApp room: `{"auth":false,"qr_code":"2@…"}`, `{"auth":false,"qr_code":null}`
 * (container creation error), `{"auth":true}`, and an `in_progress` flag the doc's sample reads.
 */
export const WhatsAppAuthStateSchema = z
  .object({
    auth: z.boolean().nullish(),
    // The doc's example is line-wrapped; base64 has no whitespace, so any is dropped.
    qr_code: z.string().nullish(),
    in_progress: z.boolean().nullish(),
  })
  .transform((wire) => {
    if (wire.auth === true) return { kind: 'authorized' as const };
    if (wire.in_progress === true) return { kind: 'in_progress' as const };
    const code = wire.qr_code?.replace(/\s+/g, '') ?? '';
    return code ? { kind: 'qr' as const, code } : { kind: 'qr_unavailable' as const };
  });
export type WhatsAppAuthState = z.output<typeof WhatsAppAuthStateSchema>;

/** §4.2 TDLib authorization states; `wait_qr_code` is tdlib_session 4, documented only by Jetapi (§2). */
export const TELEGRAM_AUTH_STATUSES = ['wait_phone', 'wait_code', 'wait_password', 'authorized', 'wait_qr_code'] as const;
export type TelegramAuthStatus = (typeof TELEGRAM_AUTH_STATUSES)[number];

/** §4.2 `auth_state` in the TDLib room: `{"status":"wait_phone"}`. A status not in the list is kept as `unknown`. */
export const TelegramAuthStateSchema = z.object({ status: z.string() }).transform(({ status }) =>
  (TELEGRAM_AUTH_STATUSES as readonly string[]).includes(status)
    ? { status: status as TelegramAuthStatus }
    : { status: 'unknown' as const, raw: status },
);
export type TelegramAuthState = z.output<typeof TelegramAuthStateSchema>;

/**
 * §4.2 error reply response: `{"meta":{"code":422,"errors":{…},"message":…,"status":"fail","status_id":null}}`, or
 * the legacy `{"meta":{"code":422,"errors":{…},"connection":"Raw object","status":"failed",…}}`. Only the code
 * is read here; the provider's dialect reads the message and the field errors.
 */
export const ErrorReplyMetaSchema = z.object({ meta: z.object({ code: IntLikeSchema.optional() }) });

/** Phoenix's own refusal shape: `{"reason":"unauthorized"}`. */
export const ReasonSchema = z.object({ reason: z.string() });
