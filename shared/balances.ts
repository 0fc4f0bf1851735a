import { z } from 'zod';
import { AppErrorSchema } from './errors';
import { MoneySchema } from './money';
import { ProviderIdSchema } from './providers';

/**
 * Balances and subscriptions per account, gathered by the fleet refresh: what each account has, what renewals
 * will take from it, and the API limits each provider reports.
 */

/** One Chategy/Jetapi client token's `GET /api/v1/account` (spec §3): `total_amount` is its balance. */
export const TokenBalanceSchema = z.object({
  label: z.string(),
  customerId: z.number().int().nullable(),
  balance: MoneySchema.nullable(),
  /**
   * The developer's own (master) account: its customer id is none of the account's instances. Its balance pays
   * the subscriptions (spec §2 Renew, §7.1 "Auto-renewal debits the master balance").
   */
  master: z.boolean(),
  error: AppErrorSchema.nullable(),
});
export type TokenBalance = z.infer<typeof TokenBalanceSchema>;

/** Chat2Desk api_info (A7) and each channel's WhatsApp daily new-client limit (A2). */
export const Chat2DeskLimitsSchema = z.object({
  apiMode: z.string().nullable(),
  usedThisMonth: z.number().int().nullable(),
  leftFree: z.number().int().nullable(),
  leftPaid: z.number().int().nullable(),
  left: z.number().int().nullable(),
  channels: z.array(
    z.object({ id: z.string(), name: z.string(), limit: z.number().int().nullable(), used: z.number().int().nullable(), left: z.number().int().nullable() }),
  ),
});
export type Chat2DeskLimits = z.infer<typeof Chat2DeskLimitsSchema>;

/** A GREEN-API quota as a 466 answer reported it (specs/greenapi.md §8.1). */
export const QuotaSeenSchema = z.object({
  idInstance: z.string(),
  method: z.string(),
  used: z.number().int(),
  total: z.number().int(),
  status: z.string(),
  seenAt: z.string(),
});
export type QuotaSeen = z.infer<typeof QuotaSeenSchema>;

/** A quota on the Balances screen, with where its figures came from. */
export const QuotaFigureSchema = QuotaSeenSchema.extend({
  /**
   * `response466`: a 466 answer to one of the refresh's own requests (§8.1). `notification`: a quotaExceeded
   * notification found at the head of the instance's queue (§5.3), read without removing it.
   */
  source: z.enum(['response466', 'notification']),
  /** The chats the quota still allows, as a quotaExceeded notification names them in its description. */
  chats: z.array(z.string()),
});
export type QuotaFigure = z.infer<typeof QuotaFigureSchema>;

/**
 * How long a refresh waits for the head of a GREEN-API notification queue. A queue with something in it answers at
 * once (§5.1); an empty one holds the request for receiveTimeout (5 s at the least), longer than needed to learn
 * that nothing is there.
 */
export const QUEUE_PEEK_WAIT_MS = 2000;

/**
 * How the last refresh read a GREEN-API account's notification queues: only their heads, never deleting anything.
 * An instance whose notifications go to a webhook URL has no queue to poll (§5.1) and is skipped.
 */
export const NotificationPeekSchema = z.object({
  at: z.string(),
  /** Queues whose head was read (empty or not). */
  read: z.number().int(),
  /** Of those, how many had a quotaExceeded notification at the head. */
  quotaAtHead: z.number().int(),
  webhookMode: z.number().int(),
  failed: z.number().int(),
});
export type NotificationPeek = z.infer<typeof NotificationPeekSchema>;

export const AccountBalanceSchema = z.object({
  accountId: z.string(),
  accountName: z.string(),
  provider: ProviderIdSchema,
  /** The balance renewals are paid from; null when the account gives no way to read it. */
  balance: MoneySchema.nullable(),
  /** Why there is no balance: no master token among the client tokens, a failed read… */
  balanceMissing: z.enum(['noMasterToken', 'readFailed', 'notOffered']).nullable(),
  tokens: z.array(TokenBalanceSchema),
  /** Auto-renewals falling due in the next 7 / 30 days (lapsed auto-renewing ones included) and their cost. */
  renewals7: z.number().int(),
  due7: MoneySchema,
  renewals30: z.number().int(),
  due30: MoneySchema,
  /** Whether the balance covers them; null without a balance. */
  covers7: z.boolean().nullable(),
  covers30: z.boolean().nullable(),
  /** What is missing to cover the next 7 / 30 days, when it does not. */
  shortfall7: MoneySchema.nullable(),
  shortfall30: MoneySchema.nullable(),
  /** Instances without auto-renew whose subscription ends within 7 days: they will stop. */
  stopping7: z.number().int(),
  threshold: MoneySchema.nullable(),
  belowThreshold: z.boolean(),
  chat2desk: Chat2DeskLimitsSchema.nullable(),
  /** The provider reports monthly quotas (GREEN-API's 466): the screen says so even when none was exceeded. */
  tracksQuotas: z.boolean(),
  quotas: z.array(QuotaFigureSchema),
  /** GREEN-API: how the last refresh peeked at the notification queues; null for other providers or before one. */
  notificationPeek: NotificationPeekSchema.nullable(),
  error: AppErrorSchema.nullable(),
  refreshedAt: z.string().nullable(),
});
export type AccountBalance = z.infer<typeof AccountBalanceSchema>;

/** An instance whose subscription is not running, with the last day it was paid for. */
export const LapsedInstanceSchema = z.object({
  key: z.string(),
  provider: ProviderIdSchema,
  accountName: z.string(),
  instanceId: z.string(),
  externalId: z.string().nullable(),
  subscription: z.enum(['inactive', 'expired']),
  lastPaidDay: z.string().nullable(),
  autoRenew: z.boolean().nullable(),
  cost: MoneySchema.nullable(),
});
export type LapsedInstance = z.infer<typeof LapsedInstanceSchema>;

/** Balances and counts as they were after one refresh, kept locally for the chart. */
export const BalanceSnapshotSchema = z.object({
  at: z.string(),
  accounts: z.array(z.object({ accountId: z.string(), accountName: z.string(), balance: MoneySchema.nullable() })),
  counts: z.object({
    total: z.number().int(),
    authorized: z.number().int(),
    lapsed: z.number().int(),
    expiringSoon: z.number().int(),
  }),
});
export type BalanceSnapshot = z.infer<typeof BalanceSnapshotSchema>;

export const AlertSchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(['expiring', 'lowBalance', 'leftAuthorized']),
  accountId: z.string(),
  accountName: z.string(),
  /** How many instances it is about (expiring, leftAuthorized). */
  count: z.number().int(),
  /** A few of their ids, for the message. */
  instanceIds: z.array(z.string()),
  balance: MoneySchema.nullable(),
  threshold: MoneySchema.nullable(),
});
export type Alert = z.infer<typeof AlertSchema>;

export const BalancesViewSchema = z.object({
  accounts: z.array(AccountBalanceSchema),
  lapsed: z.array(LapsedInstanceSchema),
  alerts: z.array(AlertSchema),
  refreshedAt: z.string().nullable(),
});
export type BalancesView = z.infer<typeof BalancesViewSchema>;

/** Days before the end of a subscription without auto-renew at which it is announced. */
export const EXPIRING_ALERT_DAYS = 3;

/** The columns of the balances CSV, in order; the renderer gives each its header in the user's language. */
export const BalanceCsvColumnSchema = z.enum([
  'account',
  'provider',
  'balance',
  'renewals7',
  'due7',
  'covers7',
  'renewals30',
  'due30',
  'covers30',
  'shortfall30',
  'stopping7',
  'threshold',
  'apiCallsLeft',
]);
export type BalanceCsvColumn = z.infer<typeof BalanceCsvColumnSchema>;
