/**
 * Test support: records a session's events in order and waits for the next one that matches, so tests follow
 * the order of events instead of the wall clock.
 */
export class EventRecorder<E> {
  readonly events: E[] = [];
  private readonly waiters: { from: number; match: (event: E) => boolean; resolve: (event: E) => void }[] = [];

  constructor(subscribe: (listener: (event: E) => void) => () => void) {
    subscribe((event) => {
      this.events.push(event);
      const index = this.events.length - 1;
      for (const waiter of [...this.waiters]) {
        if (index >= waiter.from && waiter.match(event)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(event);
        }
      }
    });
  }

  /** The first event from now on (or from `from`, an index into `events`) that matches. */
  next<T extends E>(match: (event: E) => event is T, from?: number): Promise<T>;
  next(match: (event: E) => boolean, from?: number): Promise<E>;
  next(match: (event: E) => boolean, from = this.events.length): Promise<E> {
    const earlier = this.events.slice(from).find(match);
    if (earlier !== undefined) return Promise.resolve(earlier);
    return new Promise((resolve) => this.waiters.push({ from, match, resolve }));
  }

  count(match: (event: E) => boolean): number {
    return this.events.filter(match).length;
  }
}
