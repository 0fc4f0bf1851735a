import type { z } from 'zod';
import type { ErrorCode, FieldIssue } from '../../../../shared/errors';
import { fieldIssueOf } from '../../../../shared/field-problems';
import { AppError } from '../../app-error';
import { httpJson, joinUrl, transportFields, type CallOptions, type HttpMethod, type QueryValue, type TransportOptions } from '../http';
import { chat2DeskDialect } from './dialect';

export interface Chat2DeskCredentials {
  /** `https://api.chat2desk.com` (no `/v1`). */
  baseUrl: string;
  apiToken: string;
}

export interface Chat2DeskCall<S extends z.ZodType> {
  /** Stable id for errors and logs, e.g. `createWebhook`. */
  operation: string;
  /** English phrase for messages, e.g. "creating a webhook". */
  action: string;
  method: HttpMethod;
  /** `/v1/...` */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  parse: S;
  hints?: Partial<Record<ErrorCode, string>>;
}

const HINTS: Partial<Record<ErrorCode, string>> = {
  auth_failed: 'Check the API token (Settings → API, under the admin account).',
  forbidden: 'Check that the API token belongs to an admin account, that API access is enabled and that this month’s API requests are not used up (api_info).',
};

/**
 * How every Chat2Desk call is made: `Authorization: <token>`, raw, with no scheme (A1); the A4 error variants
 * through the dialect (including a 200 whose body says `"status":"error"`); only GETs are retried, so a send, a
 * create or a delete is never repeated behind the operator's back.
 */
export class Chat2DeskCaller {
  constructor(
    private readonly credentials: Chat2DeskCredentials,
    private readonly transport: TransportOptions,
  ) {}

  async call<S extends z.ZodType>(spec: Chat2DeskCall<S>, call?: CallOptions): Promise<z.output<S>> {
    const response = await httpJson({
      ...transportFields(this.transport, call),
      dialect: chat2DeskDialect,
      operation: spec.operation,
      action: spec.action,
      credential: 'API token',
      hints: { ...HINTS, ...spec.hints },
      method: spec.method,
      url: joinUrl(this.credentials.baseUrl, spec.path),
      query: spec.query,
      headers: { Authorization: this.credentials.apiToken },
      body: spec.body,
      idempotent: spec.method === 'GET',
      secrets: [this.credentials.apiToken],
      parse: spec.parse,
    });
    return response.data;
  }

  /** A request Switchboard refuses to send (strict on output): invalid_input naming the operation. */
  invalid(operation: string, message: string, fields?: FieldIssue[]): AppError {
    return new AppError('invalid_input', `${message} (Chat2Desk, ${operation}).`, { provider: 'chat2desk', operation, ...(fields && { fields }) });
  }
}

/** Input checked against its schema before anything is sent; the first problem becomes the message. */
export function checkInput<S extends z.ZodType>(caller: Chat2DeskCaller, operation: string, schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  const fields = result.error.issues.map((each) => fieldIssueOf(each, { input: value }));
  throw caller.invalid(operation, `${where}${issue?.message ?? 'invalid input'}`, fields);
}
