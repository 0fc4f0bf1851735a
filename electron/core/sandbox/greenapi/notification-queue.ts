export interface QueuedNotification {
  receiptId: number;
  body: Record<string, unknown>;
  /** Sandbox time it was queued: notifications are kept 24 h (§5.1). */
  queuedAt: number;
}

/**
 * One instance's notification queue (specs/greenapi.md §5.1): FIFO, each entry handed out again and again until it
 * is deleted by its receiptId, dropped after the retention time. Both delivery modes drain the same queue.
 */
export class NotificationQueue {
  private readonly items: QueuedNotification[] = [];
  private readonly waiters = new Set<() => void>();

  constructor(private nextReceiptId: number) {}

  push(body: Record<string, unknown>, now: number): QueuedNotification {
    const item = { receiptId: this.nextReceiptId++, body, queuedAt: now };
    this.items.push(item);
    for (const wake of [...this.waiters]) wake();
    return item;
  }

  /** The oldest entry still kept, or undefined. */
  head(now: number, retentionMs: number): QueuedNotification | undefined {
    while (this.items[0] && now - this.items[0].queuedAt >= retentionMs) this.items.shift();
    return this.items[0];
  }

  /** §5.1 deleteNotification: false when the receipt is unknown or already deleted. */
  delete(receiptId: number): boolean {
    const index = this.items.findIndex((item) => item.receiptId === receiptId);
    if (index < 0) return false;
    this.items.splice(index, 1);
    return true;
  }

  list(): readonly QueuedNotification[] {
    return this.items;
  }

  /** Calls `wake` on the next push; returns a function that stops waiting. */
  onPush(wake: () => void): () => void {
    this.waiters.add(wake);
    return () => this.waiters.delete(wake);
  }
}
