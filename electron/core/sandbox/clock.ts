/**
 * The sandbox's notion of "now": real time plus an offset that tests and the demo controls can push forward
 * ("advance the clock a month" to expire subscriptions, "30 seconds" to rotate a QR code). Everything in the
 * sandbox that depends on time reads it from here, never from Date.now() directly.
 */
export class SandboxClock {
  private offsetMs = 0;
  private readonly listeners = new Set<(now: number) => void>();

  now(): number {
    return Date.now() + this.offsetMs;
  }

  date(): Date {
    return new Date(this.now());
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The sandbox clock only moves forward.');
    this.offsetMs += ms;
    for (const listener of this.listeners) listener(this.now());
  }

  /** Called after every advance, so simulators can apply what the jump made due (expiries, status changes). */
  onAdvance(listener: (now: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** What every provider simulator gets besides its slice of the world. */
export interface SandboxContext {
  faults: import('./faults').FaultBoard;
  log: import('./http-server').RequestLog;
  clock: SandboxClock;
}
