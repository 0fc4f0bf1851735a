import { z } from 'zod';
import { filled, problem } from './field-problems';
import { GREENAPI_NOTIFICATION_SWITCHES } from './greenapi-notification-rules';
import type { ChatpushBrand } from './providers';
import { WebhookUrlSchema } from './webhook-url';

/** The Webhooks screen and the webhook tester: shapes per provider. */

const Id = z.string().min(1).max(64);

// ——— Chategy/Jetapi (spec §5) ———

/** Developer webhooks (api_key, updated with PUT) or a client token's individual ones (Bearer, updated with PATCH). */
export const ChatpushWebhookScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('developer') }).strict(),
  z.object({ kind: z.literal('individual'), tokenId: Id }).strict(),
]);
export type ChatpushWebhookScope = z.infer<typeof ChatpushWebhookScopeSchema>;

/**
 * §1.2, §5.1: individual webhooks (`/api/v1/webhooks`, Bearer, PATCH) are documented in Jetapi's "For individual
 * Developers" section only; Chategy's collection has the developer ones alone. A custom brand (own hosts, the
 * sandbox) may be either platform, so it keeps them: the platform's own answer then says whether they exist.
 */
export function chatpushHasIndividualWebhooks(brand: ChatpushBrand): boolean {
  return brand !== 'chategy';
}

export const ChatpushWebhookViewSchema = z.object({ id: z.number(), url: z.string(), types: z.array(z.string()) });
export type ChatpushWebhookView = z.infer<typeof ChatpushWebhookViewSchema>;

export const ChatpushWebhookTargetSchema = z.object({ accountId: Id, scope: ChatpushWebhookScopeSchema }).strict();
export const ChatpushWebhookFieldsSchema = z.object({
  url: WebhookUrlSchema,
  /** Checked against the 5 subscribable types in main (§5.2); the platform says only "types invalid". */
  types: z.array(z.string().max(64)).refine(filled, problem('event_types_required')).max(5),
});

// ——— GREEN-API (specs/greenapi.md §3, §5.2) ———

const YesNo = z.enum(['yes', 'no']);
const switchShape = Object.fromEntries(GREENAPI_NOTIFICATION_SWITCHES.map((key) => [key, YesNo.nullable()])) as Record<
  (typeof GREENAPI_NOTIFICATION_SWITCHES)[number],
  z.ZodNullable<typeof YesNo>
>;
export const GreenApiSwitchesSchema = z.object(switchShape);
export type GreenApiSwitches = z.infer<typeof GreenApiSwitchesSchema>;

/** What is stored as webhookUrlToken, shown without the secret: its scheme and a mask. */
export const AuthorizationViewSchema = z.object({
  set: z.boolean(),
  scheme: z.enum(['Basic', 'Bearer', 'none', 'custom']),
  masked: z.string().nullable(),
});

export const GreenApiWebhookSettingsSchema = z.object({
  webhookUrl: z.string(),
  authorization: AuthorizationViewSchema,
  switches: GreenApiSwitchesSchema,
});
export type GreenApiWebhookSettings = z.infer<typeof GreenApiWebhookSettingsSchema>;

/**
 * The authorization header GREEN-API will send (§5.2): kept, removed, or built from a scheme and a secret. The secret
 * travels to main once and is written to the instance's webhookUrlToken; it never comes back.
 */
export const AuthorizationChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('keep') }).strict(),
  z.object({ kind: z.literal('clear') }).strict(),
  z.object({ kind: z.literal('bearer'), token: z.string().trim().refine(filled, problem('required')).max(1024) }).strict(),
  z.object({ kind: z.literal('basic'), user: z.string().refine(filled, problem('required')).max(256), password: z.string().refine(filled, problem('required')).max(256) }).strict(),
]);
export type AuthorizationChange = z.infer<typeof AuthorizationChangeSchema>;

/** An empty webhookUrl switches the instance to HTTP API polling (receiveNotification). */
export const GreenApiWebhookUrlSchema = z.union([z.literal(''), WebhookUrlSchema]);

export const GreenApiWebhookSaveSchema = z
  .object({
    accountId: Id,
    instanceId: Id,
    webhookUrl: GreenApiWebhookUrlSchema,
    authorization: AuthorizationChangeSchema,
    switches: GreenApiSwitchesSchema.partial(),
  })
  .strict();

// ——— Chat2Desk (spec A6) ———

export const Chat2DeskWebhookViewSchema = z.object({
  id: z.number(),
  name: z.string(),
  url: z.string().nullable(),
  events: z.array(z.string()),
  enabled: z.boolean(),
  errors: z.array(z.string()),
  /** null: every channel. */
  channels: z.array(z.number()).nullable(),
});
export type Chat2DeskWebhookView = z.infer<typeof Chat2DeskWebhookViewSchema>;

export const Chat2DeskWebhookListSchema = z.object({
  webhooks: z.array(Chat2DeskWebhookViewSchema),
  freeLimit: z.number().int(),
  freeSlotsLeft: z.number().int(),
});

export const Chat2DeskWebhookFieldsSchema = z.object({
  name: z.string().trim().refine(filled, problem('required')).max(200),
  url: WebhookUrlSchema,
  events: z.array(z.string().max(64)).refine(filled, problem('events_required')).max(40),
  /** Empty: events of every channel. */
  channels: z.array(z.number().int().positive()).max(1000),
});

// ——— Catalogue: what each provider lets a webhook receive (no request needed) ———

export const WebhookCatalogueSchema = z.object({
  chatpush: z.object({
    /** §5.2 subscribable types, each with the payload `type` values it brings. */
    types: z.array(z.object({ type: z.string(), payloadTypes: z.array(z.string()) })),
  }),
  chat2desk: z.object({
    events: z.array(z.object({ name: z.string(), hookType: z.string(), channelScoped: z.boolean(), delivers: z.string() })),
    freeLimit: z.number().int(),
  }),
});
export type WebhookCatalogue = z.infer<typeof WebhookCatalogueSchema>;
