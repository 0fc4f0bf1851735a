import { z } from 'zod';
import { JobProgressSchema } from '../jobs';
import { call, Done, Empty } from './define';

export const jobCalls = {
  'jobs.list': call(Empty, z.array(JobProgressSchema)),
  'jobs.cancel': call(z.object({ jobId: z.string().min(1).max(64) }).strict(), Done, { audit: true }),
} as const;
