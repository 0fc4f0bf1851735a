import { STATUS_CODES } from 'node:http';
import type { ProviderWire, SandboxResponse } from '../http-server';
import type { GreenApiWorld } from './world';

/** §8.3 identifiers, sent as the error body of a bare status. */
const IDENTIFIERS: Record<number, string> = {
  400: 'bad request data',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  499: 'Client Closed Request',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
};

/** §8.1: the only error body GREEN-API documents as JSON (used when a test injects a bare 466). */
const QUOTA_BODY = {
  invokeStatus: {
    method: 'getstateinstance',
    used: 100,
    total: 100,
    status: 'QUOTE_EXCEEDED',
    description:
      'Monthly quota has been exceeded. Please go to your console and change the tariff to business https://console.green-api.com',
  },
};

export interface GreenApiWire extends ProviderWire {
  /** An error identifier in the world's error format (§14.22: the body shape is a doc gap). */
  message(status: number, text: string, headers?: Record<string, string>): SandboxResponse;
}

export function greenApiWire(world: GreenApiWorld): GreenApiWire {
  const json = (status: number, value: unknown): SandboxResponse => ({
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify(value),
  });
  const message = (status: number, text: string, headers: Record<string, string> = {}): SandboxResponse => {
    switch (world.errorFormat) {
      case 'json':
        return { ...json(status, { message: text }), headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } };
      case 'description':
        return { ...json(status, { code: status, description: text }), headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } };
      default:
        return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers }, body: text };
    }
  };
  return {
    jsonResponse: json,
    message,
    errorResponse: (status) => (status === 466 ? json(466, QUOTA_BODY) : message(status, IDENTIFIERS[status] ?? STATUS_CODES[status] ?? 'Error')),
    logPath: maskTokens,
  };
}

/**
 * The token sits in the path (§1): every segment after the method is masked in the request log, except a receiptId
 * (digits). A mistyped path such as `/waInstance/{id}/…` (§13.2) shifts the token right; it is masked all the same.
 */
function maskTokens(pathWithQuery: string): string {
  const queryAt = pathWithQuery.indexOf('?');
  const path = queryAt < 0 ? pathWithQuery : pathWithQuery.slice(0, queryAt);
  const query = queryAt < 0 ? '' : pathWithQuery.slice(queryAt);
  const masked = path.split('/').map((part, index) => (index >= 3 && part !== '' && !/^\d{1,20}$/.test(part) ? '••••' : part));
  return `${masked.join('/')}${query}`;
}
