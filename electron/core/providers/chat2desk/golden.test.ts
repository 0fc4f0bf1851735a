import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Redactor } from '../../redactor';
import { loadSeedExamples, seedsDirectory, type PostmanExample } from '../golden/postman';
import { errorFromStatus } from '../http/error-mapping';
import { chat2DeskDialect } from './dialect';
import { AcknowledgementSchema } from './envelope';
import { parseChat2DeskEvent } from './events';
import { MessageByIdSchema, MessageListSchema } from './message-schemas';
import { ApiInfoSchema, ApiModesSchema, ChannelListSchema, CompanyInfoSchema, TransportsSchema } from './schemas';
import { WebhookByIdSchema, WebhookListSchema, WebhookWriteSchema } from './webhook-schemas';

/**
 * Golden tests over seed 002 (Chat2Desk). Every saved response example that is valid JSON is accounted for:
 * a success answer of an endpoint this client calls parses into its schema; an error answer (4xx, or a 200 whose
 * body says "error") is read by the dialect into a message or field issues; a success answer of an endpoint the
 * client does not call is listed as such. Examples that are not JSON (Python repr, empty) are skipped with the
 * reason; the two message examples are Python repr and are also read after a mechanical conversion.
 */

const CLIENT_ENDPOINTS: [method: string, path: RegExp, schema: z.ZodType][] = [
  ['GET', /^\/v1\/companies\/api_info$/, ApiInfoSchema],
  ['GET', /^\/v1\/companies\/info$/, CompanyInfoSchema],
  ['GET', /^\/v1\/help\/api_modes$/, ApiModesSchema],
  ['GET', /^\/v1\/help\/transports$/, TransportsSchema],
  ['GET', /^\/v1\/channels$/, ChannelListSchema],
  ['GET', /^\/v1\/webhooks$/, WebhookListSchema],
  ['GET', /^\/v1\/webhooks\/[^/]+$/, WebhookByIdSchema],
  ['POST', /^\/v1\/webhooks$/, WebhookWriteSchema],
  ['DELETE', /^\/v1\/webhooks\/[^/]+$/, AcknowledgementSchema],
  ['GET', /^\/v1\/messages$/, MessageListSchema],
  ['GET', /^\/v1\/messages\/\d+$/, MessageByIdSchema],
  ['DELETE', /^\/v1\/tickets\/[^/]+$/, AcknowledgementSchema],
];

function endpoint(example: PostmanExample) {
  const path = new URL(example.url).pathname.replace(/\/+$/, '');
  return CLIENT_ENDPOINTS.find(([method, pattern]) => method === example.method && pattern.test(path));
}

/** Python repr → JSON, for the examples A4 [AMBIG] shows that way (quotes, None, True, False). */
function fromPythonRepr(text: string): unknown {
  try {
    return JSON.parse(text.replace(/'/g, '"').replace(/\bNone\b/g, 'null').replace(/\bTrue\b/g, 'true').replace(/\bFalse\b/g, 'false'));
  } catch {
    return undefined;
  }
}

/** An error example: a 4xx, a body that says "error"/"failure", or (no status recorded) one named as an error. */
/** A4: `{"data":…,"status":"success"}` (meta on lists, no status on statistics), `{"status":"success"}` alone, or bare. */
const SuccessEnvelopeSchema = z.union([
  z.object({ data: z.unknown(), meta: z.object({ total: z.number(), limit: z.number(), offset: z.number() }).optional(), status: z.literal('success').optional() }).strict(),
  z.object({ status: z.literal('success'), errors: z.array(z.never()).optional() }).strict(),
  z.array(z.unknown()),
]);

const isErrorAnswer = (example: PostmanExample) => {
  const status = (example.json as { status?: unknown } | null)?.status;
  return (example.status ?? 200) >= 400 || status === 'error' || status === 'failure' || (example.status === undefined && /error|unsucces/i.test(example.exampleName));
};

describe('Chat2Desk golden examples (seed 002)', () => {
  const examples = loadSeedExamples('002');

  it('every JSON success answer of a client endpoint parses into its schema', () => {
    const parsed: string[] = [];
    for (const example of examples.filter((e) => e.bodyIsJson && !isErrorAnswer(e) && endpoint(e))) {
      const [, , schema] = endpoint(example)!;
      const result = schema.safeParse(example.json);
      expect(result.success, `${example.method} ${example.url} (${example.exampleName}): ${JSON.stringify(result.error?.issues?.[0])}`).toBe(true);
      parsed.push(`${example.method} ${new URL(example.url).pathname}`);
    }
    expect(parsed).toHaveLength(10);
  });

  it('the documented values come through: api_info, channels, the one-element webhook array, transports', () => {
    const find = (method: string, path: string) => examples.find((e) => e.method === method && new URL(e.url).pathname === path && e.bodyIsJson)!.json;
    expect(ApiInfoSchema.parse(find('GET', '/v1/companies/api_info'))).toMatchObject({ companyId: 62980, partnerId: 1, apiCalls: { left: 99979 + 1000000 } });
    expect(ChannelListSchema.parse(find('GET', '/v1/channels'))).toMatchObject({ total: 1, limit: 20, items: [{ id: 21750, whatsappDailyNewClients: { limit: 10, used: 1, left: 9 } }] });
    expect(WebhookByIdSchema.parse(find('GET', '/v1/webhooks/5518'))).toMatchObject({ id: 5518, status: 'enable', errors: [], channels: null });
    expect(WebhookWriteSchema.parse(find('POST', '/v1/webhooks'))).toMatchObject({ id: 97, source: 'client', channels: [1123, 5813] });
    expect(TransportsSchema.parse(find('GET', '/v1/help/transports'))).toHaveLength(30);
    expect(CompanyInfoSchema.parse(find('GET', '/v1/companies/info'))).toMatchObject({ id: 123, workingMode: 'online' });
  });

  it('every JSON error answer is read into a message or field issues, with a specific code', () => {
    const ctx = { dialect: chat2DeskDialect, operation: 'golden', action: 'reading an example', host: 'api.chat2desk.com', redactor: new Redactor(), timeoutMs: 1 };
    const read: string[] = [];
    for (const example of examples.filter((e) => e.bodyIsJson && isErrorAnswer(e))) {
      const body = { kind: 'json' as const, value: example.json, text: example.body };
      const error = errorFromStatus(ctx, example.status ?? 400, body);
      const said = error.details.providerMessage ?? error.details.fields?.map((f) => f.message).join('; ');
      expect(said, `${example.method} ${example.url} (${example.exampleName})`).toBeTruthy();
      expect(error.code).toMatch(/^provider_(validation|not_found)$/);
      read.push(`${error.code}: ${said}`);
    }
    expect(read).toHaveLength(23);
    expect(read).toContain('provider_not_found: Ticket #1245654 not found');
    expect(read).toContain('provider_not_found: Access rights id #11 not found');
    expect(read).toContain('provider_validation: imported message with 2 attachments');
  });

  it('the Python-repr message examples read after conversion', () => {
    const list = examples.find((e) => e.method === 'GET' && new URL(e.url).pathname === '/v1/messages/')!;
    const one = examples.find((e) => e.method === 'GET' && new URL(e.url).pathname === '/v1/messages/1312913968')!;
    expect(list.bodyIsJson).toBe(false);
    expect(MessageListSchema.parse(fromPythonRepr(list.body))).toMatchObject({ messages: [{ id: 274002417, type: 'from_client', read: true, deliveryStatus: null }] });
    expect(MessageByIdSchema.parse(fromPythonRepr(one.body))).toMatchObject({ id: 274002417, created: '2019-11-13T09:52:17 UTC' });
  });

  it('accounts for all 89 examples: parsed, errors read, outside the client, or skipped with a reason', () => {
    const tally = { parsed: 0, errorsRead: 0, outsideClient: [] as string[], skipped: [] as string[] };
    for (const example of examples) {
      const name = `${example.method} ${new URL(example.url).pathname} (${example.exampleName})`;
      if (!example.bodyIsJson) tally.skipped.push(`${name}: ${example.body.trim() ? 'not JSON (Python repr or unquoted values)' : 'empty body'}`);
      else if (isErrorAnswer(example)) tally.errorsRead++;
      else if (endpoint(example)) tally.parsed++;
      else tally.outsideClient.push(name);
    }
    expect(tally.parsed).toBe(10);
    expect(tally.errorsRead).toBe(23);
    // Clients, operators, tags, tickets, templates, statistics, reference lists …: no client operation calls them.
    // They are still held to the A4 success envelope (data, with meta and status where given), or a bare array.
    expect(tally.outsideClient).toHaveLength(34);
    for (const example of examples.filter((e) => e.bodyIsJson && !isErrorAnswer(e) && !endpoint(e))) {
      expect(SuccessEnvelopeSchema.safeParse(example.json).success, `${example.method} ${example.url}`).toBe(true);
    }
    expect(tally.skipped).toHaveLength(22);
    expect(tally.parsed + tally.errorsRead + tally.outsideClient.length + tally.skipped.length).toBe(examples.length);
  });
});

/** A6's webhook payload examples live in the Webhooks folder description, as `language-json` code blocks. */
function webhookPayloadExamples(): { text: string; value: unknown }[] {
  const file = readdirSync(seedsDirectory()).find((name) => name.startsWith('002_'))!;
  const collection = JSON.parse(readFileSync(join(seedsDirectory(), file), 'utf8')) as { item: { name: string; description?: string }[] };
  const description = collection.item.find((item) => item.name === 'Webhooks')!.description!;
  const unescape = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return [...description.matchAll(/<code class="language-json">([\s\S]*?)<\/code>/g)].map((match) => {
    const text = unescape(match[1]!);
    try {
      return { text, value: JSON.parse(text) as unknown };
    } catch {
      return { text, value: undefined };
    }
  });
}

describe('Chat2Desk webhook payload examples (seed 002, A6)', () => {
  it('every example that is valid JSON parses as its documented event; the four broken ones are named', () => {
    const blocks = webhookPayloadExamples();
    expect(blocks).toHaveLength(25);
    const parsed = blocks.filter((block) => block.value !== undefined).map((block) => parseChat2DeskEvent(block.value));
    for (const result of parsed) expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    expect(parsed.map((result) => (result.ok ? result.event.name : ''))).toHaveLength(21);
    // Invalid JSON in the document: `"login"/"logout"`, a raw newline inside a string, `"12321"/"Public API"`, an unquoted date.
    const broken = blocks.filter((block) => block.value === undefined).map((block) => /"hook_type":\s*"(\w+)"/.exec(block.text)?.[1]);
    expect(broken).toEqual(['operator_authentication_updated', 'new_qr_code', 'ticket_deleted', 'ai_hints_requested']);
  });
});
