import { describe, expect, it } from 'vitest';
import type { AuthEvent } from '../../../../shared/auth';
import { silentLogger } from '../../log';
import type { SessionChannel } from './session-channel';
import type { SessionDriver } from './session-driver';
import { SessionRegistry } from './session-registry';

/** A driver that does nothing by itself; the test moves its channel. */
function fakeDriver() {
  const driver = { started: 0, stopped: 0, channel: null as SessionChannel | null };
  const make = (channel: SessionChannel): SessionDriver => {
    driver.channel = channel;
    return {
      start: () => void (driver.started += 1),
      stop: async () => void (driver.stopped += 1),
      renew: async () => void (driver.started += 1),
    };
  };
  return { driver, make };
}

const target = { accountId: 'a1', instance: '42' };

describe('SessionRegistry', () => {
  const make = (limits = {}) => {
    const events: AuthEvent[] = [];
    const registry = new SessionRegistry({ emit: (event) => events.push(event), log: silentLogger, now: () => 0, limits });
    return { registry, events };
  };

  it('replaces a session for the same instance and method, and keeps one for another method', async () => {
    const { registry, events } = make();
    const first = fakeDriver();
    const a = await registry.open(target, 'qr', first.make);
    const b = await registry.open(target, 'pairingCode', fakeDriver().make);
    const c = await registry.open(target, 'qr', fakeDriver().make);
    expect(first.driver).toMatchObject({ started: 1, stopped: 1 });
    expect(events).toContainEqual(expect.objectContaining({ type: 'ended', sessionId: a.sessionId, reason: 'replaced' }));
    expect(registry.size).toBe(2);
    expect(registry.idsFor(target).sort()).toEqual([b.sessionId, c.sessionId].sort());
  });

  it('refuses a session past the limit, and ends one left open past its lifetime', async () => {
    const { registry, events } = make({ maxSessions: 1, maxLifetimeMs: 30 });
    const first = fakeDriver();
    const opened = await registry.open(target, 'qr', first.make);
    await expect(registry.open({ ...target, instance: '43' }, 'qr', fakeDriver().make)).rejects.toMatchObject({ code: 'conflict' });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(events).toContainEqual(expect.objectContaining({ type: 'ended', sessionId: opened.sessionId, reason: 'abandoned' }));
    expect(first.driver.stopped).toBe(1);
    expect(registry.size).toBe(0);
  });

  it('forgets a session that ended authorized, and still answers the step that authorized it', async () => {
    const { registry } = make();
    const fake = fakeDriver();
    const opened = await registry.open(target, 'telegram', fake.make);
    const final = await registry.step(opened.sessionId, async () => {
      fake.driver.channel!.update({ phase: 'authorized' });
      fake.driver.channel!.end('authorized');
    });
    expect(final.state.phase).toBe('authorized');
    expect(registry.size).toBe(0);
    expect(() => registry.get(opened.sessionId)).toThrow(/ended/);
  });
});
