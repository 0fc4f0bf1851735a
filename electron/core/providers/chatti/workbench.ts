import type { z } from 'zod';
import type { WorkbenchBodySchema, WorkbenchResponseSchema } from '../../../../shared/chatti-workbench';
import { DEFAULT_TIMEOUT_MS, httpExchange, joinUrl, transportFields, type CallOptions, type ParsedBody, type TransportOptions } from '../http';
import { errorFromStatus, errorFromSuccessBody, type CallContext } from '../http/error-mapping';
import { parseRetryAfter } from '../http/retry';
import { chattiDialect } from './dialect';
import { WorkbenchRequestSchema, type ChattiWorkbenchRequest } from './inputs';
import { chattiHeaders, checkChattiInput, checkRequestSize, chattiInvalid, type ChattiCredentials } from './request';

export type WorkbenchBody = z.infer<typeof WorkbenchBodySchema>;
export type ChattiWorkbenchResponse = z.infer<typeof WorkbenchResponseSchema>;

/**
 * The request workbench (Chatti documents conventions, no endpoints): one request as the user wrote it, the API key
 * injected here in the main process, and the answer whatever its status. The key is never echoed back: every
 * header value and the body pass through the redactor, which knows the key.
 */
export async function sendWorkbenchRequest(
  credentials: ChattiCredentials,
  transport: TransportOptions,
  request: ChattiWorkbenchRequest,
  call?: CallOptions,
): Promise<ChattiWorkbenchResponse> {
  const checked = checkChattiInput('workbench', WorkbenchRequestSchema, request);
  if (credentials.apiKey && (checked.path.includes(credentials.apiKey) || JSON.stringify(checked.query ?? {}).includes(credentials.apiKey))) {
    throw chattiInvalid('workbench', 'The path or query contains the API key: remove it, Switchboard adds the key itself');
  }
  checkRequestSize('workbench', checked.body);
  const url = joinUrl(credentials.baseUrl, checked.path);
  // joinUrl only appends; this is the second line of defence against a path that changes the host.
  if (new URL(url).origin !== new URL(credentials.baseUrl).origin) throw chattiInvalid('workbench', 'The path must stay on the account’s base URL');

  const action = `${checked.method} ${checked.path.split('?')[0]}`;
  const exchange = await httpExchange({
    ...transportFields(transport, call),
    dialect: chattiDialect,
    operation: 'workbench',
    action,
    credential: 'API key',
    method: checked.method,
    url,
    query: checked.query,
    headers: chattiHeaders(credentials),
    body: checked.body,
    secrets: [credentials.apiKey],
  });
  const redact = (text: string) => transport.redactor.redact(text);
  const headers: Record<string, string> = {};
  exchange.headers.forEach((value, name) => {
    headers[name] = redact(value);
  });
  const ctx: CallContext = {
    dialect: chattiDialect,
    operation: 'workbench',
    action,
    host: new URL(url).host,
    credential: 'API key',
    redactor: transport.redactor,
    timeoutMs: transport.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  return { status: exchange.status, headers, body: redactBody(exchange.body, redact), latencyMs: exchange.latencyMs, problem: problemOf(ctx, exchange) };
}

/**
 * The raw answer is the point of a workbench, but a failing one also gets the words every other screen uses
 * (wrong key, rate limited with its wait, quota, a gateway's HTML page, a reply cut off).
 */
function problemOf(ctx: CallContext, exchange: { status: number; headers: Headers; body: ParsedBody }) {
  const { status, headers, body } = exchange;
  if (status >= 400) {
    const retryAfter = status === 429 || status === 503 ? parseRetryAfter(headers.get('retry-after'), Date.now()) : undefined;
    return errorFromStatus(ctx, status, body, retryAfter).toShape();
  }
  return body.kind === 'truncated' ? errorFromSuccessBody(ctx, status, body).toShape() : null;
}

function redactBody(body: ParsedBody, redact: (text: string) => string): WorkbenchBody {
  if (body.kind === 'empty') return { kind: 'empty' };
  if (body.kind !== 'json') return { kind: body.kind, text: redact(body.text) };
  const text = redact(body.text);
  if (text === body.text) return { kind: 'json', value: body.value };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'text', text };
  }
}
