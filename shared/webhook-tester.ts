import { z } from 'zod';
import { filled, problem } from './field-problems';
import { WebhookUrlSchema } from './webhook-url';

/** The webhook tester: send a provider's sample to a receiver exactly as the provider would, or check a payload. */

const Id = z.string().min(1).max(64);
const SampleType = z.string().min(1).max(64);

export const TesterProviderSchema = z.enum(['chatpush', 'greenapi', 'chat2desk']);
export type TesterProvider = z.infer<typeof TesterProviderSchema>;

/**
 * Chategy/Jetapi §6.7: the status callback POSTed to a delivery's callback_url. It is no webhook, so it has no
 * developer/individual variant; the tester lists it with the webhook payload types under this name.
 */
export const CHATPUSH_STATUS_CALLBACK = 'delivery_status_callback';

/** GREEN-API's Authorization header (§5.2): none, the instance's own webhookUrlToken, or a value typed for the test. */
export const TesterAuthorizationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('instance'), accountId: Id, instanceId: Id }).strict(),
  z.object({ kind: z.literal('given'), value: z.string().trim().refine(filled, problem('required')).max(2048) }).strict(),
]);

/**
 * Chat2Desk signs with MD5(API token) (A6): a saved account's token (it stays in main), or a token typed for this
 * one send, which main uses and forgets (never stored, never sent back).
 */
export const TesterSignerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('account'), accountId: Id }).strict(),
  z.object({ kind: z.literal('token'), apiToken: z.string().trim().refine(filled, problem('required')).max(4096) }).strict(),
]);

export const TesterSendInputSchema = z.discriminatedUnion('provider', [
  z
    .object({
      provider: z.literal('chatpush'),
      type: SampleType,
      /** null only for the status callback, which has no variant (main refuses it for a webhook payload type). */
      variant: z.enum(['developer', 'individual']).nullable(),
      url: WebhookUrlSchema,
    })
    .strict(),
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
  /** Signed as Chat2Desk signs its deliveries (A6). */
  z.object({ provider: z.literal('chat2desk'), type: SampleType, url: WebhookUrlSchema, signer: TesterSignerSchema }).strict(),
]);
export type TesterSendInput = z.infer<typeof TesterSendInputSchema>;

const Headers = z.array(z.tuple([z.string(), z.string()]));

export const TesterExchangeSchema = z.object({
  /**
   * What was sent, every header in the order it went on the wire (the transport's own host, connection and
   * content-length included); a secret header value (Authorization) is shown masked.
   */
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

/**
 * The checker's own problem codes; a shape problem otherwise carries zod's code (invalid_type, invalid_value…)
 * with its figures. The renderer words each code; nothing here is English for the user.
 * - not_json: JSON.parse refused the body; params line and column (1-based) where it stops making sense, and
 *   `found`, the character there (absent when the body ends too early).
 * - no_provider_field: none of hook_type, typeWebhook, type + payload or delivery is there.
 * - unknown_event: Chat2Desk's hook_type names no documented event; param `value`.
 * - customer_id_missing: a Chategy/Jetapi webhook payload names no customer (payload.customer_id or payload.instance.customer_id).
 * - callback_status_missing: a §6.7 status callback has no status (delivery.status or a top-level status).
 */
export const INSPECT_PROBLEM_CODES = ['not_json', 'no_provider_field', 'unknown_event', 'customer_id_missing', 'callback_status_missing'] as const;
export type InspectProblemCode = (typeof INSPECT_PROBLEM_CODES)[number];

export const InspectProblemSchema = z.object({
  /** Where in the payload (`payload.message_status.id`); '' for the body as a whole. */
  path: z.string(),
  /** One of INSPECT_PROBLEM_CODES or a zod issue code; a string, so a newer core's code still parses. */
  code: z.string().max(64),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type InspectProblem = z.infer<typeof InspectProblemSchema>;

export const InspectResultSchema = z.object({
  /** The parsed JSON, for the tree; null when the body is not JSON. */
  json: z.unknown(),
  /** A `not_json` problem when the body is not JSON. */
  parseError: InspectProblemSchema.nullable(),
  provider: TesterProviderSchema.nullable(),
  /** The payload's type as the provider names it (Chat2Desk: the subscription name). */
  type: z.string().nullable(),
  /** Chategy/Jetapi: developer or individual webhook; a status callback otherwise. */
  variant: z.string().nullable(),
  /** Whether the payload has the documented shape of its type. */
  valid: z.boolean(),
  problems: z.array(InspectProblemSchema),
  signature: z.object({
    checked: z.boolean(),
    valid: z.boolean(),
    reason: z.enum(['missing_headers', 'bad_timestamp', 'too_old', 'mismatch', 'no_key']).nullable(),
  }),
});
export type InspectResult = z.infer<typeof InspectResultSchema>;
