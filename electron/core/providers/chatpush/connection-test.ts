import type { AccountDraft, ConnectionCheck } from '../../../../shared/accounts';
import { checkName, checkTransport, fact, runCheck, type ConnectionTestContext } from '../check-runner';
import { ChatpushCustomerApi } from './customer-api';
import { ChatpushDeveloperApi } from './developer-api';

type ChatpushDraft = Extract<AccountDraft, { provider: 'chatpush' }>;

/**
 * The developer api_key (list one instance: the total is a useful fact) and every client token (the account
 * call gives balance and customer id), all concurrently under the dispatcher's cap.
 */
export function testChatpushConnection(draft: ChatpushDraft, ctx: ConnectionTestContext): Promise<ConnectionCheck[]> {
  const transport = checkTransport(ctx);
  const developer = ctx.limit(() =>
    runCheck({ kind: 'developerKey', label: 'Developer api_key', subject: '' }, async () => {
      const api = new ChatpushDeveloperApi({ brand: draft.brand, hosts: draft.hosts, apiKey: draft.apiKey }, transport);
      const page = await api.listInstances({ perPage: 1 });
      return [fact('instances', page.totalCount)];
    }),
  );
  const clients = draft.clientTokens.map((entry, index) =>
    ctx.limit(() =>
      runCheck(checkName('clientToken', 'Client token', entry.label, String(index + 1)), async () => {
        const api = new ChatpushCustomerApi({ brand: draft.brand, hosts: draft.hosts, token: entry.token }, transport);
        const account = await api.getAccount();
        const facts = [fact('customerId', account.customerId)];
        if (account.balance !== null) facts.unshift(fact('balance', account.balance));
        return facts;
      }),
    ),
  );
  return Promise.all([developer, ...clients]);
}
