import type { Chat2DeskChannelView, Chat2DeskMessageFilter, Chat2DeskMessageView } from '../../../../shared/deliveries';
import type { Chat2DeskMessage } from '../../providers/chat2desk/message-schemas';
import type { AccountsService } from '../accounts/accounts-service';
import type { ProviderClients } from '../provider-clients';
import { resolveChat2Desk } from './account-targets';

/** The most channels read for a picker: 5 pages of 200 (A7 has no count of channels per company). */
const MAX_CHANNELS = 1000;

/**
 * Chat2Desk messages (spec A8): one by id with its delivery status, and lists filtered by client, channel, type and
 * date. A8 warns that frequent large reads use up the month's API requests, so lists are one page, newest first.
 */
export function createChat2DeskMessages(deps: { accounts: AccountsService; clients: ProviderClients }) {
  const api = async (accountId: string) => deps.clients.chat2desk(await resolveChat2Desk(deps.accounts, accountId));

  return {
    async message(accountId: string, messageId: number): Promise<Chat2DeskMessageView> {
      return messageView(await (await api(accountId)).messages.get(messageId));
    },
    async list(accountId: string, filter: Chat2DeskMessageFilter): Promise<{ messages: Chat2DeskMessageView[]; total: number | null }> {
      const page = await (await api(accountId)).messages.list({ ...filter, order: 'desc' });
      return { messages: page.messages.map(messageView), total: page.total };
    },
    async channels(accountId: string): Promise<Chat2DeskChannelView[]> {
      const channels: Chat2DeskChannelView[] = [];
      for await (const channel of (await api(accountId)).iterateChannels({ pageSize: 200 })) {
        channels.push({ id: channel.id, name: channel.name || null, transports: channel.transports });
        if (channels.length >= MAX_CHANNELS) break;
      }
      return channels;
    },
  };
}

function messageView(message: Chat2DeskMessage): Chat2DeskMessageView {
  return {
    id: message.id,
    type: message.type,
    text: message.text,
    transport: message.transport,
    channelId: message.channelId,
    clientId: message.clientId,
    operatorId: message.operatorId,
    dialogId: message.dialogId,
    created: message.created,
    read: message.read,
    deliveryStatus: message.deliveryStatus,
    recipientStatus: message.deliveryStatus ? null : message.recipientStatus,
    attachments: message.attachments.length,
  };
}
