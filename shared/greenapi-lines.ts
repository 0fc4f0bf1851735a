import { z } from 'zod';
import { IdInstanceSchema, SecretInputSchema } from './accounts';
import { GREENAPI_DEFAULT_HOSTS } from './providers';
import { HttpUrlSchema } from './url';

/**
 * "Paste several" for GREEN-API: one instance per line, `idInstance apiTokenInstance [apiUrl] [mediaUrl]`,
 * separated by spaces, tabs, commas or semicolons (what a spreadsheet or the personal account copies out).
 * Pure: the renderer previews the result before anything is added, and words the problems from their codes.
 */

export type GreenapiLineInstance = {
  /** 1-based line number in the pasted text. */
  line: number;
  idInstance: string;
  apiTokenInstance: string;
  apiUrl: string;
  mediaUrl: string;
};

export type GreenapiLineProblem =
  | { line: number; code: 'too_few_fields' | 'too_many_fields'; found: number }
  | { line: number; code: 'invalid_id_instance'; value: string }
  /** No value: it is a secret. */
  | { line: number; code: 'invalid_token' }
  | { line: number; code: 'invalid_api_url' | 'invalid_media_url'; value: string; reason: string }
  /** The same idInstance earlier in the pasted text. */
  | { line: number; code: 'duplicate'; idInstance: string; firstLine: number }
  /** The idInstance is already in the account being edited. */
  | { line: number; code: 'already_added'; idInstance: string };

export type GreenapiLinesResult = { instances: GreenapiLineInstance[]; problems: GreenapiLineProblem[] };

const SEPARATORS = /[\s,;]+/;

export function parseGreenapiLines(text: string, alreadyAdded: readonly string[] = []): GreenapiLinesResult {
  const instances: GreenapiLineInstance[] = [];
  const problems: GreenapiLineProblem[] = [];
  const firstLineOf = new Map<string, number>();
  const existing = new Set(alreadyAdded);

  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const fields = raw.trim().split(SEPARATORS).filter(Boolean);
    if (fields.length === 0) return;
    if (fields.length < 2 || fields.length > 4) {
      problems.push({ line, code: fields.length < 2 ? 'too_few_fields' : 'too_many_fields', found: fields.length });
      return;
    }
    const [id = '', token = '', apiUrl = GREENAPI_DEFAULT_HOSTS.apiUrl, mediaUrl = GREENAPI_DEFAULT_HOSTS.mediaUrl] = fields;

    const parsedId = IdInstanceSchema.safeParse(id);
    const parsedToken = SecretInputSchema.safeParse(token);
    const parsedApi = HttpUrlSchema.safeParse(apiUrl);
    const parsedMedia = HttpUrlSchema.safeParse(mediaUrl);
    if (!parsedId.success || !parsedToken.success || !parsedApi.success || !parsedMedia.success) {
      if (!parsedId.success) problems.push({ line, code: 'invalid_id_instance', value: id });
      if (!parsedToken.success) problems.push({ line, code: 'invalid_token' });
      if (!parsedApi.success) problems.push({ line, code: 'invalid_api_url', value: apiUrl, reason: urlReason(parsedApi.error) });
      if (!parsedMedia.success) {
        problems.push({ line, code: 'invalid_media_url', value: mediaUrl, reason: urlReason(parsedMedia.error) });
      }
      return;
    }

    const idInstance = parsedId.data;
    const firstLine = firstLineOf.get(idInstance);
    if (firstLine !== undefined) {
      problems.push({ line, code: 'duplicate', idInstance, firstLine });
      return;
    }
    firstLineOf.set(idInstance, line);
    if (existing.has(idInstance)) {
      problems.push({ line, code: 'already_added', idInstance });
      return;
    }
    instances.push({ line, idInstance, apiTokenInstance: parsedToken.data, apiUrl: parsedApi.data, mediaUrl: parsedMedia.data });
  });

  return { instances, problems };
}

/** The machine-readable reason shared/url.ts attaches to a rejected URL (`not_a_url`, `insecure_scheme`, …). */
function urlReason(error: z.ZodError): string {
  const issue = error.issues[0];
  const reason = issue && 'params' in issue ? (issue.params as { reason?: unknown } | undefined)?.reason : undefined;
  return typeof reason === 'string' ? reason : 'not_a_url';
}
