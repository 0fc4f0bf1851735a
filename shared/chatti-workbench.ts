import { z } from 'zod';
import { filled, problem } from './field-problems';
import { AppErrorSchema } from './errors';

/**
 * Chatti's request workbench (Chatti documents conventions, not endpoints): what the user may send. The API key
 * is never part of it — main injects it — so paths and query names that would carry credentials are refused.
 */
/** Names a query parameter must not have: the key travels in the `x-api-key` header, injected by the app. */
const CREDENTIAL_PARAMETER = /^(x[-_])?api[-_]?key$|^(access[-_])?token$|^password$|^secret$/i;

/**
 * A path on the account's base URL: starts with `/`, carries no scheme, host, user info or fragment, and no
 * control characters or backslashes (which some URL parsers read as `/`).
 */
export const RequestPathSchema = z
  .string()
  .refine(filled, problem('path_empty'))
  .refine((path) => path.startsWith('/'), problem('path_slash'))
  .refine((path) => !path.startsWith('//') && !path.includes('://'), problem('path_host'))
  .refine((path) => ![...path].some((char) => char <= ' ' || char === '\u007f' || char === '\\' || char === '#'), problem('path_characters'))
  .refine((path) => !/[?&](x[-_])?api[-_]?key=|[?&](access[-_])?token=|[?&]password=|[?&]secret=/i.test(path), problem('path_credentials'));

const QueryValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number(), z.boolean()]))]);

/** What the request workbench sends: method, path, query and a JSON body. The key is never part of it. */
export const WorkbenchRequestSchema = z
  .object({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
    path: RequestPathSchema,
    query: z
      .record(z.string().min(1), QueryValueSchema)
      .refine((query) => !Object.keys(query).some((name) => CREDENTIAL_PARAMETER.test(name)), problem('query_credentials'))
      .optional(),
    body: z.unknown().optional(),
  })
  // Node's fetch refuses a body on GET; Chatti documents none there.
  .refine((request) => request.method !== 'GET' || request.body === undefined, { ...problem('get_without_body'), path: ['body'] });

/** A response body as the workbench shows it: the parsed JSON, or the text with what kind it is. */
export const WorkbenchBodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('json'), value: z.unknown() }),
  z.object({ kind: z.enum(['html', 'truncated', 'text']), text: z.string() }),
  z.object({ kind: z.literal('empty') }),
]);

export const WorkbenchResponseSchema = z.object({
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  body: WorkbenchBodySchema,
  latencyMs: z.number().nonnegative(),
  /** A failing answer (a 4xx/5xx status, or JSON cut off) in words, shown beside the raw answer; null when it worked. */
  problem: AppErrorSchema.nullable(),
});
