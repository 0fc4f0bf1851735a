import { z } from 'zod';
import { IntLikeSchema } from '../http';
import { dataOf, pageOf } from './envelope';

/** Account-level answers: api_info, api_modes, transports, companies/info, channels (spec A2, A7). */

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
      // A7: the three text fields of PUT companies, read back here; null in the only example, format undocumented.
      custom_info: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown()), z.string()]).nullish(),
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
      customInfo: readCustomInfo(data.custom_info),
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
    whatsappDailyNewClients: wire.whatsapp_daily_new_clients_limit ? dailyLimit(wire.whatsapp_daily_new_clients_limit) : null,
  }));

/** A2: how many new WhatsApp clients the channel may still contact today. */
function dailyLimit({ limit, used }: { limit?: number | null; used?: number | null }) {
  const left = typeof limit === 'number' && typeof used === 'number' ? Math.max(0, limit - used) : null;
  return { limit: limit ?? null, used: used ?? null, left };
}
export type Chat2DeskChannel = z.output<typeof ChannelSchema>;

export const ChannelListSchema = pageOf(ChannelSchema);
export type Chat2DeskChannelPage = z.output<typeof ChannelListSchema>;

/** The `custom_fields` keys of PUT companies (A7): three numbered text fields. */
export const CustomInfoKeySchema = z.enum(['1', '2', '3']);
export type Chat2DeskCustomInfo = Partial<Record<z.infer<typeof CustomInfoKeySchema>, string>>;

function readCustomInfo(value: unknown): Chat2DeskCustomInfo | null {
  if (value === null || value === undefined) return null;
  const entries = Array.isArray(value) ? value.map((text, index) => [String(index + 1), text]) : typeof value === 'object' ? Object.entries(value) : [['1', value]];
  const info: Chat2DeskCustomInfo = {};
  for (const [key, text] of entries) {
    const parsed = CustomInfoKeySchema.safeParse(String(key));
    if (parsed.success && text !== null && text !== undefined) info[parsed.data] = String(text);
  }
  return info;
}

/** A2 `GET /v1/help/api_modes`: locked, demo, normal, unlimited, each with its monthly allowance in words. */
export const ApiModesSchema = dataOf(z.array(z.object({ name: z.string(), description: z.string().nullish() }))).transform((modes) =>
  modes.map((mode) => ({ name: mode.name, description: mode.description ?? '' })),
);
export type Chat2DeskApiMode = z.output<typeof ApiModesSchema>[number];

const MEDIA_KINDS = ['text', 'image', 'audio', 'video', 'pdf', 'location'] as const;
const SupportSchema = z
  .record(z.string(), z.string())
  .transform((support) => Object.fromEntries(MEDIA_KINDS.map((kind) => [kind, support[kind] === 'yes'])) as Record<(typeof MEDIA_KINDS)[number], boolean>);

/** A7 `GET /v1/help/transports`: what each transport carries from and to the client, as "yes"/"no". */
export const TransportsSchema = dataOf(z.record(z.string(), z.object({ from_client: SupportSchema, to_client: SupportSchema }))).transform((map) =>
  Object.entries(map).map(([transport, support]) => ({ transport, fromClient: support.from_client, toClient: support.to_client })),
);
export type Chat2DeskTransport = z.output<typeof TransportsSchema>[number];

/**
 * A7 `GET /v1/companies/info`. `online` is the working mode that `PUT companies/switch_mode` sets (it changes
 * auto-replies). [CONTRA] its description is copied from PUT companies; the `workingHours` entries carry no day.
 */
export const CompanyInfoSchema = dataOf(
  z.object({
    id: IntLikeSchema,
    name: z.string().nullish(),
    workingHours: z.array(z.object({ begin: z.string(), end: z.string() })).nullish(),
    timezone: z.string().nullish(),
    online: z.boolean().nullish(),
  }),
).transform((info) => ({
  id: info.id,
  name: info.name ?? '',
  workingHours: info.workingHours ?? [],
  timezone: info.timezone ?? null,
  workingMode: info.online === null || info.online === undefined ? null : info.online ? ('online' as const) : ('offline' as const),
}));
export type Chat2DeskCompanyInfo = z.output<typeof CompanyInfoSchema>;

export const WorkingModeSchema = z.enum(['online', 'offline']);
export type Chat2DeskWorkingMode = z.infer<typeof WorkingModeSchema>;
