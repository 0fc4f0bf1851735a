import type { AuthTarget } from '../../../../shared/auth';
import { AppError } from '../../app-error';
import { customerIdFromToken } from '../../providers/chatpush/jwt';
import type { AccountsService } from '../accounts/accounts-service';
import type { ChatpushAccount, GreenApiAccount, GreenApiInstanceCredentials, ProviderClients } from '../provider-clients';

/** A Chategy/Jetapi instance: its room is its customer id, its socket key the client token (spec §4.1). */
export interface ChatpushTarget {
  provider: 'chatpush';
  accountId: string;
  sandbox: boolean;
  account: ChatpushAccount;
  customerId: number;
  token: string;
}

export interface GreenApiTarget {
  provider: 'greenapi';
  accountId: string;
  sandbox: boolean;
  account: GreenApiAccount;
  credentials: GreenApiInstanceCredentials;
}

export type ResolvedTarget = ChatpushTarget | GreenApiTarget;

/** An account with its secrets, and its stored record, whose list entries keep the ids the drafts do not have. */
export async function accountWithIds(accounts: AccountsService, accountId: string) {
  const account = await accounts.resolve(accountId);
  const record = accounts.records().find((candidate) => candidate.id === accountId);
  if (!record) throw new AppError('not_found', 'That account no longer exists. It may have been removed in another window.');
  return { account, record };
}

/** The customer id a client token belongs to, or null when the token is not a readable JWT. */
export function tokenCustomerId(token: string): number | null {
  try {
    return customerIdFromToken(token);
  } catch {
    return null;
  }
}

/**
 * The instance behind a target, with what its sessions need. A Chategy/Jetapi client token the account holds is
 * used when its JWT names the customer; otherwise the developer API gives the instance's token.
 */
export async function resolveTarget(accounts: AccountsService, clients: ProviderClients, target: AuthTarget): Promise<ResolvedTarget> {
  const { account, record } = await accountWithIds(accounts, target.accountId);
  const base = { accountId: target.accountId, sandbox: record.sandbox };
  if (account.provider === 'greenapi' && record.provider === 'greenapi') {
    const index = record.instances.findIndex((entry) => entry.id === target.instance);
    const credentials = account.instances[index];
    if (index < 0 || !credentials || credentials.idInstance !== record.instances[index]!.idInstance) throw missingInstance();
    return { ...base, provider: 'greenapi', account, credentials };
  }
  if (account.provider === 'chatpush') {
    const customerId = /^\d{1,12}$/.test(target.instance) ? Number(target.instance) : NaN;
    if (!Number.isSafeInteger(customerId)) throw missingInstance();
    const held = account.clientTokens.find((entry) => tokenCustomerId(entry.token) === customerId);
    const token = held?.token ?? (await clients.chatpushDeveloper(account).getInstance(customerId)).token;
    if (!token) {
      throw new AppError('provider_not_found', `Chategy/Jetapi gave no client token for customer ${customerId}. Add the instance's token to the account.`, {
        provider: 'chatpush',
        operation: 'getInstance',
      });
    }
    return { ...base, provider: 'chatpush', account, customerId, token };
  }
  throw new AppError('invalid_input', 'This account’s provider has no messenger authorization.', { provider: account.provider });
}

/** The developer id of a Chategy/Jetapi instance (delete_container_session and bots take it, not the customer id). */
export async function chatpushInstanceId(clients: ProviderClients, target: ChatpushTarget, signal?: AbortSignal): Promise<number> {
  return (await clients.chatpushDeveloper(target.account, signal).getInstance(target.customerId)).id;
}

export function requireProvider<P extends ResolvedTarget['provider']>(target: ResolvedTarget, provider: P, what: string): Extract<ResolvedTarget, { provider: P }> {
  if (target.provider !== provider) throw new AppError('invalid_input', `${what} is not available for this account’s provider.`, { provider: target.provider });
  return target as Extract<ResolvedTarget, { provider: P }>;
}

function missingInstance() {
  return new AppError('not_found', 'That instance is no longer in the account. Refresh the list.');
}
