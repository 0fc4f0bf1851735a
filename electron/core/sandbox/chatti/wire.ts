import { STATUS_CODES } from 'node:http';
import type { ProviderWire, SandboxResponse } from '../http-server';

/**
 * Part B documents the status codes but no error body ([GAP]). The sandbox answers in the style of the Laravel
 * conventions the envelope comes from: `{"message": …}` and, for invalid input, `"errors": {field: [text]}`.
 */
export const chattiWire: ProviderWire = {
  jsonResponse: (status, value) => ({ status, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(value) }),
  errorResponse: (status) => chattiWire.jsonResponse(status, { message: STATUS_CODES[status] ?? 'Error' }),
};

export const json = (value: unknown, status = 200) => chattiWire.jsonResponse(status, value);
export const chattiError = (status: number, message = STATUS_CODES[status] ?? 'Error') => json({ message }, status);

/** 400 "malformed syntax or framing" with the field that is wrong. */
export function invalid(field: string, message: string): SandboxResponse {
  return json({ message, errors: { [field]: [message] } }, 400);
}

/** 204 No Content: no body, no Content-Type. */
export const noContent = (): SandboxResponse => ({ status: 204, headers: {}, body: '' });
