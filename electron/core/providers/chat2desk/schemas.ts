import { z } from 'zod';
import { IntLikeSchema } from '../http';

/** A4: success is `{"data":…,"status":"success"}`; lists add `meta`. */

/**
 * A7 `GET /v1/companies/api_info`. [CONTRA] The text says CompanyID/PartnerID, the JSON companyID/partnerID:
 * both casings are read. The access level is `company_mode` in the only example ("standard", not an api_modes
 * name); it is passed through as the provider wrote it.
 */
export const ApiInfoSchema = z
  .object({
    data: z.object({
      companyID: IntLikeSchema.optional(),
      CompanyID: IntLikeSchema.optional(),
      partnerID: IntLikeSchema.nullish(),
      PartnerID: IntLikeSchema.nullish(),
      company_mode: z.string().nullish(),
      mode: z.string().nullish(),
      company_name: z.string().nullish(),
      current_version: IntLikeSchema.nullish(),
      channels: IntLikeSchema.nullish(),
      write_first_option: z.boolean().nullish(),
      domain_urls: z.array(z.string()).nullish(),
      api_calls: z
        .object({
          used_this_month: IntLikeSchema.nullish(),
          left_free_requests: IntLikeSchema.nullish(),
          left_paid_requests: IntLikeSchema.nullish(),
        })
        .nullish(),
    }),
    status: z.string().optional(),
  })
  .transform(({ data }) => {
    const free = data.api_calls?.left_free_requests ?? null;
    const paid = data.api_calls?.left_paid_requests ?? null;
    return {
      companyId: data.companyID ?? data.CompanyID ?? null,
      partnerId: data.partnerID ?? data.PartnerID ?? null,
      apiMode: data.company_mode ?? data.mode ?? null,
      companyName: data.company_name ?? null,
      apiVersion: data.current_version ?? null,
      channels: data.channels ?? null,
      writeFirst: data.write_first_option ?? null,
      domainUrls: data.domain_urls ?? [],
      apiCalls: {
        usedThisMonth: data.api_calls?.used_this_month ?? null,
        leftFreeRequests: free,
        leftPaidRequests: paid,
        /** Free and paid together: what the operator can still spend this month. */
        left: free === null && paid === null ? null : (free ?? 0) + (paid ?? 0),
      },
    };
  });
export type Chat2DeskApiInfo = z.output<typeof ApiInfoSchema>;

/** A3: `meta` echoes total, the effective limit and the offset. */
export const ListMetaSchema = z.object({ total: IntLikeSchema, limit: IntLikeSchema, offset: IntLikeSchema });

/** A7 `GET /v1/channels`. There is no connection or status field ([GAP]). */
export const ChannelSchema = z
  .object({
    id: IntLikeSchema,
    name: z.string().nullish(),
    phone: z.union([z.string(), z.number()]).nullish(),
    transports: z.array(z.string()).nullish(),
    whatsapp_daily_new_clients_limit: z.object({ limit: IntLikeSchema.nullish(), used: IntLikeSchema.nullish() }).nullish(),
  })
  .transform((wire) => ({
    id: wire.id,
    name: wire.name ?? '',
    phone: wire.phone === null || wire.phone === undefined ? null : String(wire.phone),
    transports: wire.transports ?? [],
    whatsappDailyNewClients: wire.whatsapp_daily_new_clients_limit
      ? { limit: wire.whatsapp_daily_new_clients_limit.limit ?? null, used: wire.whatsapp_daily_new_clients_limit.used ?? null }
      : null,
  }));
export type Chat2DeskChannel = z.output<typeof ChannelSchema>;

export const ChannelListSchema = z
  .object({ data: z.array(ChannelSchema), meta: ListMetaSchema.optional(), status: z.string().optional() })
  .transform(({ data, meta }) => ({
    channels: data,
    total: meta?.total ?? data.length,
    limit: meta?.limit ?? data.length,
    offset: meta?.offset ?? 0,
  }));
export type Chat2DeskChannelPage = z.output<typeof ChannelListSchema>;
