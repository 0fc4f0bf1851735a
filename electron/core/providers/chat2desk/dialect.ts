import type { FieldIssue } from '../../../../shared/errors';
import { fieldMapIssues, issueText, plainTextMessage, type ParsedBody, type ProviderDialect, type ProviderErrorInfo } from '../http';

/**
 * Chat2Desk's error bodies (specs/chat2desk-chatti.md A4) come in eight shapes:
 *   1. `{"message":"bad_request","errors":{"<field>":[{"text","error"}]},"status":"error"}` (400)
 *   2. the same with `errors` as an array of `{text, error}` (400)
 *   3. `{"message":"not_found","errors":"Message #1 not found","status":"error"}` (404)
 *   4. `{"message":"not_found","errors":{"text":"Access rights id #11 not found"},"status":"error"}` (400!)
 *   5. `{"message":"bad_request","errors":{"text":"Ticket #1 not found","error":"not_found"},"status":"error"}` (200!)
 *   6. `{"errors":{"client":["Client already exists","{\"id\":50485}"]},…}`: the existing id as a JSON string
 *   7. bare field maps with no envelope (operators, templates), strings or `{error}` objects in the lists
 *   8. messages/import: `{"errors":[{"text","errors":[{"attachment":["must be a string"]}]}],"status":"failure"}`
 */
export const chat2DeskDialect: ProviderDialect = {
  provider: 'chat2desk',
  displayName: 'Chat2Desk',
  readError: readChat2DeskError,
  classify(status, body) {
    // Variants 3–5: "not found" is what the body says, whatever the status (404, 400 or even 200).
    if (status !== 404 && status !== 400 && (status < 200 || status >= 300)) return undefined;
    const record = jsonRecord(body);
    if (!record) return undefined;
    const errors = record.errors as Record<string, unknown> | undefined;
    const singleNotFound = !!errors && typeof errors === 'object' && !Array.isArray(errors) && errors.error === 'not_found';
    if (record.message === 'not_found' || singleNotFound) return 'provider_not_found';
    return status >= 200 && status < 300 ? 'provider_validation' : undefined;
  },
  failedDespiteSuccess(body) {
    // Variant 5 (DELETE tickets answers 200 with status "error") and variant 8's "failure".
    const status = jsonRecord(body)?.status;
    return status === 'error' || status === 'failure';
  },
};

function jsonRecord(body: ParsedBody): Record<string, unknown> | undefined {
  if (body.kind !== 'json' || !body.value || typeof body.value !== 'object' || Array.isArray(body.value)) return undefined;
  return body.value as Record<string, unknown>;
}

export function readChat2DeskError(body: ParsedBody): ProviderErrorInfo {
  if (body.kind === 'text') return { message: plainTextMessage(body) };
  const record = jsonRecord(body);
  if (!record) return {};
  const enveloped = 'errors' in record || 'message' in record;
  // Variant 7: the whole body is the field map.
  if (!enveloped) return { fields: readableIssues(fieldMapIssues(record)) };

  const { errors } = record;
  const message = typeof record.message === 'string' ? record.message : undefined;
  if (typeof errors === 'string') return { message: errors };
  if (Array.isArray(errors)) {
    const texts = errors.map(issueText).filter((text): text is string => !!text);
    const nested = errors.flatMap((item) =>
      item && typeof item === 'object' && Array.isArray((item as { errors?: unknown }).errors)
        ? ((item as { errors: unknown[] }).errors.flatMap((inner) => fieldMapIssues(inner)) as FieldIssue[])
        : [],
    );
    return { message: texts.length ? texts.join('; ') : message, fields: nested.length ? readableIssues(nested) : undefined };
  }
  if (errors && typeof errors === 'object') {
    const single = errors as Record<string, unknown>;
    if (typeof single.text === 'string') return { message: single.text };
    const fields = readableIssues(fieldMapIssues(errors));
    return { message, fields };
  }
  return { message };
}

/**
 * Variant 6 puts the existing record as a JSON string next to the text (`"{\"id\":50485}"`): it is folded into
 * the issue before it, "Client already exists (id 50485)", instead of standing alone as a second issue.
 */
function readableIssues(issues: FieldIssue[]): FieldIssue[] {
  const result: FieldIssue[] = [];
  for (const issue of issues) {
    const id = embeddedId(issue.message);
    const previous = result.at(-1);
    if (id !== undefined && previous?.path === issue.path) previous.message = `${previous.message} (id ${id})`;
    else result.push({ ...issue });
  }
  return result;
}

function embeddedId(text: string): string | undefined {
  if (!/^\s*\{/.test(text)) return undefined;
  try {
    const value = JSON.parse(text) as { id?: unknown };
    return typeof value.id === 'number' || typeof value.id === 'string' ? String(value.id) : undefined;
  } catch {
    // The seed's own example escapes the brace (`{\"id\":50485\}`), which is not JSON: read the digits.
    return /"id\\?"?\s*:\s*(\d+)/.exec(text)?.[1];
  }
}
