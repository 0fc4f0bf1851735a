import type { GreenApiJournalEntryView, GreenApiQueueItemView } from '../../../../shared/deliveries';
import type { GreenApiJournalEntry, GreenApiQueueItem } from '../../providers/greenapi/schemas';
import type { AccountsService } from '../accounts/accounts-service';
import type { ProviderClients } from '../provider-clients';
import { resolveGreenApiInstance } from './account-targets';

type Target = { accountId: string; instanceId: string };

/**
 * GREEN-API's side of "what happened to message X" (specs/greenapi.md §6–7): getMessage by chat and id, the outgoing
 * journal with statuses, the send queue and clearing it, and a test sendMessage. Every call goes through the shared
 * per-instance rate limiter (lastOutgoingMessages, showMessagesQueue and clearMessagesQueue allow 1 request/s).
 */
export function createGreenApiDeliveries(deps: { accounts: AccountsService; clients: ProviderClients }) {
  const instance = async (target: Target) => deps.clients.greenapiInstance((await resolveGreenApiInstance(deps.accounts, target)).instance);

  return {
    async message(target: Target, chatId: string, idMessage: string): Promise<GreenApiJournalEntryView> {
      return journalView(await (await instance(target)).getMessage({ chatId, idMessage }));
    },
    async outgoing(target: Target, minutes: number): Promise<GreenApiJournalEntryView[]> {
      return (await (await instance(target)).lastOutgoingMessages(minutes)).map(journalView);
    },
    async queue(target: Target): Promise<GreenApiQueueItemView[]> {
      return (await (await instance(target)).showMessagesQueue()).map(queueView);
    },
    async clearQueue(target: Target): Promise<{ isCleared: boolean }> {
      return (await instance(target)).clearMessagesQueue();
    },
    async send(target: Target, message: { chatId: string; message: string; linkPreview: boolean }): Promise<{ idMessage: string }> {
      return (await instance(target)).sendMessage(message);
    },
  };
}

function journalView(entry: GreenApiJournalEntry): GreenApiJournalEntryView {
  return {
    type: entry.type,
    idMessage: entry.idMessage,
    timestamp: entry.timestamp,
    typeMessage: entry.typeMessage,
    chatId: entry.chatId,
    textMessage: entry.textMessage ?? null,
    statusMessage: entry.statusMessage ?? null,
    sendByApi: entry.sendByApi ?? null,
    senderName: entry.senderName ?? null,
    caption: entry.caption ?? null,
    fileName: entry.fileName ?? null,
  };
}

function queueView(item: GreenApiQueueItem): GreenApiQueueItemView {
  return {
    type: item.type,
    messageIds: item.messageID ? [item.messageID] : (item.messagesIDs ?? []),
    chatId: item.body?.chatId ?? null,
    message: item.body?.message ?? null,
  };
}
