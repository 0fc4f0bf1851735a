import { randomUUID } from 'node:crypto';
import type { AuthEvent, AuthSession, AuthSessionMethod, AuthTarget } from '../../../../shared/auth';
import { AppError } from '../../app-error';
import type { Logger } from '../../log';
import { initialAuthState, SessionChannel } from './session-channel';
import type { SessionDriver } from './session-driver';

export interface RegistryLimits {
  /** A QR wall of 12 and a dialog, with room to spare; more is a runaway renderer. */
  maxSessions: number;
  /** A session nobody finished within this time is closed (a dialog left open, a renderer that reloaded). */
  maxLifetimeMs: number;
}

export const DEFAULT_REGISTRY_LIMITS: RegistryLimits = { maxSessions: 24, maxLifetimeMs: 15 * 60_000 };

interface Entry {
  target: AuthTarget;
  method: AuthSessionMethod;
  channel: SessionChannel;
  driver: SessionDriver;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * The running authorization sessions, by id. One per instance and method: starting another replaces it, so two
 * sockets never compete for the same QR room. A session that ends by itself (authorized) leaves the registry.
 */
export class SessionRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly deps: { emit: (event: AuthEvent) => void; log: Logger; now: () => number; limits?: Partial<RegistryLimits> },
  ) {}

  private get limits(): RegistryLimits {
    return { ...DEFAULT_REGISTRY_LIMITS, ...this.deps.limits };
  }

  async open(target: AuthTarget, method: AuthSessionMethod, driverFor: (channel: SessionChannel) => SessionDriver): Promise<AuthSession> {
    for (const [id, entry] of this.entries) {
      if (entry.method === method && entry.target.accountId === target.accountId && entry.target.instance === target.instance) await this.close(id, 'replaced');
    }
    if (this.entries.size >= this.limits.maxSessions) {
      throw new AppError('conflict', `${this.limits.maxSessions} authorization sessions are already open. Close some before starting another.`);
    }
    const id = randomUUID();
    const channel = new SessionChannel(
      id,
      (event) => {
        this.deps.emit(event);
        // Authorized: the driver has closed its connections; the session is done.
        if (event.type === 'ended' && event.reason === 'authorized') this.forget(id);
      },
      this.deps.now,
      initialAuthState('connecting'),
    );
    const driver = driverFor(channel);
    const timer = setTimeout(() => void this.close(id, 'abandoned'), this.limits.maxLifetimeMs);
    timer.unref?.();
    this.entries.set(id, { target, method, channel, driver, timer });
    this.deps.log.info('authorization session started', { session: id, account: target.accountId, method });
    driver.start();
    return this.snapshot(id);
  }

  get(id: string): Entry {
    const entry = this.entries.get(id);
    if (!entry) throw new AppError('not_found', 'That authorization session has ended. Start it again.');
    return entry;
  }

  snapshot(id: string): AuthSession {
    return snapshotOf(this.get(id));
  }

  /** Runs a step of the session and returns where it left it, even when the step ended it (authorized). */
  async step(id: string, action: (driver: SessionDriver) => Promise<void>): Promise<AuthSession> {
    const entry = this.get(id);
    await action(entry.driver);
    return snapshotOf(entry);
  }

  /** The sessions open for one instance (after a logout they start over). */
  idsFor(target: AuthTarget): string[] {
    return [...this.entries].filter(([, e]) => e.target.accountId === target.accountId && e.target.instance === target.instance).map(([id]) => id);
  }

  async close(id: string, reason: 'stopped' | 'replaced' | 'abandoned'): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.forget(id);
    entry.channel.end(reason);
    await entry.driver.stop().catch((error: unknown) => this.deps.log.warn('an authorization session did not close cleanly', { error: String(error) }));
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.entries.keys()].map((id) => this.close(id, 'stopped')));
  }

  get size(): number {
    return this.entries.size;
  }

  private forget(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.entries.delete(id);
    if (entry.channel.ended === 'authorized') void entry.driver.stop();
  }
}

const snapshotOf = ({ channel, target, method }: Entry): AuthSession =>
  channel.snapshot({ accountId: target.accountId, instance: target.instance, method });
