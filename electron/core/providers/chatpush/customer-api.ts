import { errorReason, type ErrorReason } from '../../../../shared/error-reasons';
import type { ChatpushBrand, ChatpushHosts } from '../../../../shared/providers';
import { AppError } from '../../app-error';
import { joinUrl, type CallOptions, type QueryValue, type TransportOptions } from '../http';
import { idempotencyChecksum } from './checksum';
import {
  BulkDeliveryEnvelopeSchema,
  DeliveryEnvelopeSchema,
  OperatorSearchSchema,
  UtmMarksSchema,
  type ChatpushBulkDelivery,
  type ChatpushDelivery,
  type ChatpushOperatorSearch,
} from './delivery-schemas';
import { chatpushDialect } from './dialect';
import {
  ConversationsSchema,
  DeletedChatsSchema,
  IframeLinkSchema,
  type ChatpushConversation,
  type ChatpushDeletedChats,
} from './iframe-schemas';
import {
  BulkDeliveryInputSchema,
  IframeLinkInputSchema,
  NotesInputSchema,
  SendDeliveryInputSchema,
  SendFileInputSchema,
  validateInput,
  type BulkDeliveryInput,
  type IframeLinkInput,
  type NotesInput,
  type SendDeliveryInput,
  type SendFileInput,
} from './inputs';
import { customerIdFromToken } from './jwt';
import { AccountSchema, BareSuccessSchema, type ChatpushAccount } from './schemas';
import { isAllowedSendFileMime, mimeFromFileName, SEND_FILE_MAX_BYTES } from './send-file-rules';
import { ChatpushTransport } from './transport';
import { ChatpushWebhooksApi } from './webhooks-api';

export interface ChatpushCustomerCredentials {
  brand: ChatpushBrand;
  hosts: Pick<ChatpushHosts, 'rest'>;
  /** A client (instance) JWT (spec §1.1, §4.5). */
  token: string;
  /** §6.8: the IDEMPOTENCY KEY from the personal account (or `idempotency_key` from instance creation). */
  idempotencyKey?: string;
  /**
   * §7.1: the iFrame API lives under `/api/v1/chatter` in the individual docs and `/api/developer_chat` in the
   * corporate ones. Default: the corporate tree, which is what a developer console drives.
   */
  iframeApi?: 'chatter' | 'developer_chat';
}

/** The client (Bearer token) side of Chategy/Jetapi: `/api/v1/*` and `/api/developer_chat/*` on the REST host. */
export class ChatpushCustomerApi {
  private readonly transport: ChatpushTransport;
  /** §5.1 individual webhooks: `/api/v1/webhooks`, updated with PATCH. */
  readonly webhooks: ChatpushWebhooksApi;

  constructor(
    private readonly credentials: ChatpushCustomerCredentials,
    transport: TransportOptions,
  ) {
    const dialect = chatpushDialect(credentials.brand);
    this.transport = new ChatpushTransport(dialect, transport, {
      authorization: `Bearer ${credentials.token}`,
      secret: credentials.token,
      credential: 'client token',
      authHint: 'Check the client token (personal account, or the instance token from the developer API).',
    });
    if (credentials.idempotencyKey) this.transport.registerSecret(credentials.idempotencyKey);
    this.webhooks = new ChatpushWebhooksApi(this.transport, this.rest('/api/v1/webhooks'), 'PATCH', 'individual');
  }

  /** §4.1, §4.5: the customer id from the token's claim (the WhatsApp QR room is keyed by it). */
  customerId(): number {
    return customerIdFromToken(this.credentials.token, this.transport.dialect.displayName);
  }

  /** §3: `GET /api/v1/account`: balance (total_amount), customer id, routing, sender names. */
  getAccount(call?: CallOptions): Promise<ChatpushAccount> {
    return this.transport.request(
      { operation: 'getAccount', action: 'reading the account balance', method: 'GET', url: this.rest('/api/v1/account'), parse: AccountSchema },
      call,
    );
  }

  /**
   * §6.1 / §6.8: the query parameters sendDelivery sends for this input (validated the same way), so a caller can
   * show the checksum computation of exactly what goes out.
   */
  sendDeliveryParameters(input: SendDeliveryInput): Record<string, QueryValue> {
    const valid = validateInput(SendDeliveryInputSchema, input, { dialect: this.transport.dialect, ...SEND_DELIVERY });
    return { ...recipientQuery(valid), ...sendOptionQuery(valid), text: valid.text };
  }

  /** §6.1: one message. Never retried: a second attempt could deliver it twice. */
  async sendDelivery(input: SendDeliveryInput, call?: CallOptions): Promise<ChatpushDelivery> {
    const names = SEND_DELIVERY;
    const query = this.sendDeliveryParameters(input);
    return this.transport.request(
      {
        ...names,
        method: 'POST',
        url: this.rest('/api/v1/delivery'),
        query,
        headers: this.checksumHeader(query),
        parse: DeliveryEnvelopeSchema,
        hints: LOST_SEND_HINTS,
      },
      call,
    );
  }

  /** §6.2: one text to many recipients. ⚠ The main URL drops `/api`; the examples use `/api/v1/bulk_delivery`. */
  async sendBulk(input: BulkDeliveryInput, call?: CallOptions): Promise<ChatpushBulkDelivery> {
    const names = { operation: 'sendBulk', action: 'sending a bulk message' };
    const valid = validateInput(BulkDeliveryInputSchema, input, { dialect: this.transport.dialect, ...names });
    const query: Record<string, QueryValue> = {
      text: valid.text,
      'phones_numbers[]': valid.phones,
      'usernames[]': valid.usernames,
      tdlib_user_id: valid.tdlibUserId,
      sender_name: valid.senderName,
      scheduled_at: valid.scheduledAt,
      utm_mark: valid.utmMark,
      'dispatch_routing[]': valid.dispatchRouting,
    };
    return this.transport.request(
      {
        ...names,
        method: 'POST',
        url: this.rest('/api/v1/bulk_delivery'),
        query,
        headers: this.checksumHeader(query),
        parse: BulkDeliveryEnvelopeSchema,
        hints: LOST_BULK_HINTS,
      },
      call,
    );
  }

  /** §6.3: status (nested), operator and cost of one delivery. */
  getDelivery(deliveryId: number, call?: CallOptions): Promise<ChatpushDelivery> {
    return this.transport.request(
      {
        operation: 'getDelivery',
        action: `looking up delivery ${deliveryId}`,
        method: 'GET',
        url: this.rest(`/api/v1/delivery/${deliveryId}`),
        parse: DeliveryEnvelopeSchema,
        hints: { provider_not_found: 'Check the delivery id and that it was sent with this client token.' },
      },
      call,
    );
  }

  /**
   * §6.4: deletes a message on all devices. Only WhatsApp and Telegram (TDLib) messages sent through the service
   * in the final status "delivered" qualify; the platform's four refusals are reworded to say which rule failed.
   */
  async deleteDelivery(deliveryId: number, call?: CallOptions): Promise<void> {
    try {
      await this.transport.request(
        {
          operation: 'deleteDelivery',
          action: `deleting delivery ${deliveryId}`,
          method: 'DELETE',
          url: this.rest(`/api/v1/delivery/${deliveryId}`),
          parse: BareSuccessSchema,
        },
        call,
      );
    } catch (error) {
      throw explainDeleteRefusal(error, this.transport.dialect.displayName, deliveryId);
    }
  }

  /** §6.5: the operator and formatted number for a phone. */
  searchOperator(phone: string, call?: CallOptions): Promise<ChatpushOperatorSearch> {
    return this.transport.request(
      {
        operation: 'searchOperator',
        action: 'looking up the phone operator',
        method: 'GET',
        url: this.rest('/api/v1/operators/search'),
        query: { phone },
        parse: OperatorSearchSchema,
      },
      call,
    );
  }

  /** §6.5: the UTM marks used on this account. */
  listUtmMarks(call?: CallOptions): Promise<string[]> {
    return this.transport.request(
      { operation: 'listUtmMarks', action: 'listing the UTM marks', method: 'GET', url: this.rest('/api/v1/utm_mark'), parse: UtmMarksSchema },
      call,
    );
  }

  /**
   * §6.6: a file as multipart field `file` plus query parameters. The 100 MB limit and the MIME allow-list are
   * checked here, before a byte is uploaded.
   */
  async sendFile(input: SendFileInput, call?: CallOptions): Promise<ChatpushDelivery> {
    const names = { operation: 'sendFile', action: 'sending a file' };
    const { file, ...fields } = input;
    const valid = validateInput(SendFileInputSchema, fields, { dialect: this.transport.dialect, ...names });
    const size = file instanceof Blob ? file.size : file.byteLength;
    const mimeType = valid.mimeType ?? (file instanceof Blob && file.type ? file.type : mimeFromFileName(valid.fileName));
    const name = this.transport.dialect.displayName;
    if (size > SEND_FILE_MAX_BYTES) {
      throw new AppError(
        'invalid_input',
        `Nothing was sent to ${name} (sending a file): ${valid.fileName} is ${(size / 1048576).toFixed(1)} MB, over the 100 MB limit. Send a link to it instead.`,
        { provider: 'chatpush', operation: names.operation, fields: [{ path: 'file', message: 'is larger than 100 MB' }] },
      );
    }
    if (!mimeType || !isAllowedSendFileMime(mimeType)) {
      throw new AppError(
        'invalid_input',
        `Nothing was sent to ${name} (sending a file): ${mimeType ?? `the type of ${valid.fileName}`} is not on ${name}'s list of allowed types (PDF, Office documents, ZIP/7z, common audio, JPEG/PNG/WebP, MP4, vCard).`,
        { provider: 'chatpush', operation: names.operation, fields: [{ path: 'file', message: 'invalid mime type' }] },
      );
    }
    const query: Record<string, QueryValue> = {
      ...recipientQuery(valid),
      ...sendOptionQuery(valid),
      file_name: valid.fileName,
      caption: valid.caption,
      customer_id: valid.customerId,
      type: valid.type,
    };
    const form = new FormData();
    const blob = file instanceof Blob ? file : new Blob([file as Uint8Array<ArrayBuffer>]);
    form.append('file', blob.type === mimeType ? blob : new Blob([blob], { type: mimeType }), valid.fileName);
    // A send: the transport never retries a POST. The form goes as multipart/form-data.
    return this.transport.request(
      {
        ...names,
        method: 'POST',
        url: this.rest('/api/v1/send_file'),
        query,
        body: form,
        headers: this.checksumHeader(query),
        parse: DeliveryEnvelopeSchema,
        hints: LOST_SEND_HINTS,
      },
      call,
    );
  }

  /** §4.4 MAX step 1: the phone to log in with (international; Russian numbers may start with 8). */
  maxSendPhone(phone: string, call?: CallOptions): Promise<void> {
    return this.max('maxSendPhone', 'sending the phone number for MAX authorization', 'send_phone', { phone }, call);
  }

  /** §4.4 MAX step 2: the SMS code. */
  maxSendCode(code: string, call?: CallOptions): Promise<void> {
    return this.max('maxSendCode', 'sending the MAX confirmation code', 'send_code', { code }, call);
  }

  /** §4.4 MAX reset: closes the MAX session. */
  maxCloseSession(call?: CallOptions): Promise<void> {
    return this.max('maxCloseSession', 'closing the MAX session', 'close_session', {}, call);
  }

  /** §7.1: a link to the iFrame web messenger; auth_type 0 (default) protects it with the password. */
  async generateIframeLink(input: IframeLinkInput = {}, call?: CallOptions): Promise<string> {
    const names = { operation: 'generateIframeLink', action: 'creating an iFrame messenger link' };
    const valid = validateInput(IframeLinkInputSchema, input, { dialect: this.transport.dialect, ...names });
    if (valid.password) this.transport.registerSecret(valid.password);
    return this.transport.request(
      {
        ...names,
        method: 'POST',
        url: this.iframe('/generate_link'),
        query: { password: valid.password, auth_type: valid.authType },
        parse: IframeLinkSchema,
      },
      call,
    );
  }

  /** §7.1: the iFrame password (bare success). */
  async changeIframePassword(password: string, call?: CallOptions): Promise<void> {
    this.transport.registerSecret(password);
    return this.transport.request(
      {
        operation: 'changeIframePassword',
        action: 'changing the iFrame messenger password',
        method: 'POST',
        url: this.iframe('/change_password'),
        query: { password },
        parse: BareSuccessSchema,
      },
      call,
    );
  }

  /** §7.1: deletes every iFrame chat of this customer; zero counts when there was nothing. */
  deleteIframeChats(call?: CallOptions): Promise<ChatpushDeletedChats> {
    return this.transport.request(
      { operation: 'deleteIframeChats', action: 'deleting the iFrame chats', method: 'DELETE', url: this.iframe(''), parse: DeletedChatsSchema },
      call,
    );
  }

  /**
   * §7.1 notes on a conversation (`PUT /api/developer_chat/conversations/notes`, in both doc sections). ⚠ The
   * request has no Postman auth but its description says "Authentication: Required": the token is sent.
   */
  async updateNotes(input: NotesInput, call?: CallOptions): Promise<ChatpushConversation[]> {
    const names = { operation: 'updateNotes', action: 'saving conversation notes' };
    const valid = validateInput(NotesInputSchema, input, { dialect: this.transport.dialect, ...names });
    return this.transport.request(
      {
        ...names,
        method: 'PUT',
        url: this.rest('/api/developer_chat/conversations/notes'),
        body: { phone: valid.phone, tdlib_username: valid.tdlibUsername, tdlib_user_id: valid.tdlibUserId, notes: valid.notes },
        parse: ConversationsSchema,
      },
      call,
    );
  }

  private max(operation: string, action: string, step: string, query: Record<string, QueryValue>, call?: CallOptions): Promise<void> {
    // ⚠ §4.4: documented on api.chatpush.ru (the third brand); the path is the same on every brand's REST host.
    return this.transport.request(
      { operation, action, method: 'POST', url: this.rest(`/api/v1/max/${step}`), query, parse: BareSuccessSchema },
      call,
    );
  }

  /** §6.8: the `checksum` header over exactly the parameters sent, when an idempotency key is configured. */
  private checksumHeader(query: Record<string, QueryValue>): Record<string, string> {
    const key = this.credentials.idempotencyKey;
    return key ? { checksum: idempotencyChecksum(query, key) } : {};
  }

  private iframe(path: string): string {
    const base = (this.credentials.iframeApi ?? 'developer_chat') === 'chatter' ? '/api/v1/chatter' : '/api/developer_chat';
    return this.rest(`${base}${path}`);
  }

  private rest(path: string): string {
    return joinUrl(this.credentials.hosts.rest, path);
  }
}

const SEND_DELIVERY = { operation: 'sendDelivery', action: 'sending a message' };

/**
 * A send whose answer was lost (a timeout, a dropped connection, a reply cut off) may have gone out: the HTTP layer
 * says so, and these say how to check. Sends are never retried for the same reason.
 */
const lostAnswerHints = (hint: string) => ({ timeout: hint, connection_reset: hint, truncated_json: hint });
const LOST_SEND_HINTS = lostAnswerHints('Look the delivery up before sending it again: a second send could deliver the message twice.');
const LOST_BULK_HINTS = lostAnswerHints('Look the deliveries up before sending again: a second bulk send could deliver every message twice.');

type Recipient = { phone?: string; username?: string; tdlibUserId?: string; whatsappLid?: string };
type SendOptions = {
  senderName?: string;
  utmMark?: string;
  callbackUrl?: string;
  externalId?: string;
  dispatchRouting?: string[];
  scheduledAt?: string;
  priority?: string;
  replyToMessageId?: string;
  simulateTyping?: boolean;
};

function recipientQuery(input: Recipient): Record<string, QueryValue> {
  return { phone: input.phone, username: input.username, tdlib_user_id: input.tdlibUserId, whatsapp_lid: input.whatsappLid };
}

/** §6.1 parameter names; `dispatch_routing[]` keeps its brackets on the wire. */
function sendOptionQuery(input: SendOptions): Record<string, QueryValue> {
  return {
    sender_name: input.senderName,
    utm_mark: input.utmMark,
    callback_url: input.callbackUrl,
    external_id: input.externalId,
    'dispatch_routing[]': input.dispatchRouting,
    scheduled_at: input.scheduledAt,
    priority: input.priority,
    reply_to_message_id: input.replyToMessageId,
    simulate_typing: input.simulateTyping,
  };
}

/**
 * §1.5 / §6.4: the documented refusals to delete, each turned into the rule it broke: in English for the message,
 * and as a reason the window words in the user's language.
 */
const DELETE_RULES: Record<string, { reason: DeleteRefusal; rule: string }> = {
  'delivery not_complete': {
    reason: 'delete_not_delivered',
    rule: 'only deliveries in the final status "delivered" can be deleted; wait for it or check its status',
  },
  'dispatch_type invalid': {
    reason: 'delete_wrong_channel',
    rule: 'only WhatsApp and Telegram (TDLib) messages can be deleted, not SMS or other channels',
  },
  'delivery not found': {
    reason: 'delete_not_found',
    rule: 'the delivery does not exist, was not sent through the service, or is already deleted',
  },
  'tdlib_delivery not found': { reason: 'delete_telegram_not_found', rule: 'the Telegram message does not exist or is already deleted' },
};
type DeleteRefusal = Extract<ErrorReason, `delete_${string}`>;

function explainDeleteRefusal(error: unknown, name: string, deliveryId: number): unknown {
  if (!(error instanceof AppError) || error.code !== 'provider_validation') return error;
  const refusal = error.details.fields?.map((field) => DELETE_RULES[field.message]).find(Boolean);
  if (!refusal) return error;
  return new AppError('provider_validation', `${name} refused to delete delivery ${deliveryId} (422): ${refusal.rule}.`, {
    ...error.details,
    ...errorReason(refusal.reason, { deliveryId }),
  });
}
