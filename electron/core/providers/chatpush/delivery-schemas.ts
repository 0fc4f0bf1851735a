import { z } from 'zod';
import { DecimalStringSchema, IntLikeSchema } from '../http';
import { isFinalDeliveryStatus } from '../../../../shared/chatpush-delivery-statuses';
import { MetaSchema, StringLikeSchema } from './schemas';

/** §6.3, §6.5: `{brand_name, country, id, name, slug}`. */
export const OperatorSchema = z
  .object({
    id: IntLikeSchema,
    name: z.string().nullish(),
    brand_name: z.string().nullish(),
    country: z.string().nullish(),
    slug: z.string().nullish(),
  })
  .transform((wire) => ({
    id: wire.id,
    name: wire.name ?? null,
    brandName: wire.brand_name ?? null,
    country: wire.country ?? null,
    slug: wire.slug ?? null,
  }));
export type ChatpushOperator = z.output<typeof OperatorSchema>;

/** §6.11: traffic_category 0 advert, 1 transaction, 2 service. */
const TRAFFIC_CATEGORIES = ['advert', 'transaction', 'service'] as const;

/**
 * One delivery. ⚠ §6.3: send (§6.1) and send_file (§6.6) return the status flat (`status_id`,
 * `status_description`), lookup nests it (`status{status_id, description}`); both readings are accepted anywhere.
 */
export const DeliverySchema = z
  .object({
    id: IntLikeSchema,
    phone: z.string().nullish(),
    status: z.object({ status_id: IntLikeSchema, description: z.string().nullish() }).nullish(),
    status_id: IntLikeSchema.nullish(),
    status_description: z.string().nullish(),
    dispatch_routing: z.array(z.string()).nullish(),
    external_id: StringLikeSchema.nullish(),
    callback_url: z.string().nullish(),
    priority: z.string().nullish(),
    scheduled_at: z.string().nullish(),
    sender_name: z.string().nullish(),
    sum: DecimalStringSchema.nullish(),
    total_sms: IntLikeSchema.nullish(),
    traffic_category: IntLikeSchema.nullish(),
    utm_mark: z.string().nullish(),
    operator: OperatorSchema.nullish(),
    reply_to_message_id: StringLikeSchema.nullish(),
    simulate_typing: z.boolean().nullish(),
  })
  .refine((wire) => wire.status != null || wire.status_id != null, { message: 'a delivery without a status', path: ['status_id'] })
  .transform((wire) => {
    const statusId = (wire.status?.status_id ?? wire.status_id)!;
    return {
      id: wire.id,
      phone: wire.phone ?? null,
      statusId,
      statusDescription: wire.status?.description ?? wire.status_description ?? null,
      final: isFinalDeliveryStatus(statusId),
      dispatchRouting: wire.dispatch_routing ?? null,
      externalId: wire.external_id ?? null,
      callbackUrl: wire.callback_url ?? null,
      priority: wire.priority ?? null,
      scheduledAt: wire.scheduled_at ?? null,
      senderName: wire.sender_name ?? null,
      sum: wire.sum ?? null,
      totalSms: wire.total_sms ?? null,
      trafficCategory: wire.traffic_category == null ? null : (TRAFFIC_CATEGORIES[wire.traffic_category] ?? null),
      utmMark: wire.utm_mark ?? null,
      operator: wire.operator ?? null,
      replyToMessageId: wire.reply_to_message_id ?? null,
      simulateTyping: wire.simulate_typing ?? null,
    };
  });
export type ChatpushDelivery = z.output<typeof DeliverySchema>;

export const DeliveryEnvelopeSchema = z
  .object({ meta: MetaSchema.optional(), delivery: DeliverySchema })
  .transform(({ delivery }) => delivery);

/** §6.2: the echo of a bulk send. ⚠ `state` and `url_shorting` are undocumented; no delivery ids come back. */
export const BulkDeliveryEnvelopeSchema = z
  .object({
    meta: MetaSchema.optional(),
    bulk_delivery: z.object({
      text: z.string().nullish(),
      phones_numbers: z.array(z.string()).nullish(),
      dispatch_routing: z.array(z.string()).nullish(),
      scheduled_at: z.string().nullish(),
      sender_name: z.string().nullish(),
      state: IntLikeSchema.nullish(),
      url_shorting: z.boolean().nullish(),
      utm_mark: z.string().nullish(),
    }),
  })
  .transform(({ bulk_delivery: bulk }) => ({
    text: bulk.text ?? null,
    phones: bulk.phones_numbers ?? [],
    dispatchRouting: bulk.dispatch_routing ?? null,
    scheduledAt: bulk.scheduled_at ?? null,
    senderName: bulk.sender_name ?? null,
    state: bulk.state ?? null,
    urlShortening: bulk.url_shorting ?? null,
    utmMark: bulk.utm_mark ?? null,
  }));
export type ChatpushBulkDelivery = z.output<typeof BulkDeliveryEnvelopeSchema>;

/** §6.5 operators/search: `{formatted_phone, operator{…}}`. */
export const OperatorSearchSchema = z
  .object({ meta: MetaSchema.optional(), formatted_phone: z.string().nullish(), operator: OperatorSchema.nullish() })
  .transform((wire) => ({ formattedPhone: wire.formatted_phone ?? null, operator: wire.operator ?? null }));
export type ChatpushOperatorSearch = z.output<typeof OperatorSearchSchema>;

/**
 * §6.5 utm_mark: `{"utm_marks":[]}`. ⚠ The element shape is never shown: strings are kept, objects are read by
 * their first string field among `utm_mark`, `name`, `mark`, `title`.
 */
export const UtmMarksSchema = z
  .object({ meta: MetaSchema.optional(), utm_marks: z.array(z.union([z.string(), z.record(z.string(), z.unknown())])) })
  .transform(({ utm_marks }) =>
    utm_marks.flatMap((mark) => {
      if (typeof mark === 'string') return [mark];
      const label = ['utm_mark', 'name', 'mark', 'title'].map((key) => mark[key]).find((value) => typeof value === 'string');
      return typeof label === 'string' ? [label] : [];
    }),
  );

/**
 * §6.7: the status callback POSTed to `callback_url` on a final status. ⚠ The table puts `status` at the top
 * level, the example nests it under `delivery`: both are accepted.
 */
const CallbackStatusSchema = z.object({
  status_id: IntLikeSchema,
  description: z.string().nullish(),
  dispatch_routing: z.string().nullish(),
});
export const DeliveryCallbackSchema = z
  .object({
    delivery: z.object({ id: IntLikeSchema, sender_name: z.string().nullish(), status: CallbackStatusSchema.nullish() }),
    status: CallbackStatusSchema.nullish(),
  })
  .refine((wire) => wire.delivery.status != null || wire.status != null, { message: 'a callback without a status', path: ['delivery', 'status'] })
  .transform((wire) => {
    const status = (wire.delivery.status ?? wire.status)!;
    return {
      deliveryId: wire.delivery.id,
      senderName: wire.delivery.sender_name ?? null,
      statusId: status.status_id,
      description: status.description ?? null,
      channel: status.dispatch_routing ?? null,
    };
  });
export type ChatpushDeliveryCallback = z.output<typeof DeliveryCallbackSchema>;
