import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { ProviderWire, SandboxResponse } from '../http-server';

/** Chat2Desk's wire (specs/chat2desk-chatti.md A1, A4, C2–C4). */
export const chat2DeskWire: ProviderWire = {
  jsonResponse: (status, value) => ({
    status,
    // A1: headers captured from the real service (gzip left out: nothing here is large).
    headers: {
      Server: 'nginx/1.16.1',
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'max-age=0, private, must-revalidate',
      'X-Request-Id': randomUUID(),
      'X-Runtime': '0.012345',
    },
    body: JSON.stringify(value),
  }),
  errorResponse: (status) => failure(status, errorName(status), STATUS_CODES[status] ?? 'Error'),
};

function errorName(status: number): string {
  if (status === 400) return 'bad_request';
  if (status === 401) return 'unauthorized';
  if (status === 404) return 'not_found';
  return (STATUS_CODES[status] ?? 'error').toLowerCase().replace(/\W+/g, '_');
}

export const ok = (value: unknown, status = 200) => chat2DeskWire.jsonResponse(status, value);
/** A4 success: `{"data":…,"status":"success"}`. */
export const success = (data: unknown, extra: Record<string, unknown> = {}) => ok({ data, ...extra, status: 'success' });
/** DELETE webhooks, PUT operators …: `{"status":"success"}` alone. */
export const acknowledged = () => ok({ status: 'success' });

/** A4: `{"message":…,"errors":…,"status":"error"}`. */
export function failure(status: number, message: string, errors: unknown): SandboxResponse {
  return chat2DeskWire.jsonResponse(status, { message, errors, status: 'error' });
}

/** A4 variant 1: 400 with per-field `{text, error}` lists. */
export const fieldError = (field: string, text: string, error: string) => failure(400, 'bad_request', { [field]: [{ text, error }] });

/** A4 variant 2: 400 with `errors` as an array. */
export const listError = (text: string, error: string) => failure(400, 'bad_request', [{ text, error }]);

/** A4 variant 3: 404 `"<Entity> #<id> not found"`. */
export const notFound = (entity: string, id: string | number) => failure(404, 'not_found', `${entity} #${id} not found`);

/** A3: the only documented parameter checks (tickets), reused for every list. */
export const NUMERIC = 'Parameter must be a numeric value.';
export const missing = (field: string) => fieldError(field, 'Parameter is required.', 'missing_parameter');
