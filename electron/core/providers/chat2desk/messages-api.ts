import type { CallOptions, QueryValue } from '../http';
import { AcknowledgementSchema } from './envelope';
import { IdSchema, MessageFilterSchema, SendMessageInputSchema, SettableStatusSchema, type Chat2DeskMessageFilter, type Chat2DeskSendMessageInput, type Chat2DeskSettableStatus } from './inputs';
import { MessageByIdSchema, MessageListSchema, STATUS_CODES, SentMessageSchema, type Chat2DeskMessage, type Chat2DeskMessageList, type Chat2DeskSentMessage } from './message-schemas';
import { iterateByStartId, MAX_PAGE_SIZE } from './pagination';
import { checkInput, type Chat2DeskCaller } from './request';

const SEND_HINTS = {
  rate_limited:
    'Chat2Desk accepts about 15–20 messages per second. This message was not sent and Switchboard does not resend it by itself: send it again after a pause.',
  provider_not_found: 'Check the client id: messages go only to existing clients (create new ones with clients POST).',
};

/** A8 messages: list (paged by start_id), get, send (rate-limited, never retried) and the external-channel status. */
export class Chat2DeskMessagesApi {
  constructor(private readonly caller: Chat2DeskCaller) {}

  /**
   * One page. A8 warns that frequent large reads exhaust the monthly API requests: webhooks are the way to follow
   * new messages.
   */
  async list(filter: Chat2DeskMessageFilter = {}, call?: CallOptions): Promise<Chat2DeskMessageList> {
    const checked = checkInput(this.caller, 'listMessages', MessageFilterSchema, filter);
    const query: Record<string, QueryValue> = {
      order: checked.order,
      transport: checked.transport,
      channel_id: checked.channelId,
      client_id: checked.clientId,
      operator_id: checked.operatorId,
      dialog_id: checked.dialogId,
      type: checked.type,
      start_date: checked.startDate,
      finish_date: checked.finishDate,
      start_id: checked.startId,
      limit: checked.limit,
      direction_reverse: checked.directionReverse,
    };
    return this.caller.call({ operation: 'listMessages', action: 'listing messages', method: 'GET', path: '/v1/messages', query, parse: MessageListSchema }, call);
  }

  /** Every message matching the filter from `startId` on, in ascending id order, `pageSize` (≤ 200) at a time. */
  iterate(filter: Omit<Chat2DeskMessageFilter, 'limit' | 'order' | 'directionReverse'> = {}, options: { pageSize?: number } = {}, call?: CallOptions) {
    const pageSize = checkInput(this.caller, 'listMessages', MessageFilterSchema, { limit: options.pageSize ?? MAX_PAGE_SIZE }).limit;
    return iterateByStartId<Chat2DeskMessage>(
      async (startId, limit) => (await this.list({ ...filter, order: 'asc', startId, limit }, call)).messages,
      { startId: filter.startId, pageSize },
    );
  }

  async get(id: number, call?: CallOptions): Promise<Chat2DeskMessage> {
    const messageId = checkInput(this.caller, 'getMessage', IdSchema, id);
    return this.caller.call(
      { operation: 'getMessage', action: `reading message #${messageId}`, method: 'GET', path: `/v1/messages/${messageId}`, parse: MessageByIdSchema },
      call,
    );
  }

  /**
   * A8 documents the parameters as query parameters while its examples put buttons in a JSON body ([AMBIG]); every
   * parameter goes in the JSON body here, which keeps long texts out of the URL. A 429 (about 15–20 sends per
   * second) is reported, never retried.
   */
  async send(input: Chat2DeskSendMessageInput, call?: CallOptions): Promise<Chat2DeskSentMessage> {
    const checked = checkInput(this.caller, 'sendMessage', SendMessageInputSchema, input);
    const body = {
      client_id: checked.clientId,
      text: checked.text,
      attachment: checked.attachment,
      attachment_filename: checked.attachmentFilename,
      type: checked.type,
      channel_id: checked.channelId,
      operator_id: checked.operatorId,
      transport: checked.transport,
      open_dialog: checked.openDialog,
      external_id: checked.externalId,
      encrypted: checked.encrypted,
      reply_message_id: checked.replyMessageId,
      keyboard: checked.keyboard,
      inline_buttons: checked.inlineButtons,
      interactive: checked.interactive,
    };
    return this.caller.call(
      { operation: 'sendMessage', action: `sending a message to client #${checked.clientId}`, method: 'POST', path: '/v1/messages', body, parse: SentMessageSchema, hints: SEND_HINTS },
      call,
    );
  }

  /** `PUT /v1/messages/<id>/status/<n>`: external channels only (A8); the answer is undocumented. */
  async setStatus(id: number, status: Chat2DeskSettableStatus, call?: CallOptions): Promise<void> {
    const messageId = checkInput(this.caller, 'setMessageStatus', IdSchema, id);
    const code = STATUS_CODES[checkInput(this.caller, 'setMessageStatus', SettableStatusSchema, status)];
    await this.caller.call(
      {
        operation: 'setMessageStatus',
        action: `marking message #${messageId} as ${status}`,
        method: 'PUT',
        path: `/v1/messages/${messageId}/status/${code}`,
        parse: AcknowledgementSchema,
        hints: { provider_validation: 'Delivery status can be set only for outgoing messages of an external channel.' },
      },
      call,
    );
  }
}
