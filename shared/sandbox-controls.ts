import { z } from 'zod';
import { IdInstanceSchema } from './accounts';
import { ProviderIdSchema } from './providers';

/**
 * The demo workspace's sandbox controls (issue 3): what tests do to the built-in sandbox, offered to a person trying
 * the console. Every bound here is what keeps one click from making the sandbox unusable (a year's jump at most,
 * 500 instances at a time, 50 faulty requests).
 */

export const CLOCK_UNITS = ['minutes', 'hours', 'days'] as const;
export const ClockUnitSchema = z.enum(CLOCK_UNITS);
export type ClockUnit = z.infer<typeof ClockUnitSchema>;
const UNIT_MS: Record<ClockUnit, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };
/** The furthest one advance may move the sandbox clock: a year and a day (a yearly subscription lapses). */
export const MAX_ADVANCE_MS = 366 * UNIT_MS.days;
export const clockAdvanceMs = (amount: number, unit: ClockUnit) => amount * UNIT_MS[unit];

export const AdvanceClockSchema = z
  .object({ amount: z.number().int().min(1).max(9999), unit: ClockUnitSchema })
  .strict()
  .refine((value) => clockAdvanceMs(value.amount, value.unit) <= MAX_ADVANCE_MS, {
    path: ['amount'],
    message: 'At most 366 days at a time.',
  });

const CustomerIdSchema = z.number().int().min(1).max(2_147_483_647);
/** A balance as typed: up to nine whole digits and two decimals, never negative. */
const AmountSchema = z
  .string()
  .trim()
  .regex(/^\d{1,9}([.,]\d{1,2})?$/, 'A sum such as 150 or 99.50.')
  .transform((value) => value.replace(',', '.'));

export const SetBalanceSchema = z.discriminatedUnion('provider', [
  /** Chategy/Jetapi: the developer's balance (pays renewals) without `customerId`, else that customer's. */
  z.object({ provider: z.literal('chatpush'), customerId: CustomerIdSchema.optional(), amount: AmountSchema }).strict(),
  /** Chat2Desk api_info: the month's requests left. */
  z
    .object({
      provider: z.literal('chat2desk'),
      leftFreeRequests: z.number().int().min(0).max(10_000_000),
      leftPaidRequests: z.number().int().min(0).max(100_000_000),
    })
    .strict(),
]);
export type SetBalanceInput = z.input<typeof SetBalanceSchema>;

export const MAX_SEEDED_INSTANCES = 500;
/** Only Chategy/Jetapi: its api_key lists every instance, so seeded ones reach the demo account by themselves. */
export const SeedInstancesSchema = z.object({ provider: z.literal('chatpush'), count: z.number().int().min(1).max(MAX_SEEDED_INSTANCES) }).strict();

export const SANDBOX_FAULTS = ['status500', 'html502', 'rateLimited', 'timeout', 'reset'] as const;
export const SandboxFaultSchema = z.enum(SANDBOX_FAULTS);
export type SandboxFault = z.infer<typeof SandboxFaultSchema>;

export const InjectFaultSchema = z
  .object({
    provider: ProviderIdSchema,
    fault: SandboxFaultSchema,
    /** How many of the provider's next requests fail. */
    times: z.number().int().min(1).max(50),
    /** The 429's Retry-After, in seconds. */
    retryAfterSeconds: z.number().int().min(1).max(3600).default(60),
  })
  .strict();
export type InjectFaultInput = z.input<typeof InjectFaultSchema>;

export const ClearFaultsSchema = z.object({ provider: ProviderIdSchema.optional() }).strict();

export const SetWhatsappStateSchema = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('chatpush'), customerId: CustomerIdSchema, linked: z.boolean() }).strict(),
  z.object({ provider: z.literal('greenapi'), idInstance: IdInstanceSchema, linked: z.boolean() }).strict(),
]);
export type SetWhatsappStateInput = z.input<typeof SetWhatsappStateSchema>;

/** What the sandbox looks like after a control: its clock, and the faults still waiting per provider. */
export const SandboxControlsStatusSchema = z.object({
  /** Sandbox time (ISO), which runs ahead of the real clock by every advance. */
  now: z.string(),
  pendingFaults: z.record(ProviderIdSchema, z.number().int()),
});
export type SandboxControlsStatus = z.infer<typeof SandboxControlsStatusSchema>;
