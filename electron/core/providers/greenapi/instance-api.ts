import type { z } from 'zod';
import { fieldIssueOf } from '../../../../shared/field-problems';
import { AppError } from '../../app-error';
import type { CallOptions, TransportOptions } from '../http';
import { RETRYABLE_STATUSES } from '../http/retry';
import {
  AuthorizationCodeSchema,
  ChatHistoryInputSchema,
  ClearQueueSchema,
  DeleteNotificationSchema,
  GetMessageInputSchema,
  JournalEntrySchema,
  JournalSchema,
  LogoutSchema,
  MinutesSchema,
  PhoneNumberSchema,
  ProfilePictureSchema,
  QrFrameSchema,
  QueueSchema,
  RebootSchema,
  ReceivedNotificationSchema,
  SaveSettingsSchema,
  SendMessageInputSchema,
  SendMessageResultSchema,
  SettingsPatchSchema,
  SettingsSchema,
  StateInstanceSchema,
  WaSettingsSchema,
  type GreenApiAuthorizationCode,
  type GreenApiJournalEntry,
  type GreenApiProfilePicture,
  type GreenApiQrFrame,
  type GreenApiQueueItem,
  type GreenApiReceivedNotification,
  type GreenApiSendMessageInput,
  type GreenApiSettings,
  type GreenApiSettingsPatchInput,
  type GreenApiStateResult,
  type GreenApiWaSettings,
} from './schemas';
import { GreenApiInstanceCaller, type GreenApiInstanceCredentials } from './instance-call';
import { GreenApiRateLimiter } from './rate-limiter';

export type { GreenApiInstanceCredentials } from './instance-call';

export interface GreenApiClientOptions {
  /**
   * The per-instance, per-method rate limiter (§8.2). Services pass `sharedGreenApiLimiter`, so an instance's budget
   * is shared by every client object that talks to it; without one, the client limits only its own calls.
   */
  limiter?: GreenApiRateLimiter;
}

/** §5.1: receiveTimeout is 5 to 60 seconds, default 5. */
export const RECEIVE_TIMEOUT_MIN_S = 5;
export const RECEIVE_TIMEOUT_MAX_S = 60;

/** §2.10: a JPEG starts with FF D8 FF. */
const JPEG_MAGIC = [0xff, 0xd8, 0xff];

/** §8.3: 499 is worth a repeat of a read (the transport already repeats 429 and 502–504). */
const is499 = (status: number) => status === 499;
/** §5.1 / 1.3.13: "if deleteNotification ends with a status of 500 or higher, repeat the request". */
const isServerErrorNotRetriedByTransport = (status: number) => status === 499 || (status >= 500 && !RETRYABLE_STATUSES.has(status));

/**
 * One GREEN-API instance (specs/greenapi.md): account, notifications, journals, queue and sendMessage. Every call
 * is `{apiUrl}/waInstance{idInstance}/{method}/{apiTokenInstance}` (§1) and goes through the per-instance,
 * per-method rate limiter first. Reads are retried where the transport allows; sends never are.
 */
export class GreenApiInstanceApi {
  private readonly caller: GreenApiInstanceCaller;

  constructor(credentials: GreenApiInstanceCredentials, transport: TransportOptions, options: GreenApiClientOptions = {}) {
    this.caller = new GreenApiInstanceCaller(credentials, transport, options.limiter ?? new GreenApiRateLimiter());
  }

  // ——— Account (§2) ———

  /** §2.3. `creating` when the body is `null`. */
  async getStateInstance(call?: CallOptions): Promise<GreenApiStateResult> {
    return this.read('getStateInstance', 'reading the instance state', StateInstanceSchema, call);
  }

  /** §2.1, with both spellings of markIncomingMessagesRead(ed) normalised. */
  async getSettings(call?: CallOptions): Promise<GreenApiSettings> {
    return this.read('getSettings', 'reading the instance settings', SettingsSchema, call);
  }

  /**
   * §2.2: sends exactly the keys given (use `changedSettings` to send only what differs). The instance restarts and
   * the values take effect within 5 minutes. Not repeated on failure: a repeat would restart the instance again.
   */
  async setSettings(patch: GreenApiSettingsPatchInput, call?: CallOptions): Promise<z.output<typeof SaveSettingsSchema>> {
    const body = this.input('setSettings', 'saving the instance settings', SettingsPatchSchema, patch);
    return this.caller.json(
      { method: 'setSettings', action: 'saving the instance settings', verb: 'POST', parse: SaveSettingsSchema, body, idempotent: false },
      call,
    );
  }

  /** §2.5 */
  async reboot(call?: CallOptions): Promise<z.output<typeof RebootSchema>> {
    return this.caller.json({ method: 'reboot', action: 'rebooting the instance', verb: 'GET', parse: RebootSchema, idempotent: false }, call);
  }

  /** §2.6 */
  async logout(call?: CallOptions): Promise<z.output<typeof LogoutSchema>> {
    return this.caller.json({ method: 'logout', action: 'logging the instance out', verb: 'GET', parse: LogoutSchema, idempotent: false }, call);
  }

  /**
   * §2.7: the current QR code (a new one every 20 s), `alreadyLogged` when the instance is authorized, or an
   * `error` — "Instance has auth. You need to make log out" comes back with `needsLogout`.
   */
  async qr(call?: CallOptions): Promise<GreenApiQrFrame> {
    return this.read('qr', 'reading the QR code', QrFrameSchema, call);
  }

  /**
   * §2.9: an 8-character pairing code for "Link with phone number", valid about 2.5 minutes. `phoneNumber` is the
   * full international number in digits (no +, 00, spaces or dashes). May take up to 30 s; `status: false` means
   * "try again".
   */
  async getAuthorizationCode(phoneNumber: string | number, call?: CallOptions): Promise<GreenApiAuthorizationCode> {
    const digits = this.input('getAuthorizationCode', 'requesting a pairing code', PhoneNumberSchema, phoneNumber);
    return this.caller.json(
      {
        method: 'getAuthorizationCode',
        action: 'requesting a pairing code',
        verb: 'POST',
        parse: AuthorizationCodeSchema,
        body: { phoneNumber: digits },
        idempotent: false,
        minTimeoutMs: 45_000,
      },
      call,
    );
  }

  /** §2.11 */
  async getWaSettings(call?: CallOptions): Promise<GreenApiWaSettings> {
    return this.read('getWaSettings', 'reading the WhatsApp account', WaSettingsSchema, call);
  }

  /**
   * §2.10: a *.jpg avatar, as multipart `file` to the media host. WhatsApp allows one change per 10 s: its
   * `rate-overlimit` answer (HTTP 200) becomes a rate_limited error.
   */
  async setProfilePicture(file: { name?: string; bytes: Uint8Array }, call?: CallOptions): Promise<GreenApiProfilePicture> {
    const action = 'setting the profile picture';
    if (file.bytes.length === 0) throw this.caller.invalid('setProfilePicture', 'GREEN-API setProfilePicture: the picture file is empty. Choose a *.jpg image.');
    if (!JPEG_MAGIC.every((byte, index) => file.bytes[index] === byte)) {
      throw this.caller.invalid('setProfilePicture', 'GREEN-API setProfilePicture accepts *.jpg images only. Convert the picture to JPEG and try again.');
    }
    const name = /\.jpe?g$/i.test(file.name ?? '') ? file.name! : 'avatar.jpg';
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file.bytes)], { type: 'image/jpeg' }), name);
    const answer = await this.caller.form({ method: 'setProfilePicture', action }, form, call);
    const text = answer.body.kind === 'json' ? undefined : answer.body.text.trim();
    const parsed = ProfilePictureSchema.safeParse(answer.body.kind === 'json' ? answer.body.value : { reason: text, setProfilePicture: false });
    if (!parsed.success) {
      throw new AppError('unexpected_response', 'GREEN-API sent a reply Switchboard does not understand while setting the profile picture. Try again later.', {
        provider: 'greenapi',
        operation: 'setProfilePicture',
        status: answer.status,
      });
    }
    const { reason, setProfilePicture } = parsed.data;
    if (reason === 'rate-overlimit') {
      throw new AppError(
        'rate_limited',
        'GREEN-API could not set the profile picture: WhatsApp allows one change every 10 seconds (rate-overlimit). Try again in 10 seconds.',
        { provider: 'greenapi', operation: 'setProfilePicture', status: answer.status, providerMessage: 'rate-overlimit', retryAfterSeconds: 10 },
      );
    }
    if (!setProfilePicture) {
      throw new AppError('provider_error', `GREEN-API did not set the profile picture${reason ? ` (${reason})` : ''}. Try another *.jpg image.`, {
        provider: 'greenapi',
        operation: 'setProfilePicture',
        status: answer.status,
        ...(reason ? { providerMessage: reason } : {}),
      });
    }
    return parsed.data;
  }

  // ——— Notifications, HTTP API mode (§5.1) ———

  /**
   * The oldest undeleted notification, or `null` when none arrived within `receiveTimeout` seconds (5–60, default 5).
   * Delete it with deleteNotification once handled, or it comes back. Fails with provider_conflict while the
   * instance has a webhook URL.
   */
  async receiveNotification(receiveTimeout?: number, call?: CallOptions): Promise<GreenApiReceivedNotification> {
    if (receiveTimeout !== undefined && !(Number.isInteger(receiveTimeout) && receiveTimeout >= RECEIVE_TIMEOUT_MIN_S && receiveTimeout <= RECEIVE_TIMEOUT_MAX_S)) {
      throw this.caller.invalid(
        'receiveNotification',
        `GREEN-API receiveNotification: receiveTimeout must be a whole number of seconds from ${RECEIVE_TIMEOUT_MIN_S} to ${RECEIVE_TIMEOUT_MAX_S}.`,
      );
    }
    const seconds = receiveTimeout ?? RECEIVE_TIMEOUT_MIN_S;
    return this.caller.json(
      {
        method: 'receiveNotification',
        action: 'receiving a notification',
        verb: 'GET',
        parse: ReceivedNotificationSchema,
        query: receiveTimeout === undefined ? undefined : { receiveTimeout },
        idempotent: true,
        alsoRetry: is499,
        // The server holds the request up to receiveTimeout: the attempt must outlast it.
        minTimeoutMs: (seconds + 15) * 1000,
      },
      call,
    );
  }

  /** §5.1: `{result: false}` when the receipt was already deleted or is unknown. Repeated on 5xx, as 1.3.13 says. */
  async deleteNotification(receiptId: number, call?: CallOptions): Promise<z.output<typeof DeleteNotificationSchema>> {
    if (!Number.isSafeInteger(receiptId) || receiptId < 0) {
      throw this.caller.invalid('deleteNotification', 'GREEN-API deleteNotification: receiptId must be the whole number receiveNotification returned.');
    }
    return this.caller.json(
      {
        method: 'deleteNotification',
        action: 'deleting a notification',
        verb: 'DELETE',
        parse: DeleteNotificationSchema,
        tail: String(receiptId),
        idempotent: true,
        alsoRetry: isServerErrorNotRetriedByTransport,
      },
      call,
    );
  }

  // ——— Journals (§6) ———

  /** §6 getMessage: one sent or received message. Not found while it still waits in the queue. */
  async getMessage(input: { chatId: string; idMessage: string }, call?: CallOptions): Promise<GreenApiJournalEntry> {
    const body = this.input('getMessage', 'looking up a message', GetMessageInputSchema, input);
    return this.caller.json(
      { method: 'getMessage', action: 'looking up a message', verb: 'POST', parse: JournalEntrySchema, body, idempotent: true, alsoRetry: is499 },
      call,
    );
  }

  /** §6 getChatHistory: newest first, `count` entries (default 100). */
  async getChatHistory(input: { chatId: string; count?: number }, call?: CallOptions): Promise<GreenApiJournalEntry[]> {
    const body = this.input('getChatHistory', 'reading the chat history', ChatHistoryInputSchema, input);
    return this.caller.json(
      { method: 'getChatHistory', action: 'reading the chat history', verb: 'POST', parse: JournalSchema, body, idempotent: true, alsoRetry: is499 },
      call,
    );
  }

  /** §6: incoming messages of the last `minutes` (default 1440). */
  async lastIncomingMessages(minutes?: number, call?: CallOptions): Promise<GreenApiJournalEntry[]> {
    return this.journal('lastIncomingMessages', 'reading the incoming messages journal', minutes, call);
  }

  /** §6: outgoing messages of the last `minutes` (default 1440); `timestamp` is the last action on each. */
  async lastOutgoingMessages(minutes?: number, call?: CallOptions): Promise<GreenApiJournalEntry[]> {
    return this.journal('lastOutgoingMessages', 'reading the outgoing messages journal', minutes, call);
  }

  // ——— Queue (§6) ———

  /** §6 showMessagesQueue: the sends still waiting, oldest first. */
  async showMessagesQueue(call?: CallOptions): Promise<GreenApiQueueItem[]> {
    return this.read('showMessagesQueue', 'reading the send queue', QueueSchema, call);
  }

  /** §6 clearMessagesQueue: after a number was blocked, before the new one sends anything. */
  async clearMessagesQueue(call?: CallOptions): Promise<z.output<typeof ClearQueueSchema>> {
    return this.caller.json(
      { method: 'clearMessagesQueue', action: 'clearing the send queue', verb: 'GET', parse: ClearQueueSchema, idempotent: false },
      call,
    );
  }

  // ——— Sending (§7) ———

  /**
   * §7.1: queues a text for `…@c.us` or `…@g.us` (at most 20,000 characters) and returns its idMessage. Never
   * repeated by the client: a lost answer may still have queued the message.
   */
  async sendMessage(input: GreenApiSendMessageInput, call?: CallOptions): Promise<z.output<typeof SendMessageResultSchema>> {
    const body = this.input('sendMessage', 'sending a message', SendMessageInputSchema, input);
    return this.caller.json(
      { method: 'sendMessage', action: 'sending a message', verb: 'POST', parse: SendMessageResultSchema, body, idempotent: false },
      call,
    );
  }

  private read<S extends z.ZodType>(method: string, action: string, parse: S, call?: CallOptions): Promise<z.output<S>> {
    return this.caller.json({ method, action, verb: 'GET', parse, idempotent: true, alsoRetry: is499 }, call);
  }

  private journal(method: string, action: string, minutes: number | undefined, call?: CallOptions): Promise<GreenApiJournalEntry[]> {
    const checked = this.input(method, action, MinutesSchema, minutes);
    return this.caller.json(
      { method, action, verb: 'GET', parse: JournalSchema, query: { minutes: checked }, idempotent: true, alsoRetry: is499 },
      call,
    );
  }

  /** Validates what the console is about to send; a refusal names the provider, the operation and the fix. */
  private input<S extends z.ZodType>(method: string, action: string, schema: S, value: unknown): z.output<S> {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const problems = parsed.error.issues.map((issue) => issue.message).join('; ');
    const fields = parsed.error.issues.map((issue) => fieldIssueOf(issue, { input: value }));
    throw this.caller.invalid(method, `GREEN-API ${method} (${action}): ${problems}. Correct it and try again.`, fields);
  }
}
