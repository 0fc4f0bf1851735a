// Extracts every saved response example from a Postman collection (v2.0 / v2.1), for golden tests: each
// documented response body that is valid JSON must parse into a provider's wire schemas.
//
// Shapes seen in the seeds (../shared/seeds 000–003), all accepted here:
// - a bare collection `{info, item}` (000–002) or a Postman web-page state `{collection: {info, item?}}` (003,
//   which carries no items: it yields no examples);
// - `url` as a string (v2.0) or an object with `raw` (v2.1), on the request and on each example's originalRequest;
// - `header` as an array of {key, value}, `null`, or missing; `code`/`status` missing on some examples;
// - `body` as a string, `null` or missing.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const PostmanUrlSchema = z.union([z.string(), z.looseObject({ raw: z.string().optional() })]);
const PostmanHeaderSchema = z.looseObject({ key: z.string(), value: z.string().nullish() });
const PostmanRequestSchema = z.looseObject({
  method: z.string().optional(),
  url: PostmanUrlSchema.optional(),
});
const PostmanResponseSchema = z.looseObject({
  name: z.string().optional(),
  originalRequest: PostmanRequestSchema.nullish(),
  code: z.number().int().optional(),
  status: z.string().optional(),
  header: z.union([z.array(PostmanHeaderSchema), z.string()]).nullish(),
  body: z.string().nullish(),
});

interface PostmanItem {
  name?: string | undefined;
  item?: PostmanItem[] | undefined;
  request?: z.infer<typeof PostmanRequestSchema> | string | undefined;
  response?: z.infer<typeof PostmanResponseSchema>[] | undefined;
}
const PostmanItemSchema: z.ZodType<PostmanItem> = z.lazy(() =>
  z.looseObject({
    name: z.string().optional(),
    item: z.array(PostmanItemSchema).optional(),
    // v2.0 allows a request to be just its URL string.
    request: z.union([PostmanRequestSchema, z.string()]).optional(),
    response: z.array(PostmanResponseSchema).optional(),
  }),
);
const PostmanCollectionSchema = z.looseObject({
  info: z.looseObject({ name: z.string().optional() }),
  item: z.array(PostmanItemSchema).optional(),
});
const PostmanDocumentSchema = z.union([
  PostmanCollectionSchema,
  z.looseObject({ collection: PostmanCollectionSchema }).transform((page) => page.collection),
]);

export interface PostmanExample {
  /** The collection's info.name. */
  collection: string;
  /** Folder names from the collection root down to the request's parent. */
  folderPath: string[];
  requestName: string;
  exampleName: string;
  method: string;
  /** The example's original request URL (raw), or the request's own URL when the example has none. */
  url: string;
  /** HTTP status code, or undefined when the example does not record one. */
  status: number | undefined;
  statusText: string | undefined;
  headers: Array<{ key: string; value: string }>;
  body: string;
  bodyIsJson: boolean;
  /** The parsed body when bodyIsJson, else undefined. */
  json: unknown;
}

/** Every saved response example of a collection, in document order, recursing folders. */
export function extractPostmanExamples(document: unknown): PostmanExample[] {
  const collection = PostmanDocumentSchema.parse(document);
  const examples: PostmanExample[] = [];
  const walk = (items: PostmanItem[], folderPath: string[]): void => {
    for (const item of items) {
      const name = item.name ?? '';
      if (item.item) walk(item.item, [...folderPath, name]);
      for (const response of item.response ?? []) {
        examples.push(toExample(collection.info.name ?? '', folderPath, name, item.request, response));
      }
    }
  };
  walk(collection.item ?? [], []);
  return examples;
}

function toExample(
  collection: string,
  folderPath: string[],
  requestName: string,
  request: PostmanItem['request'],
  response: z.infer<typeof PostmanResponseSchema>,
): PostmanExample {
  const ownRequest = typeof request === 'string' ? { url: request } : request;
  const original = response.originalRequest ?? undefined;
  const body = response.body ?? '';
  const parsed = parseJson(body);
  return {
    collection,
    folderPath,
    requestName,
    exampleName: response.name ?? '',
    method: (original?.method ?? ownRequest?.method ?? 'GET').toUpperCase(),
    url: rawUrl(original?.url) ?? rawUrl(ownRequest?.url) ?? '',
    status: response.code,
    statusText: response.status,
    headers: Array.isArray(response.header)
      ? response.header.map((header) => ({ key: header.key, value: header.value ?? '' }))
      : [],
    body,
    bodyIsJson: parsed.ok,
    json: parsed.ok ? parsed.value : undefined,
  };
}

function rawUrl(url: z.infer<typeof PostmanUrlSchema> | undefined): string | undefined {
  return typeof url === 'string' ? url : url?.raw;
}

function parseJson(body: string): { ok: true; value: unknown } | { ok: false } {
  if (body.trim() === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false };
  }
}

/** The seeds folder (../shared/seeds beside the repo); SWITCHBOARD_SEEDS_DIR overrides it. */
export function seedsDirectory(): string {
  return process.env.SWITCHBOARD_SEEDS_DIR ?? join(import.meta.dirname, '..', '..', '..', '..', '..', 'shared', 'seeds');
}

/** Loads a seed collection by its number prefix ("000" … "003") and extracts its examples. */
export function loadSeedExamples(prefix: string): PostmanExample[] {
  const directory = seedsDirectory();
  const file = readdirSync(directory).find((name) => name.startsWith(`${prefix}_`));
  if (!file) throw new Error(`Golden seeds: no file starting with "${prefix}_" in ${directory}`);
  return extractPostmanExamples(JSON.parse(readFileSync(join(directory, file), 'utf8')) as unknown);
}

/** One `<code>` block of a description (HTML) in a collection: folder and request descriptions alike. */
export interface DescriptionBlock {
  /** Names from the collection root down to the folder or request whose description holds the block. */
  folderPath: string[];
  /** The block's text, HTML entities and Postman's Markdown escapes (`\[`) undone; line breaks kept. */
  text: string;
}

/**
 * Every code block of every description in a seed collection, in document order. Some documented payloads (the
 * Phoenix frames, the Chategy/Jetapi webhook bodies) are not response examples: they sit as code blocks in the
 * folder descriptions.
 */
export function loadSeedDescriptionBlocks(prefix: string): DescriptionBlock[] {
  const directory = seedsDirectory();
  const file = readdirSync(directory).find((name) => name.startsWith(`${prefix}_`));
  if (!file) throw new Error(`Golden seeds: no file starting with "${prefix}_" in ${directory}`);
  const unescape = (html: string) =>
    html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const blocks: DescriptionBlock[] = [];
  const walk = (value: unknown, folderPath: string[]): void => {
    if (Array.isArray(value)) {
      for (const inner of value) walk(inner, folderPath);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    const here = typeof record.name === 'string' && ('item' in record || 'request' in record) ? [...folderPath, record.name] : folderPath;
    for (const [key, inner] of Object.entries(record)) {
      if (key === 'description' && typeof inner === 'string') {
        for (const [, block] of inner.matchAll(/<code[^>]*>([\s\S]*?)<\/code>/g)) {
          blocks.push({ folderPath: here, text: unescape(block!).replace(/\\([[\]])/g, '$1') });
        }
      } else walk(inner, here);
    }
  };
  walk(JSON.parse(readFileSync(join(directory, file), 'utf8')) as unknown, []);
  return blocks;
}
