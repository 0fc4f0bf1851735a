import { z } from 'zod';
import { IntLikeSchema } from '../http';
import { MetaSchema } from './schemas';

/** §5.2: the only types a webhook can subscribe to. */
export const WEBHOOK_SUBSCRIPTION_TYPES = [
  'whatsapp_log_out',
  'whatsapp_log_in',
  'whatsapp_incoming_msg',
  'tdlib_incoming_msg',
  'whatsapp_status_msg',
] as const;
export const WebhookSubscriptionTypeSchema = z.enum(WEBHOOK_SUBSCRIPTION_TYPES, {
  error: `must be one of ${WEBHOOK_SUBSCRIPTION_TYPES.join(', ')}`,
});
export type ChatpushWebhookType = z.infer<typeof WebhookSubscriptionTypeSchema>;

/** §5.1: `{"id":57,"types":["whatsapp_log_out"],"url":"https://example.com"}`. Unknown types are kept as sent. */
export const WebhookSchema = z.object({ id: IntLikeSchema, url: z.string(), types: z.array(z.string()) });
export type ChatpushWebhook = z.output<typeof WebhookSchema>;

export const WebhookEnvelopeSchema = z
  .object({ meta: MetaSchema.optional(), webhook: WebhookSchema })
  .transform(({ webhook }) => webhook);
export const WebhookListSchema = z
  .object({ meta: MetaSchema.optional(), webhooks: z.array(WebhookSchema) })
  .transform(({ webhooks }) => webhooks);

/**
 * §5.3: what the platform POSTs. The developer variant names the instance as `payload.instance{id, customer_id}`
 * (whatsapp_log_in puts every field inside `instance`); the individual variant has a top-level
 * `payload.customer_id`; ⚠ whatsapp_log_out has no `instance` even for developers. All three are read here.
 * `type` values differ from subscription types (§5.2: `message_status`, `whatsapp_call`, `tdlib_call`).
 */
export const WEBHOOK_EVENT_TYPES = [
  'whatsapp_log_in',
  'whatsapp_log_out',
  'whatsapp_incoming_msg',
  'tdlib_incoming_msg',
  'message_status',
  'whatsapp_call',
  'tdlib_call',
] as const;

const StatusSchema = z.object({ status_id: IntLikeSchema, description: z.string().nullish() });
const PayloadSchema = z.looseObject({
  customer_id: IntLikeSchema.nullish(),
  instance: z
    .looseObject({
      id: IntLikeSchema.nullish(),
      customer_id: IntLikeSchema.nullish(),
      status: StatusSchema.nullish(),
      phone: z.string().nullish(),
      email: z.string().nullish(),
    })
    .nullish(),
  status: StatusSchema.nullish(),
  phone: z.string().nullish(),
  email: z.string().nullish(),
  delivery_id: IntLikeSchema.nullish(),
});

export const WebhookEventSchema = z
  .object({ type: z.enum(WEBHOOK_EVENT_TYPES), payload: PayloadSchema })
  .refine((event) => (event.payload.instance?.customer_id ?? event.payload.customer_id) != null, {
    message: 'an event without a customer id',
    path: ['payload', 'customer_id'],
  })
  .transform(({ type, payload }) => {
    const { instance } = payload;
    const status = instance?.status ?? payload.status;
    return {
      type,
      variant: instance ? ('developer' as const) : ('individual' as const),
      customerId: (instance?.customer_id ?? payload.customer_id)!,
      instanceId: instance?.id ?? null,
      // whatsapp_log_in / log_out: 0 connected, 1 disconnected.
      session: status ? { statusId: status.status_id, description: status.description ?? null } : null,
      phone: instance?.phone ?? payload.phone ?? null,
      email: instance?.email ?? payload.email ?? null,
      deliveryId: payload.delivery_id ?? null,
      payload: payload as Record<string, unknown>,
    };
  });
export type ChatpushWebhookEvent = z.output<typeof WebhookEventSchema>;
