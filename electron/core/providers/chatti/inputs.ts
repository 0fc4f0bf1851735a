import { z } from 'zod';

/**
 * Part B: "The API currently has a limit of 8MB for any individual request". Read as 8 000 000 bytes, the stricter
 * of the two readings of "MB", so what the console sends fits either.
 */
export const REQUEST_LIMIT_BYTES = 8_000_000;

/**
 * A request timestamp: a Date goes out as ISO 8601; text is passed as written, since Chatti takes "reasonably
 * flexible" values (`2001-12-31`, `01/01/1970`, `last Monday`, `yesterday`: Part B "Timestamps").
 */
const TimestampSchema = z.union([z.date().transform((date) => date.toISOString()), z.string().trim().min(1)]);

/** Part B pagination: page ≥ 1 (default 1), per_page 1–1000 (default 50), after (inclusive), before (exclusive). */
export const ListParamsSchema = z.object({
  page: z.number().int().min(1).optional(),
  perPage: z.number().int().min(1).max(1000).optional(),
  after: TimestampSchema.optional(),
  before: TimestampSchema.optional(),
});
export type ChattiListParams = z.input<typeof ListParamsSchema>;

/** Names a query parameter must not have: the key travels in the `x-api-key` header, injected by the app. */
const CREDENTIAL_PARAMETER = /^(x[-_])?api[-_]?key$|^(access[-_])?token$|^password$|^secret$/i;

/**
 * A path on the account's base URL: starts with `/`, carries no scheme, host, user info or fragment, and no
 * control characters or backslashes (which some URL parsers read as `/`).
 */
export const RequestPathSchema = z
  .string()
  .min(1, 'the path is empty')
  .refine((path) => path.startsWith('/'), 'the path must start with "/"')
  .refine((path) => !path.startsWith('//') && !path.includes('://'), 'the path must not name a scheme or another host')
  .refine((path) => ![...path].some((char) => char <= ' ' || char === '\u007f' || char === '\\' || char === '#'), 'the path must not contain spaces, control characters, backslashes or "#"')
  .refine((path) => !/[?&](x[-_])?api[-_]?key=|[?&](access[-_])?token=|[?&]password=|[?&]secret=/i.test(path), 'the path must not carry credentials: the API key is added by Switchboard');

const QueryValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number(), z.boolean()]))]);

/** What the request workbench sends: method, path, query and a JSON body. The key is never part of it. */
export const WorkbenchRequestSchema = z
  .object({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
    path: RequestPathSchema,
    query: z
      .record(z.string().min(1), QueryValueSchema)
      .refine((query) => !Object.keys(query).some((name) => CREDENTIAL_PARAMETER.test(name)), 'query parameters must not carry credentials: the API key is added by Switchboard')
      .optional(),
    body: z.unknown().optional(),
  })
  // Node's fetch refuses a body on GET; Chatti documents none there.
  .refine((request) => request.method !== 'GET' || request.body === undefined, { message: 'a GET request cannot carry a body', path: ['body'] });
export type ChattiWorkbenchRequest = z.input<typeof WorkbenchRequestSchema>;
