import type { ErrorCode, FieldIssue } from '../../../../shared/errors';
import type { ProviderId } from '../../../../shared/providers';

/** A response body as the HTTP layer understood it, before any schema looks at it. */
export type ParsedBody =
  | { kind: 'json'; value: unknown; text: string }
  | { kind: 'html'; text: string }
  /** Starts like JSON but the document never closes: the reply was cut off. */
  | { kind: 'truncated'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'empty'; text: '' };

/** What a provider says about its own failure, read from its error body. */
export interface ProviderErrorInfo {
  message?: string;
  fields?: FieldIssue[];
}

/**
 * What the common HTTP layer needs to know about one provider's wire: its name for messages and how to read its
 * error bodies. Each provider folder supplies one; the layer never hard-codes an envelope.
 */
export interface ProviderDialect {
  readonly provider: ProviderId;
  /** How messages name the provider: "GREEN-API", "Jetapi", "Chat2Desk". */
  readonly displayName: string;
  readError(body: ParsedBody): ProviderErrorInfo;
  /**
   * The error code for an answer when the status alone would pick the wrong one (Chat2Desk sends "not found" as
   * a 400, and even as a 200). Undefined leaves the choice to the status.
   */
  classify?(status: number, body: ParsedBody): ErrorCode | undefined;
  /** True for a 2xx whose body reports a failure (Chat2Desk's `"status":"error"`): it is treated as an error answer. */
  failedDespiteSuccess?(body: ParsedBody): boolean;
}

/** A short plain-text body (GREEN-API's identifiers such as `instance in starting process try later`). */
export function plainTextMessage(body: ParsedBody): string | undefined {
  if (body.kind !== 'text') return undefined;
  const text = body.text.trim();
  return text ? text.slice(0, 300) : undefined;
}

/** Field issues from the common `{field: ["message", …]}` map; nested objects with `text` are read too. */
export function fieldMapIssues(errors: unknown): FieldIssue[] {
  if (!errors || typeof errors !== 'object' || Array.isArray(errors)) return [];
  const issues: FieldIssue[] = [];
  for (const [path, value] of Object.entries(errors as Record<string, unknown>)) {
    const list = Array.isArray(value) ? value : [value];
    for (const item of list) {
      const message = issueText(item);
      if (message) issues.push({ path, message });
    }
  }
  return issues;
}

/** `"text"`, `{text, error}` or `{error}`: the shapes a single issue takes across the providers. */
export function issueText(item: unknown): string | undefined {
  if (typeof item === 'string') return item;
  if (typeof item === 'number' || typeof item === 'boolean') return String(item);
  if (item && typeof item === 'object') {
    const record = item as Record<string, unknown>;
    for (const key of ['text', 'message', 'error']) {
      if (typeof record[key] === 'string' && record[key]) return record[key] as string;
    }
  }
  return undefined;
}

/** The `<title>` of an HTML error page, e.g. "502 Bad Gateway". */
export function htmlTitle(body: ParsedBody): string | undefined {
  if (body.kind !== 'html') return undefined;
  const match = /<title[^>]*>([^<]{1,200})<\/title>/i.exec(body.text);
  return match?.[1]?.trim() || undefined;
}
