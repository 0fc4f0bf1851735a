import { z } from 'zod';
import { DecimalStringSchema, IntLikeSchema } from '../http';

/**
 * Wire schemas for Chategy/Jetapi (specs/chatpush-chategy-jetapi.md). Tolerant on input: the documents' type
 * tables and examples disagree (§8 "Types"), so each field accepts every form seen and is normalised here.
 * The outputs are the domain shapes the services use.
 */

/** §1.4: every answer has `meta`; lists add page / per_page / total_count. */
export const MetaSchema = z.object({
  code: IntLikeSchema.optional(),
  status: z.string().optional(),
  message: z.string().optional(),
  page: IntLikeSchema.optional(),
  per_page: IntLikeSchema.optional(),
  total_count: IntLikeSchema.optional(),
});

/**
 * §1.5: every failure shape. `errors` maps a field (or `base`) to messages; `status_id` is null except 1 for
 * "not enough money", and absent on the instance-create 422 (whose message is "Unprocessable entity", lower-case).
 */
export const FailureEnvelopeSchema = z
  .object({
    meta: z.object({
      code: IntLikeSchema.optional(),
      status: z.literal('fail'),
      message: z.string().optional(),
      errors: z.record(z.string(), z.array(z.string())).optional(),
      status_id: IntLikeSchema.nullish(),
    }),
  })
  .transform(({ meta }) => ({
    code: meta.code ?? null,
    message: meta.message ?? null,
    errors: meta.errors ?? {},
    statusId: meta.status_id ?? null,
  }));
export type ChatpushFailure = z.output<typeof FailureEnvelopeSchema>;

/** §1.4: the bare success `{"meta":{"code":200,"status":"success"}}` (update-less operations). */
export const BareSuccessSchema = z.object({ meta: MetaSchema }).transform(() => undefined);

/** A string id the wire may send as a number (external_id, reply_to_message_id). */
export const StringLikeSchema = z.union([z.string(), z.number()]).transform(String);

/** §2 "Instance fields". */
export const InstanceSchema = z
  .object({
    id: IntLikeSchema,
    customer_id: IntLikeSchema,
    token: z.string().nullish(),
    // §2: typed "integer", but every example is a string ("0001", "77777"). Kept as a string: leading zeros matter.
    external_id: z.union([z.string(), z.number()]).nullish(),
    renew_subscription: z.boolean().nullish(),
    // §2: 0 wait phone, 1 wait code, 2 wait password, 3 authorized, 4 wait_qr_code (Jetapi only).
    tdlib_session: IntLikeSchema.nullish(),
    // §2: 0 not authorized, 1 authorized.
    whatsapp_session: IntLikeSchema.nullish(),
    whatsapp_phone: z.string().nullish(),
    whatsapp_queue_size: IntLikeSchema.nullish(),
    whatsapp_queue_limit: IntLikeSchema.nullish(),
    // §2: typed "number", sent as a decimal string ("600.00").
    subscription_cost: DecimalStringSchema.nullish(),
    // §2: typed "datetime", sent as a date ("2025-10-31").
    subscription_paid_until: z.string().nullish(),
    subscription_status: z.string().nullish(),
  })
  .transform((wire) => ({
    id: wire.id,
    customerId: wire.customer_id,
    token: wire.token ?? null,
    externalId: wire.external_id === null || wire.external_id === undefined ? null : String(wire.external_id),
    renewSubscription: wire.renew_subscription ?? null,
    tdlibSession: wire.tdlib_session ?? null,
    whatsappSession: wire.whatsapp_session ?? null,
    whatsappPhone: wire.whatsapp_phone ?? null,
    whatsappQueueSize: wire.whatsapp_queue_size ?? null,
    whatsappQueueLimit: wire.whatsapp_queue_limit ?? null,
    subscriptionCost: wire.subscription_cost ?? null,
    subscriptionPaidUntil: wire.subscription_paid_until ?? null,
    subscriptionStatus: wire.subscription_status ?? null,
  }));
export type ChatpushInstance = z.output<typeof InstanceSchema>;

/** §2 "List all": `{meta:{…,page,per_page,total_count}, instances:[…]}`. */
export const InstanceListSchema = z
  .object({ meta: MetaSchema, instances: z.array(InstanceSchema) })
  .transform(({ meta, instances }) => ({
    instances,
    page: meta.page ?? 1,
    perPage: meta.per_page ?? instances.length,
    // §2: "Number of filtered instances, excluding pagination".
    totalCount: meta.total_count ?? instances.length,
  }));
export type ChatpushInstancePage = z.output<typeof InstanceListSchema>;

/** §3: `GET /api/v1/account`. The short "(balance)" form carries only some fields, so most are optional. */
export const AccountSchema = z
  .object({
    meta: MetaSchema.optional(),
    account: z.object({
      customer_id: IntLikeSchema,
      // §3: the balance, a decimal string ("780.70").
      total_amount: DecimalStringSchema.nullish(),
      token: z.string().nullish(),
      dispatch_routing: z.array(z.string()).nullish(),
      sender_names: z.array(z.string()).nullish(),
      tdlib_session: IntLikeSchema.nullish(),
      whatsapp_session: IntLikeSchema.nullish(),
      subscription_status: z.string().nullish(),
      subscription_cost: DecimalStringSchema.nullish(),
      subscription_paid_until: z.string().nullish(),
    }),
  })
  .transform(({ account }) => ({
    customerId: account.customer_id,
    balance: account.total_amount ?? null,
    dispatchRouting: account.dispatch_routing ?? [],
    senderNames: account.sender_names ?? [],
    tdlibSession: account.tdlib_session ?? null,
    whatsappSession: account.whatsapp_session ?? null,
    subscriptionStatus: account.subscription_status ?? null,
    subscriptionCost: account.subscription_cost ?? null,
    subscriptionPaidUntil: account.subscription_paid_until ?? null,
  }));
export type ChatpushAccount = z.output<typeof AccountSchema>;

/** §2 Create: `{"instance":{id, customer_id, token, idempotency_key, renew_subscription, external_id}}`. */
export const InstanceCreatedSchema = z
  .object({
    meta: MetaSchema.optional(),
    instance: z.object({
      id: IntLikeSchema,
      customer_id: IntLikeSchema,
      token: z.string(),
      idempotency_key: z.string().nullish(),
      renew_subscription: z.boolean().nullish(),
      external_id: StringLikeSchema.nullish(),
    }),
  })
  .transform(({ instance }) => ({
    id: instance.id,
    customerId: instance.customer_id,
    token: instance.token,
    idempotencyKey: instance.idempotency_key ?? null,
    // §2: renew_subscription defaults to true.
    renewSubscription: instance.renew_subscription ?? true,
    externalId: instance.external_id ?? null,
  }));
export type ChatpushCreatedInstance = z.output<typeof InstanceCreatedSchema>;

/** §2 Get by customer_id: `{"instance":{…}}`. */
export const InstanceEnvelopeSchema = z
  .object({ meta: MetaSchema.optional(), instance: InstanceSchema })
  .transform(({ instance }) => instance);

/** §2 Update: echoes `{"instance":{customer_id, id, renew_subscription}}`. */
export const InstanceUpdatedSchema = z
  .object({
    meta: MetaSchema.optional(),
    instance: z.object({ id: IntLikeSchema, customer_id: IntLikeSchema, renew_subscription: z.boolean().nullish() }),
  })
  .transform(({ instance }) => ({
    id: instance.id,
    customerId: instance.customer_id,
    renewSubscription: instance.renew_subscription ?? null,
  }));
export type ChatpushUpdatedInstance = z.output<typeof InstanceUpdatedSchema>;

/** §2 Renew: `{"instance":{id, subscription_paid_until}}`. */
export const InstanceRenewedSchema = z
  .object({
    meta: MetaSchema.optional(),
    instance: z.object({ id: IntLikeSchema, subscription_paid_until: z.string() }),
  })
  .transform(({ instance }) => ({ id: instance.id, subscriptionPaidUntil: instance.subscription_paid_until }));
export type ChatpushRenewedInstance = z.output<typeof InstanceRenewedSchema>;
