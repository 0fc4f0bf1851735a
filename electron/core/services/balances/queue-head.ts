import { QUEUE_PEEK_WAIT_MS, type QuotaFigure } from '../../../../shared/balances';
import { AppError } from '../../app-error';
import { RECEIVE_TIMEOUT_MIN_S, type GreenApiInstanceApi, type GreenApiNotification } from '../../providers/greenapi';

/** The most chats kept from a description (the Developer tariff allows 3). */
const CHATS_KEPT = 10;

export type QueueHead =
  /** The head was read: a quotaExceeded notification, or anything else (or nothing), which the console ignores. */
  | { kind: 'read'; quota: QuotaFigure | null }
  /** Notifications go to a webhook URL: there is no queue to poll (§5.1). */
  | { kind: 'webhook' }
  | { kind: 'failed' };

/**
 * Looks at the head of one GREEN-API instance's notification queue and NEVER removes it: the queue belongs to the
 * customer's integration, which receives and deletes (§5.1). receiveNotification leaves a notification in place
 * until deleteNotification is called with its receipt, so reading the head is a peek; the receipt is dropped here.
 */
export async function peekQueueHead(
  api: GreenApiInstanceApi,
  options: { idInstance: string; signal: AbortSignal; seenAt: string; waitMs?: number },
): Promise<QueueHead> {
  const { signal } = options;
  try {
    const settings = await api.getSettings({ signal });
    // §5.1: with a webhook URL set, receiveNotification answers 400; asking anyway would only draw an error.
    if ((settings.webhookUrl ?? '').trim() !== '') return { kind: 'webhook' };
    const received = await receiveBriefly(api, signal, options.waitMs ?? QUEUE_PEEK_WAIT_MS);
    const notification = received?.notification;
    if (!isQuotaExceeded(notification)) return { kind: 'read', quota: null };
    const { quotaData } = notification;
    return {
      kind: 'read',
      quota: {
        idInstance: options.idInstance,
        method: quotaData.method,
        used: quotaData.used,
        total: quotaData.total,
        status: quotaData.status,
        seenAt: options.seenAt,
        source: 'notification',
        chats: chatsNamed(quotaData.description ?? ''),
      },
    };
  } catch (error) {
    if (signal.aborted) throw error;
    // The webhook URL was set between the two reads (§5.1's 400, which the client names provider_conflict).
    if (error instanceof AppError && error.code === 'provider_conflict') return { kind: 'webhook' };
    return { kind: 'failed' };
  }
}

type QuotaExceeded = Extract<GreenApiNotification, { typeWebhook: 'quotaExceeded' }>;
const isQuotaExceeded = (notification: GreenApiNotification | null | undefined): notification is QuotaExceeded =>
  notification?.typeWebhook === 'quotaExceeded';

/** receiveNotification with the smallest receiveTimeout, given up after `waitMs`: an empty queue reads as nothing. */
async function receiveBriefly(api: GreenApiInstanceApi, signal: AbortSignal, waitMs: number) {
  const enough = new AbortController();
  const timer = setTimeout(() => enough.abort(), waitMs);
  try {
    return await api.receiveNotification(RECEIVE_TIMEOUT_MIN_S, { signal: AbortSignal.any([signal, enough.signal]) });
  } catch (error) {
    if (enough.signal.aborted && !signal.aborted) return null;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The chats a quotaExceeded description names ("…only send or receive messages from following chats:
 * 10001234560@c.us, 10001234561@c.us…", §5.3): personal (@c.us) and group (@g.us) ids.
 */
export function chatsNamed(description: string): string[] {
  return [...new Set(description.match(/\b[\d-]+@[cg]\.us\b/g) ?? [])].slice(0, CHATS_KEPT);
}
