import { z } from 'zod';
import { filled, problem } from './field-problems';
import { WebhookUrlSchema } from './webhook-url';

/** The webhook tester: send a provider's sample to a receiver exactly as the provider would, or check a payload. */

const Id = z.string().min(1).max(64);
const SampleType = z.string().min(1).max(64);

export const TesterProviderSchema = z.enum(['chatpush', 'greenapi', 'chat2desk']);
export type TesterProvider = z.infer<typeof TesterProviderSchema>;

/** GREEN-API's Authorization header (§5.2): none, the instance's own webhookUrlToken, or a value typed for the test. */
export const TesterAuthorizationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('instance'), accountId: Id, instanceId: Id }).strict(),
  z.object({ kind: z.literal('given'), value: z.string().trim().refine(filled, problem('required')).max(2048) }).strict(),
]);

export const TesterSendInputSchema = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('chatpush'), type: SampleType, variant: z.enum(['developer', 'individual']), url: WebhookUrlSchema }).strict(),
  z
    .object({
      provider: z.literal('greenapi'),
      type: SampleType,
      url: WebhookUrlSchema,
      /** The instance whose idInstance/wid the sample names; null: the documents' example instance. */
      instance: z.object({ accountId: Id, instanceId: Id }).strict().nullable(),
      authorization: TesterAuthorizationSchema,
    })
    .strict(),
  /** Signed with the account's API token, as Chat2Desk signs its deliveries (A6). */
  z.object({ provider: z.literal('chat2desk'), type: SampleType, url: WebhookUrlSchema, accountId: Id }).strict(),
]);
export type TesterSendInput = z.infer<typeof TesterSendInputSchema>;

const Headers = z.array(z.tuple([z.string(), z.string()]));

export const TesterExchangeSchema = z.object({
  /** What was sent; a secret header value (Authorization) is shown masked. */
  request: z.object({ method: z.literal('POST'), url: z.string(), headers: Headers, body: z.string() }),
  response: z.object({ status: z.number().int(), headers: Headers, body: z.string(), truncated: z.boolean() }),
  latencyMs: z.number(),
});
export type TesterExchange = z.infer<typeof TesterExchangeSchema>;

export const TesterSamplesSchema = z.object({ chatpush: z.array(z.string()), greenapi: z.array(z.string()), chat2desk: z.array(z.string()) });

/** How to check a Chat2Desk signature: with an account's API token (MD5 taken in main), or with the MD5 key itself. */
export const SignatureKeySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('account'), accountId: Id }).strict(),
  z.object({ kind: z.literal('md5'), key: z.string().refine(filled, problem('required')).max(256) }).strict(),
]);

export const InspectInputSchema = z
  .object({
    /** Exactly as received: the signature covers these bytes, so nothing is trimmed. */
    body: z.string().refine(filled, problem('payload_required')).max(1_000_000),
    signature: z.string().trim().max(256),
    timestamp: z.string().trim().max(32),
    key: SignatureKeySchema,
  })
  .strict();

export const InspectResultSchema = z.object({
  /** The parsed JSON, for the tree; null when the body is not JSON. */
  json: z.unknown(),
  parseError: z.string().nullable(),
  provider: TesterProviderSchema.nullable(),
  /** The payload's type as the provider names it (Chat2Desk: the subscription name). */
  type: z.string().nullable(),
  /** Chategy/Jetapi: developer or individual webhook; a status callback otherwise. */
  variant: z.string().nullable(),
  /** Whether the payload has the documented shape of its type. */
  valid: z.boolean(),
  problems: z.array(z.string()),
  signature: z.object({
    checked: z.boolean(),
    valid: z.boolean(),
    reason: z.enum(['missing_headers', 'bad_timestamp', 'too_old', 'mismatch', 'no_key']).nullable(),
  }),
});
export type InspectResult = z.infer<typeof InspectResultSchema>;
