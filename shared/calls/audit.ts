import { z } from 'zod';
import { AuditEntrySchema } from '../audit';
import { call } from './define';

/** The append-only record of changes made through the console. */
export const auditCalls = {
  'audit.list': call(
    z.object({ limit: z.number().int().min(1).max(1000).default(200), offset: z.number().int().min(0).default(0) }).strict(),
    z.object({ entries: z.array(AuditEntrySchema), total: z.number().int() }),
  ),
  'audit.exportCsv': call(z.object({}).strict(), z.object({ filename: z.string(), csv: z.string() })),
} as const;
