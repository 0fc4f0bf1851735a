import type { Chat2DeskLimits } from '../../../../../shared/balances';
import type { Chat2DeskChannel } from '../../../providers/chat2desk/schemas';
import type { Chat2DeskAccount } from '../../provider-clients';
import { chat2deskRow } from '../row-mapping';
import type { AccountRead, ReadContext } from '../types';

/** A Chat2Desk account: its channels (the rows) and api_info's request counts with each channel's daily limit. */
export async function readChat2DeskAccount(account: Chat2DeskAccount, ctx: ReadContext): Promise<AccountRead> {
  const api = ctx.clients.chat2desk(account, ctx.signal);
  const [info, channels] = await Promise.all([
    ctx.limit(() => api.getApiInfo()),
    ctx.limit(async () => {
      const all: Chat2DeskChannel[] = [];
      for await (const channel of api.iterateChannels()) all.push(channel);
      return all;
    }),
  ]);
  ctx.progress.grow(channels.length);
  ctx.progress.done(true, channels.length);
  const limits: Chat2DeskLimits = {
    apiMode: info.apiMode,
    usedThisMonth: info.apiCalls.usedThisMonth,
    leftFree: info.apiCalls.leftFreeRequests,
    leftPaid: info.apiCalls.leftPaidRequests,
    left: info.apiCalls.left,
    channels: channels.map((channel) => ({
      id: String(channel.id),
      name: channel.name,
      limit: channel.whatsappDailyNewClients?.limit ?? null,
      used: channel.whatsappDailyNewClients?.used ?? null,
      left: channel.whatsappDailyNewClients?.left ?? null,
    })),
  };
  return { rows: channels.map((channel) => chat2deskRow(ctx, channel)), facts: { tokens: [], chat2desk: limits, quotas: [] }, error: null };
}
