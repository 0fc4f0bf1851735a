import { z } from 'zod';

/** One change made through the console: who, when, what, on which target, and how it ended. Never a secret. */
export const AuditEntrySchema = z.object({
  at: z.string(),
  actor: z.string(),
  call: z.string(),
  target: z.string().nullable(),
  targetName: z.string().nullable(),
  result: z.string(),
  message: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
