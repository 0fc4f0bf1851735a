import type { TokenBalance } from '../../../../../shared/balances';
import { isMoney, normalizeMoney } from '../../../../../shared/money';
import { toAppErrorShape } from '../../../app-error';
import { MAX_INSTANCES_PER_PAGE } from '../../../providers/chatpush/developer-api';
import type { ChatpushInstance } from '../../../providers/chatpush/schemas';
import type { ChatpushAccount } from '../../provider-clients';
import { chatpushRow } from '../row-mapping';
import type { AccountRead, ReadContext } from '../types';

/**
 * A Chategy/Jetapi account: every instance page of the developer list, and every client token's balance. The first
 * page says how many there are (total_count), so the other pages are fetched side by side under the provider's
 * limit instead of one after another.
 */
export async function readChatpushAccount(account: ChatpushAccount, ctx: ReadContext): Promise<AccountRead> {
  const api = ctx.clients.chatpushDeveloper(account, ctx.signal);
  const perPage = MAX_INSTANCES_PER_PAGE;
  const first = await ctx.limit(() => api.listInstances({ page: 1, perPage }));
  ctx.progress.grow(Math.max(first.totalCount, first.instances.length));
  ctx.progress.done(true, first.instances.length);
  const instances: ChatpushInstance[][] = [first.instances];
  if (first.instances.length >= perPage) {
    const pages = Math.ceil(first.totalCount / perPage);
    const rest = await Promise.all(
      Array.from({ length: Math.max(0, pages - 1) }, (_, index) =>
        ctx.limit(async () => {
          const page = await api.listInstances({ page: index + 2, perPage });
          ctx.progress.done(true, page.instances.length);
          return page.instances;
        }),
      ),
    );
    instances.push(...rest);
  }
  // Pages can overlap when instances are created mid-refresh: one row per instance id.
  const byId = new Map<number, ChatpushInstance>();
  for (const page of instances) for (const instance of page) byId.set(instance.id, instance);
  const customers = new Set([...byId.values()].map((instance) => instance.customerId));
  const tokens = await readTokenBalances(account, ctx, customers);
  return { rows: [...byId.values()].map((instance) => chatpushRow(ctx, instance)), facts: { tokens, chat2desk: null, quotas: [] }, error: null };
}

/** Spec §3 `GET /api/v1/account` per client token. A failed token is reported on its own and does not fail the refresh. */
async function readTokenBalances(account: ChatpushAccount, ctx: ReadContext, customers: Set<number>): Promise<TokenBalance[]> {
  return Promise.all(
    account.clientTokens.map(async ({ label, token }): Promise<TokenBalance> => {
      try {
        const read = await ctx.limit(() => ctx.clients.chatpushCustomer(account, token, ctx.signal).getAccount());
        const balance = read.balance !== null && isMoney(read.balance) ? normalizeMoney(read.balance) : null;
        return { label, customerId: read.customerId, balance, master: !customers.has(read.customerId), error: null };
      } catch (error) {
        if (ctx.signal.aborted) throw error;
        return { label, customerId: null, balance: null, master: false, error: toAppErrorShape(error) };
      }
    }),
  );
}
