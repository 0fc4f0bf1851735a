import { z } from 'zod';

/**
 * Every failure that crosses the bridge is one of these codes. The renderer words them in the user's language
 * from the code and `details`; `message` is the English fallback and is always safe to show (no secrets).
 */
export const ErrorCodeSchema = z.enum([
  // bridge and input
  'invalid_input',
  'forbidden_sender',
  'unknown_call',
  'not_found',
  'conflict',
  'internal',
  // vault
  'vault_locked',
  'vault_not_set_up',
  'vault_wrong_passphrase',
  'vault_tampered',
  'vault_corrupt',
  'vault_key_missing',
  'keychain_unavailable',
  // provider calls
  'auth_failed',
  'forbidden',
  'provider_not_found',
  'provider_validation',
  'provider_conflict',
  'rate_limited',
  'quota_exceeded',
  'provider_unavailable',
  'provider_error',
  'html_response',
  'not_json',
  'truncated_json',
  'unexpected_response',
  'timeout',
  'cancelled',
  'connection_refused',
  'connection_reset',
  'host_not_found',
  'tls_error',
  'network_error',
  // the proxy between the console and the provider (the app's network setting or HTTPS_PROXY)
  /** 407: the proxy wants a user name and password, or did not accept the ones set. */
  'proxy_auth_required',
  /** The proxy answered with a status of its own instead of carrying the call (403 by policy, 502 upstream down…). */
  'proxy_refused',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/**
 * One field problem. `code` and `params` let the renderer word it: a code from shared/field-problems.ts, or zod's
 * own (too_small with origin and minimum, invalid_format with format…). A string, not an enum, so a renderer
 * meeting a newer code still parses the error and shows `message`, the English fallback (also what logs show).
 * A provider's own field messages carry no code.
 */
export const FieldIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
  code: z.string().max(64).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

export const ErrorDetailsSchema = z
  .object({
    provider: z.string().optional(),
    operation: z.string().optional(),
    status: z.number().int().optional(),
    host: z.string().optional(),
    /** `host:port` of the proxy the call went through (never its credentials). */
    proxy: z.string().optional(),
    providerMessage: z.string().optional(),
    retryAfterSeconds: z.number().optional(),
    /** A write whose answer was lost (timeout, reset, cut off): it may have been carried out, so check before repeating. */
    mayHaveTakenEffect: z.boolean().optional(),
    fields: z.array(FieldIssueSchema).optional(),
    /**
     * Why, where a provider's answer means something specific (shared/error-reasons.ts), with its params: the
     * renderer words it with its next step. A string, not the enum, for the same reason as a field issue's code.
     */
    reason: z.string().max(64).optional(),
    reasonParams: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    call: z.string().optional(),
    file: z.string().optional(),
  })
  .partial();

export const AppErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  details: ErrorDetailsSchema.optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorSchema>;

/** What every bridge call resolves to: never a thrown error across the process boundary. */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: AppErrorSchema }),
  ]);
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
