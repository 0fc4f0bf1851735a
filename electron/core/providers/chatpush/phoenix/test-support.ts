/**
 * Test support: records a session's events in order. `next` reads them like a queue: it returns the first
 * matching event after the one the previous `next` returned, waiting for it if it has not happened yet, so
 * tests follow the order of events, never the wall clock.
 */
export class EventRecorder<E> {
  readonly events: E[] = [];
  private cursor = 0;
  private readonly waiters: { match: (event: E) => boolean; resolve: (index: number) => void }[] = [];

  constructor(subscribe: (listener: (event: E) => void) => () => void) {
    subscribe((event) => {
      this.events.push(event);
      const index = this.events.length - 1;
      const waiter = this.waiters[0];
      if (waiter && index >= this.cursor && waiter.match(event)) {
        this.waiters.shift();
        waiter.resolve(index);
      }
    });
  }

  next<T extends E>(match: (event: E) => event is T): Promise<T>;
  next(match: (event: E) => boolean): Promise<E>;
  async next(match: (event: E) => boolean): Promise<E> {
    const found = this.events.findIndex((event, index) => index >= this.cursor && match(event));
    const index = found >= 0 ? found : await new Promise<number>((resolve) => this.waiters.push({ match, resolve }));
    this.cursor = index + 1;
    return this.events[index]!;
  }

  count(match: (event: E) => boolean): number {
    return this.events.filter(match).length;
  }
}

/** Resolves once `condition` holds, checking every few milliseconds (for counts that are not events). */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
