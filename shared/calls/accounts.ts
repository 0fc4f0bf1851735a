import { z } from 'zod';
import { AccountDraftSchema, AccountIdSchema, AccountPatchSchema, AccountViewSchema, ConnectionTestResultSchema } from '../accounts';
import { call, Done, Empty } from './define';

/** Provider accounts: credentials in, masked views out. */
export const accountCalls = {
  'accounts.list': call(Empty, z.array(AccountViewSchema)),
  'accounts.create': call(z.object({ draft: AccountDraftSchema }).strict(), AccountViewSchema, { audit: true }),
  'accounts.update': call(z.object({ id: AccountIdSchema, patch: AccountPatchSchema }).strict(), AccountViewSchema, { audit: true }),
  'accounts.remove': call(z.object({ id: AccountIdSchema }).strict(), Done, { audit: true }),
  'accounts.test': call(z.object({ id: AccountIdSchema }).strict(), ConnectionTestResultSchema),
  /** Test what is in the form before saving; secrets left blank are taken from `existingId`. */
  'accounts.testDraft': call(
    z.object({ patch: AccountPatchSchema, existingId: AccountIdSchema.optional() }).strict(),
    ConnectionTestResultSchema,
  ),
} as const;
