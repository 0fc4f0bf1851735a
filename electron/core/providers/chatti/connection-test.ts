import type { AccountDraft, ConnectionCheck } from '../../../../shared/accounts';
import { checkTransport, fact, runCheck, type ConnectionTestContext, type Fact } from '../check-runner';
import { ChattiApi } from './client';

type ChattiDraft = Extract<AccountDraft, { provider: 'chatti' }>;

/** GET the probe path with the key; the status and, for a paginated list, the total are the facts. */
export async function testChattiConnection(draft: ChattiDraft, ctx: ConnectionTestContext): Promise<ConnectionCheck[]> {
  const transport = checkTransport(ctx);
  const check = await ctx.limit(() =>
    runCheck({ kind: 'apiKey', label: 'API key', subject: '' }, async () => {
      const result = await new ChattiApi({ baseUrl: draft.baseUrl, apiKey: draft.apiKey }, transport).probe(draft.probePath);
      const facts: Fact[] = [fact('status', result.status)];
      if (result.page?.total !== undefined) facts.push(fact('total', result.page.total));
      return facts;
    }),
  );
  return [check];
}
