import { z } from 'zod';
import { IntLikeSchema } from '../http';

/**
 * §8.1 HTTP 466: `invokeStatus` (a method's monthly quota) and/or `correspondentsStatus` (the Developer tariff's
 * 3 chats). `used`/`total` are typed string but printed as numbers (§13.10); statuses are spelled `…QUOTE…` here and
 * `…QUOTA…` in the quotaExceeded notification: both are kept as sent.
 */
export const QuotaStatusSchema = z.looseObject({
  method: z.string(),
  used: IntLikeSchema,
  total: IntLikeSchema,
  status: z.string(),
  description: z.string().nullish(),
});
export type GreenApiQuotaStatus = z.output<typeof QuotaStatusSchema>;

export const QuotaBodySchema = z
  .object({ invokeStatus: QuotaStatusSchema.optional(), correspondentsStatus: QuotaStatusSchema.optional() })
  .refine((body) => body.invokeStatus || body.correspondentsStatus, { message: 'a 466 body names invokeStatus or correspondentsStatus' });
export type GreenApiQuota = z.output<typeof QuotaBodySchema>;

/** The status that is exhausted: the chat limit when it says so, else the method quota. */
export function exhaustedQuota(quota: GreenApiQuota): GreenApiQuotaStatus | undefined {
  const { invokeStatus, correspondentsStatus } = quota;
  if (correspondentsStatus && /EXCEEDED/i.test(correspondentsStatus.status)) return correspondentsStatus;
  if (invokeStatus && /EXCEEDED/i.test(invokeStatus.status)) return invokeStatus;
  return correspondentsStatus ?? invokeStatus;
}

/** "sendmessage: 67 of 0 used (QUOTE_ALLOWED)" — the figures an operator needs, in one line. */
export function quotaFigures(status: GreenApiQuotaStatus): string {
  return `${status.method}: ${status.used} of ${status.total} used (${status.status})`;
}
