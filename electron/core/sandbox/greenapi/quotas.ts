import { DEVELOPER_CORRESPONDENTS, DEVELOPER_MONTHLY_QUOTA } from '../../providers/greenapi/documented-limits';

const CONSOLE = 'https://console.green-api.com';
const QUOTA_BY_LOWER_NAME = new Map(Object.entries(DEVELOPER_MONTHLY_QUOTA).map(([method, total]) => [method.toLowerCase(), total]));

/** The 466 body and, for the chat limit, the quotaExceeded notification's quotaData (§8.1, §5.3). */
export interface QuotaRefusal {
  body: Record<string, unknown>;
  notification?: Record<string, unknown>;
}

/**
 * One Developer-tariff instance's monthly usage (§8.1): calls per quota-limited method and the chats talked to. The
 * counters reset on the 1st of each month (UTC) of sandbox time.
 */
export class MonthlyUsage {
  private month = '';
  readonly calls = new Map<string, number>();
  readonly chats: string[] = [];

  /** Counts a call of a limited method; a refusal when the month's quota is used up. */
  invoke(method: string, now: number): QuotaRefusal | undefined {
    this.roll(now);
    const name = method.toLowerCase();
    const total = QUOTA_BY_LOWER_NAME.get(name);
    if (total === undefined) return undefined;
    const used = this.calls.get(name) ?? 0;
    if (used >= total) {
      return {
        body: {
          invokeStatus: {
            method: name,
            used,
            total,
            status: 'QUOTE_EXCEEDED',
            description: `Monthly quota has been exceeded. Please go to your console and change the tariff to business ${CONSOLE}`,
          },
        },
      };
    }
    this.calls.set(name, used + 1);
    return undefined;
  }

  /** A message to or from `chatId`: allowed among the month's first 3 chats, else the 466 body and the notification. */
  correspond(chatId: string, method: string, now: number): QuotaRefusal | undefined {
    this.roll(now);
    if (this.chats.includes(chatId)) return undefined;
    if (this.chats.length < DEVELOPER_CORRESPONDENTS) {
      this.chats.push(chatId);
      return undefined;
    }
    const name = method.toLowerCase();
    const list = this.chats.join(',');
    const status = {
      method: 'correspondents',
      used: this.chats.length,
      total: DEVELOPER_CORRESPONDENTS,
    };
    return {
      // §8.1 example: the method's own status is QUOTE_ALLOWED with total 0 (unlimited).
      body: {
        invokeStatus: { method: name, used: this.calls.get(name) ?? 0, total: 0, status: 'QUOTE_ALLOWED' },
        correspondentsStatus: {
          ...status,
          status: 'CORRESPONDENTS_QUOTE_EXCEEDED',
          description: `Monthly quota has been exceeded. You can only send or receive messages from these numbers: ${list}. Please go to your personal account and change the tariff to business ${CONSOLE}`,
        },
      },
      // §13.10: the notification spells it …QUOTA…, the 466 body …QUOTE….
      notification: {
        ...status,
        status: 'CORRESPONDENTS_QUOTA_EXCEEDED',
        description: `Monthly quota has been exceeded. You can only send or receive messages from following chats: ${this.chats.join(', ')}. Please go to your personal account and change the tariff to business ${CONSOLE}`,
      },
    };
  }

  /** Counts a call of an unlimited method too (invokeStatus `used` of the chat-limit body). */
  count(method: string, now: number): void {
    this.roll(now);
    const name = method.toLowerCase();
    if (!QUOTA_BY_LOWER_NAME.has(name)) this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
  }

  /** Sets a method's count for this month (tests: reach the quota without a thousand calls). */
  setUsed(method: string, used: number, now: number): void {
    this.roll(now);
    this.calls.set(method.toLowerCase(), used);
  }

  private roll(now: number): void {
    const month = new Date(now).toISOString().slice(0, 7);
    if (month === this.month) return;
    this.month = month;
    this.calls.clear();
    this.chats.length = 0;
  }
}
