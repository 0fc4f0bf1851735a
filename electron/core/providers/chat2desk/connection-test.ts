import type { AccountDraft, ConnectionCheck } from '../../../../shared/accounts';
import { checkTransport, fact, runCheck, type ConnectionTestContext, type Fact } from '../check-runner';
import { Chat2DeskApi } from './client';

type Chat2DeskDraft = Extract<AccountDraft, { provider: 'chat2desk' }>;

/** api_info: it needs the token and tells the access level and the requests left this month. */
export async function testChat2DeskConnection(draft: Chat2DeskDraft, ctx: ConnectionTestContext): Promise<ConnectionCheck[]> {
  const transport = checkTransport(ctx);
  const check = await ctx.limit(() =>
    runCheck({ kind: 'apiToken', label: 'API token', subject: '' }, async () => {
      const info = await new Chat2DeskApi({ baseUrl: draft.baseUrl, apiToken: draft.apiToken }, transport).getApiInfo();
      const facts: Fact[] = [];
      if (info.apiMode !== null) facts.push(fact('apiMode', info.apiMode));
      if (info.apiCalls.left !== null) facts.push(fact('requestsLeft', info.apiCalls.left));
      if (info.companyName !== null) facts.push(fact('company', info.companyName));
      return facts;
    }),
  );
  return [check];
}
