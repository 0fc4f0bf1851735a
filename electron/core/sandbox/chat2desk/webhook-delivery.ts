import { isLoopbackHost } from '../../providers/http/proxy';
import { chat2DeskSignatureHeaders } from '../../providers/chat2desk/signature';
import type { Chat2DeskEventName } from '../../providers/chat2desk/events';
import type { Chat2DeskWebhookRecord, Chat2DeskWorld } from './world';

/**
 * A6: "We resend unsuccessful webhook event 3 times: after 10 seconds, after 5 minutes and after 2 hours … a webhook
 * will be disabled if after 5 hours no respond of successful data acceptance was received."
 * [AMBIG] the offsets are read as counted from the event (attempts at +0, +10 s, +5 min, +2 h), and the 5 hours
 * from the first failed delivery since the hook last succeeded. [GAP] what counts as success: any 2xx here.
 * All of it runs on the sandbox clock, multiplied by `settings.retryScale`.
 */
export const RETRY_OFFSETS_MS = [0, 10_000, 5 * 60_000, 2 * 3_600_000];
export const DISABLE_AFTER_MS = 5 * 3_600_000;

export interface DeliveryAttempt {
  hookId: number;
  event: Chat2DeskEventName;
  /** 1 for the first try, 4 for the last retry. */
  attempt: number;
  /** Sandbox time of the attempt. */
  atMs: number;
  outcome: 'delivered' | 'failed';
  status?: number;
  error?: string;
  body: string;
  signature: string;
  timestamp: string;
}

interface Pending {
  hookId: number;
  event: Chat2DeskEventName;
  body: string;
  attempt: number;
  firstAtMs: number;
  dueAtMs: number;
  /** Enqueue order, to keep events of the same moment in order. */
  sequence: number;
}

/** Real POSTs to the hooks' URLs, signed (X-Signature, X-Timestamp), retried and given up on as A6 says. */
export class WebhookDeliveries {
  readonly attempts: DeliveryAttempt[] = [];
  private pending: Pending[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly busyHooks = new Set<number>();
  private sequence = 0;
  private readonly abort = new AbortController();

  constructor(
    private readonly world: Chat2DeskWorld,
    private readonly now: () => number,
    /** Called when a delivery finished, so the owner can start the next one and plan its wake-up. */
    private readonly changed: () => void,
    private readonly timeoutMs = 5_000,
  ) {}

  enqueue(hook: Chat2DeskWebhookRecord, event: Chat2DeskEventName, body: string): void {
    const now = this.now();
    this.pending.push({ hookId: hook.id, event, body, attempt: 1, firstAtMs: now, dueAtMs: now, sequence: this.sequence++ });
  }

  /** Disables hooks failing for 5 hours, then starts every attempt that is due. */
  settle(): void {
    if (this.abort.signal.aborted) return;
    const now = this.now();
    const scale = this.world.settings.retryScale;
    for (const hook of this.world.webhooks) {
      if (hook.status === 'enable' && hook.failingSinceMs !== null && now - hook.failingSinceMs >= DISABLE_AFTER_MS * scale) {
        hook.status = 'disable';
        noteError(hook, `${new Date(now).toISOString()}: disabled after 5 hours without a successful delivery`);
      }
    }
    const live = (item: Pending) => this.world.webhooks.some((hook) => hook.id === item.hookId && hook.status === 'enable');
    this.pending = this.pending.filter(live);
    // One delivery at a time per hook, oldest due first, so a receiver sees events in the order they happened.
    const due = this.pending.filter((item) => item.dueAtMs <= now).sort((a, b) => a.dueAtMs - b.dueAtMs || a.sequence - b.sequence);
    for (const item of due) {
      if (this.busyHooks.has(item.hookId)) continue;
      this.busyHooks.add(item.hookId);
      this.pending.splice(this.pending.indexOf(item), 1);
      const running: Promise<void> = this.deliver(item).finally(() => {
        this.inFlight.delete(running);
        this.busyHooks.delete(item.hookId);
        this.changed();
      });
      this.inFlight.add(running);
    }
  }

  /** The next sandbox time at which something is due: a retry, or a hook to disable. */
  nextWakeMs(): number | undefined {
    const scale = this.world.settings.retryScale;
    const times = [
      ...this.pending.map((item) => item.dueAtMs),
      ...this.world.webhooks.filter((hook) => hook.status === 'enable' && hook.failingSinceMs !== null).map((hook) => hook.failingSinceMs! + DISABLE_AFTER_MS * scale),
    ];
    return times.length ? Math.min(...times) : undefined;
  }

  /** Resolves once no delivery is in flight (those started meanwhile included). */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  close(): void {
    this.abort.abort();
    this.pending = [];
  }

  private async deliver(item: Pending): Promise<void> {
    const hook = this.world.webhooks.find((candidate) => candidate.id === item.hookId);
    if (!hook || hook.status !== 'enable') return;
    const atMs = this.now();
    const headers = chat2DeskSignatureHeaders(this.world.apiToken, item.body, atMs / 1000);
    const record: DeliveryAttempt = {
      hookId: hook.id,
      event: item.event,
      attempt: item.attempt,
      atMs,
      outcome: 'failed',
      body: item.body,
      signature: headers['X-Signature']!,
      timestamp: headers['X-Timestamp']!,
    };
    try {
      const url = new URL(hook.url);
      // The sandbox never calls out to the internet: a demo hook pointing at https://yoursite.com fails here.
      if (!isLoopbackHost(url.hostname)) throw new Error('the sandbox delivers only to loopback addresses');
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
        body: item.body,
        redirect: 'manual',
        signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.timeoutMs)]),
      });
      await response.arrayBuffer().catch(() => undefined);
      record.status = response.status;
      if (response.ok) record.outcome = 'delivered';
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
    }
    if (this.abort.signal.aborted) return;
    this.attempts.push(record);
    if (record.outcome === 'delivered') {
      hook.failingSinceMs = null;
      return;
    }
    hook.failingSinceMs ??= atMs;
    noteError(hook, `${new Date(atMs).toISOString()}: ${item.event} attempt ${item.attempt} failed (${record.status !== undefined ? `HTTP ${record.status}` : record.error})`);
    const offset = RETRY_OFFSETS_MS[item.attempt];
    if (offset !== undefined) {
      this.pending.push({ ...item, attempt: item.attempt + 1, dueAtMs: item.firstAtMs + offset * this.world.settings.retryScale, sequence: this.sequence++ });
    }
  }
}

/** The hook's `errors`, newest last, the last 20 kept. */
function noteError(hook: Chat2DeskWebhookRecord, text: string): void {
  hook.errors.push(text);
  if (hook.errors.length > 20) hook.errors.splice(0, hook.errors.length - 20);
}
