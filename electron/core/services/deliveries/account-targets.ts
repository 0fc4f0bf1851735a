import type { AccountDraft } from '../../../../shared/accounts';
import type { ProviderId } from '../../../../shared/providers';
import { AppError } from '../../app-error';
import type { AccountsService } from '../accounts/accounts-service';
import type { Chat2DeskAccount, ChatpushAccount, GreenApiAccount, GreenApiInstanceCredentials } from '../provider-clients';

type Of<P extends ProviderId> = Extract<AccountDraft, { provider: P }>;
const PROVIDER_NAMES: Record<ProviderId, string> = { chatpush: 'Chategy/Jetapi', greenapi: 'GREEN-API', chat2desk: 'Chat2Desk', chatti: 'Chatti' };

/**
 * The account a screen names, with its secrets in plaintext (main only), checked to be of the provider the call is
 * for: a Chat2Desk id sent to a GREEN-API call is a clear error, not a crash.
 */
export async function resolveAccount<P extends ProviderId>(accounts: AccountsService, accountId: string, provider: P): Promise<Of<P>> {
  const account = await accounts.resolve(accountId);
  if (account.provider !== provider) {
    throw new AppError('invalid_input', `That account is not a ${PROVIDER_NAMES[provider]} account: choose one of those.`, {
      fields: [{ path: 'accountId', message: `must be a ${PROVIDER_NAMES[provider]} account` }],
    });
  }
  return account as Of<P>;
}

/**
 * A list entry (client token, GREEN-API instance) by its stored id. Drafts carry no entry ids, so the entry is found
 * by its position in the stored record, which is the same order.
 */
function entryIndex(accounts: AccountsService, accountId: string, list: 'clientTokens' | 'instances', entryId: string, what: string): number {
  const record = accounts.records().find((candidate) => candidate.id === accountId) as Record<string, unknown> | undefined;
  const entries = (record?.[list] as { id: string }[] | undefined) ?? [];
  const index = entries.findIndex((entry) => entry.id === entryId);
  if (index < 0) {
    throw new AppError('not_found', `That ${what} is no longer in the account: it may have been removed. Choose another.`, {
      fields: [{ path: list === 'clientTokens' ? 'tokenId' : 'instanceId', message: `unknown ${what}` }],
    });
  }
  return index;
}

/** A Chategy/Jetapi account and one of its client tokens (deliveries are read with the token that sent them). */
export async function resolveChatpushClient(
  accounts: AccountsService,
  target: { accountId: string; tokenId: string },
): Promise<{ account: ChatpushAccount; token: string }> {
  const account = await resolveAccount(accounts, target.accountId, 'chatpush');
  const index = entryIndex(accounts, target.accountId, 'clientTokens', target.tokenId, 'client token');
  return { account, token: account.clientTokens[index]!.token };
}

export async function resolveGreenApiInstance(
  accounts: AccountsService,
  target: { accountId: string; instanceId: string },
): Promise<{ account: GreenApiAccount; instance: GreenApiInstanceCredentials }> {
  const account = await resolveAccount(accounts, target.accountId, 'greenapi');
  const index = entryIndex(accounts, target.accountId, 'instances', target.instanceId, 'instance');
  return { account, instance: account.instances[index]! };
}

export const resolveChat2Desk = (accounts: AccountsService, accountId: string): Promise<Chat2DeskAccount> =>
  resolveAccount(accounts, accountId, 'chat2desk');
