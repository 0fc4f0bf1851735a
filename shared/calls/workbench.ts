import { z } from 'zod';
import { AccountIdSchema } from '../accounts';
import { WorkbenchRequestSchema, WorkbenchResponseSchema } from '../chatti-workbench';
import { call } from './define';

/** One request to an account's API as the user writes it; the key is injected in main and never shown. */
export const workbenchCalls = {
  'workbench.send': call(z.object({ accountId: AccountIdSchema, request: WorkbenchRequestSchema }).strict(), WorkbenchResponseSchema, {
    audit: true,
  }),
} as const;
