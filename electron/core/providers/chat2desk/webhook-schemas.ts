import { z } from 'zod';
import { IntLikeSchema } from '../http';
import { dataOf } from './envelope';

/** A6: "The System supports up to 5 simultaneous webhooks for free." */
export const FREE_WEBHOOK_LIMIT = 5;

export const WebhookStatusSchema = z.enum(['enable', 'disable']);
export type Chat2DeskWebhookStatus = z.infer<typeof WebhookStatusSchema>;

/**
 * The webhook object W of A6, the union of its examples. `errors` is `[]` in the list and `null` in get/create, its
 * elements undocumented: they are kept as text. `source` ("client") is unexplained. `channels` is absent from
 * get-by-id ([CONTRA]); absent or null reads as "every channel", which is also what an omitted filter means.
 */
export const WebhookSchema = z
  .object({
    id: IntLikeSchema,
    name: z.string().nullish(),
    url: z.string().nullish(),
    events: z.array(z.string()).nullish(),
    status: z.string().nullish(),
    errors: z.array(z.unknown()).nullish(),
    source: z.string().nullish(),
    channels: z.array(IntLikeSchema).nullish(),
  })
  .transform((wire) => ({
    id: wire.id,
    name: wire.name ?? '',
    url: wire.url ?? null,
    events: wire.events ?? [],
    /** "enable" or "disable"; a disabled hook (A6: no success for 5 hours) gets no deliveries. */
    status: wire.status ?? 'enable',
    enabled: wire.status !== 'disable',
    errors: (wire.errors ?? []).map((item) => (typeof item === 'string' ? item : JSON.stringify(item))),
    source: wire.source ?? null,
    /** null: events of every channel. */
    channels: wire.channels && wire.channels.length ? wire.channels : null,
  }));
export type Chat2DeskWebhook = z.output<typeof WebhookSchema>;

/** `GET /v1/webhooks`: no meta (A6). */
export const WebhookListSchema = dataOf(z.array(WebhookSchema)).transform((webhooks) => ({
  webhooks,
  freeLimit: FREE_WEBHOOK_LIMIT,
  /** Every existing hook counts, enabled or not ([AMBIG] A6 "simultaneous"). */
  freeSlotsLeft: Math.max(0, FREE_WEBHOOK_LIMIT - webhooks.length),
}));
export type Chat2DeskWebhookList = z.output<typeof WebhookListSchema>;

/** `GET /v1/webhooks/<id>`: [CONTRA] A6, `data` is a one-element array; a plain object is read too. */
export const WebhookByIdSchema = dataOf(z.union([WebhookSchema, z.array(WebhookSchema).min(1)])).transform((data) =>
  Array.isArray(data) ? data[0]! : data,
);

/** POST answers 200 with W; the PUT answer is undocumented (A6 [GAP]): W, [W] or a bare acknowledgement. */
export const WebhookWriteSchema = z.union([
  WebhookByIdSchema,
  z.object({ status: z.string().optional() }).transform(() => null),
]);
