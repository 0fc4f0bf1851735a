import type { AccountDraft } from '../../../shared/accounts';
import type { Logger } from '../log';
import { Chat2DeskApi } from '../providers/chat2desk/client';
import { ChatpushCustomerApi } from '../providers/chatpush/customer-api';
import { ChatpushDeveloperApi } from '../providers/chatpush/developer-api';
import { ChattiApi } from '../providers/chatti/client';
import { GreenApiInstanceApi } from '../providers/greenapi/instance-api';
import { sharedGreenApiLimiter } from '../providers/greenapi/rate-limiter';
import type { ProxySource, TransportOptions } from '../providers/http';
import type { Redactor } from '../redactor';

type Of<P extends AccountDraft['provider']> = Extract<AccountDraft, { provider: P }>;
export type ChatpushAccount = Of<'chatpush'>;
export type GreenApiAccount = Of<'greenapi'>;
export type GreenApiInstanceCredentials = GreenApiAccount['instances'][number];
export type Chat2DeskAccount = Of<'chat2desk'>;
export type ChattiAccount = Of<'chatti'>;

/**
 * The one place services get provider clients from a resolved account (secrets in plaintext, main only), all on
 * the app's transport: its redactor, its logger, its proxy setting (read on every call) and, for GREEN-API, the
 * shared per-instance rate limiter so the console itself never causes a 429.
 */
export function createProviderClients(deps: { redactor: Redactor; log: Logger; timeoutMs?: number; proxy?: ProxySource }) {
  const transport = (signal?: AbortSignal): TransportOptions => ({
    redactor: deps.redactor,
    logger: deps.log,
    signal,
    timeoutMs: deps.timeoutMs,
    proxy: deps.proxy,
  });
  return {
    /** The proxy setting, for the few calls made outside a provider client (the webhook tester's request). */
    proxy: deps.proxy,
    chatpushDeveloper: (account: ChatpushAccount, signal?: AbortSignal) =>
      new ChatpushDeveloperApi({ brand: account.brand, hosts: account.hosts, apiKey: account.apiKey }, transport(signal)),
    chatpushCustomer: (account: ChatpushAccount, token: string, signal?: AbortSignal) =>
      new ChatpushCustomerApi(
        { brand: account.brand, hosts: account.hosts, token, idempotencyKey: account.idempotencyKey },
        transport(signal),
      ),
    greenapiInstance: (instance: GreenApiInstanceCredentials, signal?: AbortSignal) =>
      new GreenApiInstanceApi(instance, transport(signal), { limiter: sharedGreenApiLimiter }),
    chat2desk: (account: Chat2DeskAccount, signal?: AbortSignal) =>
      new Chat2DeskApi({ baseUrl: account.baseUrl, apiToken: account.apiToken }, transport(signal)),
    chatti: (account: ChattiAccount, signal?: AbortSignal) =>
      new ChattiApi({ baseUrl: account.baseUrl, apiKey: account.apiKey }, transport(signal)),
  };
}
export type ProviderClients = ReturnType<typeof createProviderClients>;
