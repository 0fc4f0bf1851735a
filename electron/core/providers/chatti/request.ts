import type { ErrorCode } from '../../../../shared/errors';
import { AppError } from '../../app-error';
import type { z } from 'zod';
import { REQUEST_LIMIT_BYTES } from './inputs';

export interface ChattiCredentials {
  /** The user's; Chatti documents no base URL (Part B [GAP]). */
  baseUrl: string;
  apiKey: string;
}

/**
 * The status codes of Part B, each with what to do; the sentences themselves come from the common layer (401
 * rejected key, 403 refused, 404 not found, 405 method not allowed, 429 rate, 500/503/504 unavailable).
 */
export const CHATTI_HINTS: Partial<Record<ErrorCode, string>> = {
  auth_failed: 'Check the API key.',
  forbidden: 'The API key is valid but not allowed to do this: check its permissions in Chatti.',
  provider_not_found: 'Check the base URL and the path.',
  provider_validation: 'Chatti could not process the request (malformed syntax or framing): check the parameters and the body.',
  rate_limited: 'Chatti limits the request rate (no figure is documented): wait a little and try again.',
};

/** Part B: `x-api-key`, and "Content-type = application/json" on every call, reads included. */
export function chattiHeaders(credentials: ChattiCredentials): Record<string, string> {
  return { 'x-api-key': credentials.apiKey, 'Content-Type': 'application/json' };
}

export function chattiInvalid(operation: string, message: string): AppError {
  return new AppError('invalid_input', `${message} (Chatti, ${operation}).`, { provider: 'chatti', operation });
}

export function checkChattiInput<S extends z.ZodType>(operation: string, schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  throw chattiInvalid(operation, `${where}${issue?.message ?? 'invalid input'}`);
}

/** Part B "Request limits": a body over 8 MB is refused here, before a byte is sent. */
export function checkRequestSize(operation: string, body: unknown): void {
  if (body === undefined) return;
  const bytes = Buffer.byteLength(JSON.stringify(body), 'utf8');
  if (bytes > REQUEST_LIMIT_BYTES) {
    const mb = (bytes / 1_000_000).toFixed(1);
    throw chattiInvalid(operation, `The request body is ${mb} MB; Chatti accepts at most 8 MB per request. Split the data across several requests`);
  }
}
