import { z } from 'zod';
import { filled, problem } from './field-problems';
import { AppErrorSchema } from './errors';
import { CapabilitySchema, ChatpushBrandSchema, ProviderIdSchema } from './providers';
import { HttpUrlSchema, WsUrlSchema } from './url';

/** A secret as the user types it. It travels renderer → main once and never back. */
export const SecretInputSchema = z.string().trim().refine(filled, problem('required')).max(4096);
/** What the renderer sees instead of a secret: a mask with the last four characters (`••••3f2a`). */
export const MaskedSecretSchema = z.object({ masked: z.string().regex(/^•{4}.{0,4}$/) });
export type MaskedSecret = z.infer<typeof MaskedSecretSchema>;

const NameSchema = z.string().trim().refine(filled, problem('account_name')).max(80);
const LabelSchema = z.string().trim().max(80);
/** GREEN-API notification docs: idInstance is an int64 with 1 to 10 digits (specs/greenapi.md §1). */
export const IdInstanceSchema = z
  .string()
  .trim()
  .refine((value) => /^\d{1,10}$/.test(value), problem('id_instance'));
const ProbePathSchema = z
  .string()
  .trim()
  // Not '//host': that would be a network-path reference to another host.
  .refine((value) => /^\/(?!\/)[^\s]*$/.test(value), problem('probe_path'))
  .max(512);
/** Spec §4.1: the WhatsApp socket checks Origin against an allow-list; empty means "send none". */
const OriginSchema = z.union([
  z.literal(''),
  z
    .string()
    .trim()
    .refine((value) => /^https?:\/\/[^/\s]+$/.test(value), problem('ws_origin')),
]);

/**
 * The four credential shapes, written once and instantiated three times: as a draft (secrets required), as a
 * patch (secrets optional: absent keeps the stored one) and as a view (secrets masked).
 */
export function accountShapes<S extends z.ZodType, O extends z.ZodType, I extends z.ZodType>(parts: {
  secret: S;
  optionalSecret: O;
  entryId: I;
}) {
  const { secret, optionalSecret, entryId } = parts;
  const chatpush = z.object({
    provider: z.literal('chatpush'),
    name: NameSchema,
    brand: ChatpushBrandSchema,
    hosts: z.object({ rest: HttpUrlSchema, root: HttpUrlSchema, whatsappWs: WsUrlSchema, telegramWs: WsUrlSchema }),
    apiKey: secret,
    clientTokens: z.array(z.object({ id: entryId, label: LabelSchema, token: secret })).max(1000),
    wsOrigin: OriginSchema,
    idempotencyKey: optionalSecret,
  });
  const greenapi = z.object({
    provider: z.literal('greenapi'),
    name: NameSchema,
    instances: z
      .array(
        z.object({
          id: entryId,
          label: LabelSchema,
          idInstance: IdInstanceSchema,
          apiTokenInstance: secret,
          apiUrl: HttpUrlSchema,
          mediaUrl: HttpUrlSchema,
        }),
      )
      .refine(filled, problem('at_least_one_instance'))
      .max(10000),
  });
  const chat2desk = z.object({ provider: z.literal('chat2desk'), name: NameSchema, baseUrl: HttpUrlSchema, apiToken: secret });
  const chatti = z.object({
    provider: z.literal('chatti'),
    name: NameSchema,
    baseUrl: HttpUrlSchema,
    probePath: ProbePathSchema,
    apiKey: secret,
  });
  return z.discriminatedUnion('provider', [chatpush, greenapi, chat2desk, chatti]);
}

export const AccountDraftSchema = accountShapes({
  secret: SecretInputSchema,
  optionalSecret: SecretInputSchema.optional(),
  entryId: z.undefined().optional(),
});
export type AccountDraft = z.infer<typeof AccountDraftSchema>;

/** On update: a secret left out is kept; `null` clears an optional one; list entries keep theirs by `id`. */
export const AccountPatchSchema = accountShapes({
  secret: SecretInputSchema.optional(),
  optionalSecret: z.union([SecretInputSchema, z.null()]).optional(),
  entryId: z.string().min(1).max(64).optional(),
});
export type AccountPatch = z.infer<typeof AccountPatchSchema>;

export const ConnectionCheckSchema = z.object({
  kind: z.enum(['developerKey', 'clientToken', 'instance', 'apiToken', 'apiKey']),
  /** In English, for logs and a renderer that does not know `subject`: "Instance 1101000001", or the label typed. */
  label: z.string(),
  /**
   * Which one of its kind was checked, shown after the translated kind: the label the user typed (as typed), else
   * the idInstance or the token's position; '' when the kind says it all (an account's one API key). Absent in a
   * result saved by an older version, which is then shown by its `label`.
   */
  subject: z.string().optional(),
  ok: z.boolean(),
  latencyMs: z.number().nonnegative(),
  /** Facts read from the provider (instance count, state, balance…), keyed for translation. */
  facts: z.array(z.object({ key: z.string(), value: z.string() })),
  error: AppErrorSchema.optional(),
});
export type ConnectionCheck = z.infer<typeof ConnectionCheckSchema>;

export const ConnectionTestResultSchema = z.object({
  ok: z.boolean(),
  provider: ProviderIdSchema,
  testedAt: z.string(),
  checks: z.array(ConnectionCheckSchema),
});
export type ConnectionTestResult = z.infer<typeof ConnectionTestResultSchema>;

export const AccountViewSchema = z.intersection(
  accountShapes({ secret: MaskedSecretSchema, optionalSecret: MaskedSecretSchema.optional(), entryId: z.string() }),
  z.object({
    id: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** Points at the built-in sandbox: demo data, never a real provider. */
    sandbox: z.boolean(),
    capabilities: z.array(CapabilitySchema),
    /** The last "Test connection" result, kept so the list shows it after a restart. */
    lastTest: ConnectionTestResultSchema.nullable(),
    /** Secret fields (e.g. `apiKey`, `clientTokens.0.token`) that failed the vault's integrity check: enter them again. */
    damagedSecrets: z.array(z.string()),
    /**
     * Required secret fields the vault does not hold (after the user started a damaged vault afresh, say): the
     * account is kept and listed, and the form asks for them again.
     */
    missingSecrets: z.array(z.string()),
  }),
);
export type AccountView = z.infer<typeof AccountViewSchema>;

export const AccountIdSchema = z.string().min(1).max(64);



/**
 * Where each provider keeps its secrets inside an account: top-level fields and one field per list entry.
 * Main uses it to split secrets into the vault and to mask them; the renderer uses it to render password inputs.
 */
export const SECRET_FIELDS = {
  chatpush: { top: ['apiKey', 'idempotencyKey'], lists: { clientTokens: 'token' } },
  greenapi: { top: [], lists: { instances: 'apiTokenInstance' } },
  chat2desk: { top: ['apiToken'], lists: {} },
  chatti: { top: ['apiKey'], lists: {} },
} as const satisfies Record<ProviderIdValue, { top: readonly string[]; lists: Record<string, string> }>;
/** Optional secrets: the rest are required on create. */
export const OPTIONAL_SECRETS: readonly string[] = ['idempotencyKey'];
type ProviderIdValue = AccountDraft['provider'];
