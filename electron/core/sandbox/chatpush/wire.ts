import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { ProviderWire, SandboxResponse } from '../http-server';
import { sortedJson } from '../sorted-json';

/** §1.4 / §9.3: compact sorted JSON and the Phoenix-style headers seen on /api/v1 and /developer/v1. */
export const chatpushWire: ProviderWire = {
  jsonResponse: (status, value) => ({
    status,
    headers: {
      Server: 'nginx',
      'Content-Type': 'application/json; charset=utf-8',
      'cache-control': 'max-age=0, private, must-revalidate',
      // 20 characters, like `F5noOkF08-W8VoIBHH_h` in the examples.
      'x-request-id': randomBytes(15).toString('base64url'),
    },
    body: sortedJson(value),
  }),
  errorResponse: (status) => failure(status, status === 401 ? 'Not authorized!' : status === 404 ? 'Not found' : (STATUS_CODES[status] ?? 'Error')),
};

/**
 * §1.4: instance creation answers from a different (Rails) backend: X-Frame-Options, X-XSS-Protection, an ETag,
 * X-Runtime and a UUID X-Request-Id instead of the 20-character one.
 */
export function railsJson(status: number, value: unknown): SandboxResponse {
  const body = sortedJson(value);
  return {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'X-Frame-Options': 'SAMEORIGIN',
      'X-XSS-Protection': '0',
      'X-Content-Type-Options': 'nosniff',
      ETag: `W/"${createHash('md5').update(body).digest('hex')}"`,
      'Cache-Control': 'max-age=0, private, must-revalidate',
      'X-Request-Id': randomUUID(),
      'X-Runtime': '0.042137',
    },
    body,
  };
}

/** §1.5: `{"meta":{"code":…,"message":…,"status":"fail"}}`; the 401 one is exactly 65 bytes. */
export function failure(status: number, message: string, extra: Record<string, unknown> = {}): SandboxResponse {
  return chatpushWire.jsonResponse(status, { meta: { code: status, message, status: 'fail', ...extra } });
}

export const notAuthorized = () => failure(401, 'Not authorized!');
export const notFound = () => failure(404, 'Not found');

/** §1.5 generic 422: `errors` by field, message "Unprocessable Entity", `status_id` null (1 for "not enough money"). */
export function unprocessable(errors: Record<string, string[]>, statusId: number | null = null): SandboxResponse {
  return failure(422, 'Unprocessable Entity', { errors, status_id: statusId });
}

/** §1.4: `{"meta":{"code":200,"status":"success"}, …resource}`; bare success is 40 bytes. */
export function success(resource: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): SandboxResponse {
  return chatpushWire.jsonResponse(200, { meta: { code: 200, status: 'success', ...meta }, ...resource });
}
