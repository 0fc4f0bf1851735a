import { z } from 'zod';
import { AppErrorSchema } from './errors';
import { MoneySchema } from './money';
import { ProviderIdSchema, type ProviderId } from './providers';

/**
 * The fleet: every instance of every account, whatever the provider, as one row shape. Main reads the providers
 * into these rows, keeps them, and serves them filtered, sorted and paged, so the renderer never holds more than
 * the rows it shows.
 */

/** GREEN-API's `stateInstance` values (specs/greenapi.md §4) and Chategy/Jetapi's `whatsapp_session` mapped onto them. */
export const WhatsappStateSchema = z.enum(['authorized', 'notAuthorized', 'blocked', 'sleepMode', 'starting', 'yellowCard', 'creating', 'unknown']);
export type WhatsappState = z.infer<typeof WhatsappStateSchema>;
/** Chategy/Jetapi `tdlib_session` 0–4 (spec §2). */
export const TelegramStateSchema = z.enum(['waitPhone', 'waitCode', 'waitPassword', 'authorized', 'waitQr']);
export type TelegramState = z.infer<typeof TelegramStateSchema>;
/** `expired`: GREEN-API answers "Instance account is expired" (§8.3); `active`/`inactive`: Chategy/Jetapi's own words. */
export const SubscriptionStatusSchema = z.enum(['active', 'inactive', 'expired', 'unknown']);
export type SubscriptionStatus = z.infer<typeof SubscriptionStatusSchema>;

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const InstanceRowSchema = z.object({
  /** Unique across the fleet: `<accountId>/<instanceId>`. */
  key: z.string(),
  provider: ProviderIdSchema,
  accountId: z.string(),
  accountName: z.string(),
  /** The provider's id: Chategy/Jetapi instance id, GREEN-API idInstance, Chat2Desk channel id. */
  instanceId: z.string(),
  externalId: z.string().nullable(),
  /** The account's own name for it (a GREEN-API label, a Chat2Desk channel name). */
  label: z.string().nullable(),
  phone: z.string().nullable(),
  /** Null where the provider has no WhatsApp state to report. */
  whatsapp: WhatsappStateSchema.nullable(),
  telegram: TelegramStateSchema.nullable(),
  queueSize: z.number().int().nullable(),
  queueLimit: z.number().int().nullable(),
  subscription: SubscriptionStatusSchema.nullable(),
  paidUntil: DateSchema.nullable(),
  /** Whole days from today to paidUntil (negative once lapsed). */
  daysLeft: z.number().int().nullable(),
  autoRenew: z.boolean().nullable(),
  cost: MoneySchema.nullable(),
  /** Why this row could not be read in full on the last refresh; what was read is still shown. */
  error: AppErrorSchema.nullable(),
  refreshedAt: z.string(),
});
export type InstanceRow = z.infer<typeof InstanceRowSchema>;

export const FleetColumnSchema = z.enum([
  'provider',
  'account',
  'instanceId',
  'externalId',
  'label',
  'phone',
  'whatsapp',
  'telegram',
  'queue',
  'subscription',
  'paidUntil',
  'daysLeft',
  'autoRenew',
  'cost',
]);
export type FleetColumn = z.infer<typeof FleetColumnSchema>;
export const FLEET_COLUMNS = FleetColumnSchema.options;

/** `none`: the row has no value for this state (the provider does not report it). */
const OrNone = <T extends z.ZodType>(schema: T) => z.union([schema, z.literal('none')]);

export const FleetFilterSchema = z.object({
  /** Words matched against ids, external id, phone, label and account name (all must match). */
  search: z.string().trim().max(200).default(''),
  providers: z.array(ProviderIdSchema).max(4).default([]),
  accountIds: z.array(z.string().max(64)).max(1000).default([]),
  whatsapp: z.array(OrNone(WhatsappStateSchema)).max(16).default([]),
  telegram: z.array(OrNone(TelegramStateSchema)).max(16).default([]),
  subscription: z.array(OrNone(SubscriptionStatusSchema)).max(16).default([]),
  autoRenew: z.enum(['any', 'on', 'off']).default('any'),
  /** Paid until within this many days from today (lapsed ones included). */
  expiringWithinDays: z.number().int().min(0).max(3660).nullable().default(null),
  /** Only rows whose last read failed in part. */
  problemsOnly: z.boolean().default(false),
});
export type FleetFilter = z.output<typeof FleetFilterSchema>;
export type FleetFilterInput = z.input<typeof FleetFilterSchema>;

export const FleetSortSchema = z.object({ column: FleetColumnSchema, direction: z.enum(['asc', 'desc']) });
export type FleetSort = z.infer<typeof FleetSortSchema>;

export const FleetCountsSchema = z.object({
  total: z.number().int(),
  whatsapp: z.record(z.string(), z.number().int()),
  telegram: z.record(z.string(), z.number().int()),
  subscription: z.record(z.string(), z.number().int()),
  /** Rows with a read error. */
  problems: z.number().int(),
  /** Paid until within 7 days (lapsed included). */
  expiringSoon: z.number().int(),
});
export type FleetCounts = z.infer<typeof FleetCountsSchema>;

/** How the last refresh of one account went; a failed account does not fail the others. */
export const AccountRefreshSchema = z.object({
  accountId: z.string(),
  accountName: z.string(),
  provider: ProviderIdSchema,
  state: z.enum(['ok', 'partial', 'failed', 'never']),
  instances: z.number().int(),
  /** Rows that could not be read in full. */
  failedRows: z.number().int(),
  error: AppErrorSchema.nullable(),
  refreshedAt: z.string().nullable(),
});
export type AccountRefresh = z.infer<typeof AccountRefreshSchema>;

export const FleetPageSchema = z.object({
  rows: z.array(InstanceRowSchema),
  offset: z.number().int(),
  /** Rows matching the filter. */
  total: z.number().int(),
  counts: FleetCountsSchema,
  /** Bumped whenever a row changes: pages of an older revision are stale. */
  revision: z.number().int(),
  refreshedAt: z.string().nullable(),
  /**
   * Set while rows kept from the last session are shown (until each of their accounts is read again): when the
   * oldest of them were read. The screens say "as of" that time instead of "last refreshed".
   */
  asOf: z.string().nullable(),
  /** The refresh running now, if any. */
  refreshJobId: z.string().nullable(),
  accounts: z.array(AccountRefreshSchema),
});
export type FleetPage = z.infer<typeof FleetPageSchema>;

export const FleetQuerySchema = z.object({
  filter: FleetFilterSchema.default(FleetFilterSchema.parse({})),
  sort: FleetSortSchema.nullable().default(null),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(0).max(500).default(100),
});
export type FleetQueryInput = z.input<typeof FleetQuerySchema>;

/** Bulk actions on selected rows. Each provider offers the ones its API has (see FLEET_ACTIONS). */
export const FleetActionSchema = z.enum(['renew', 'autoRenewOn', 'autoRenewOff', 'interrupt', 'reboot', 'logout']);
export type FleetAction = z.infer<typeof FleetActionSchema>;

/**
 * What each provider's API can do to an instance: Chategy/Jetapi renew, update renew_subscription and
 * delete_container_session (spec §2); GREEN-API reboot and logout (§2.5, §2.6). Chat2Desk channels have none.
 */
export const FLEET_ACTIONS: Record<ProviderId, readonly FleetAction[]> = {
  chatpush: ['renew', 'autoRenewOn', 'autoRenewOff', 'interrupt'],
  greenapi: ['reboot', 'logout'],
  chat2desk: [],
  chatti: [],
};
/** Actions that spend money or cut a connection: asked for confirmation first. */
export const CONFIRMED_ACTIONS: readonly FleetAction[] = ['renew', 'interrupt', 'reboot', 'logout'];

export const RowKeysSchema = z.array(z.string().min(1).max(200)).min(1).max(20_000);

export const BulkItemResultSchema = z.object({
  key: z.string(),
  instanceId: z.string(),
  accountName: z.string(),
  /** `skipped`: this row's provider has no such action. */
  outcome: z.enum(['ok', 'failed', 'skipped', 'cancelled']),
  error: AppErrorSchema.nullable(),
  /** What changed, e.g. the new paid-until date after a renewal. */
  paidUntil: DateSchema.nullable(),
});
export type BulkItemResult = z.infer<typeof BulkItemResultSchema>;

export const BulkResultsSchema = z.object({
  jobId: z.string(),
  action: FleetActionSchema,
  total: z.number().int(),
  /** Items from the requested index on, in the order they finished. */
  from: z.number().int(),
  items: z.array(BulkItemResultSchema),
  finished: z.boolean(),
});
export type BulkResults = z.infer<typeof BulkResultsSchema>;

/** The Instances table as the user left it: visible columns in order, widths in pixels, the sort. */
export const FleetViewSchema = z.object({
  columns: z.array(FleetColumnSchema).min(1).max(FLEET_COLUMNS.length),
  widths: z.partialRecord(FleetColumnSchema, z.number().int().min(40).max(1200)),
  sort: FleetSortSchema.nullable(),
});
export type FleetView = z.infer<typeof FleetViewSchema>;
export const DEFAULT_FLEET_VIEW: FleetView = {
  columns: ['provider', 'account', 'instanceId', 'externalId', 'phone', 'whatsapp', 'telegram', 'queue', 'subscription', 'paidUntil', 'daysLeft', 'autoRenew', 'cost'],
  widths: {},
  sort: null,
};

/** One CSV column of an export: which value, and its header in the user's language. */
export const ExportColumnSchema = z.object({ column: FleetColumnSchema, header: z.string().max(120) });
