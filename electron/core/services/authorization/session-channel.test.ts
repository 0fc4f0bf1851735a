import { describe, expect, it } from 'vitest';
import type { AuthEvent } from '../../../../shared/auth';
import { initialAuthState, SessionChannel } from './session-channel';

describe('SessionChannel', () => {
  const make = () => {
    const events: AuthEvent[] = [];
    let now = 1_000;
    const channel = new SessionChannel('s', (event) => events.push(event), () => now, initialAuthState('connecting'));
    return { channel, events, tick: (ms: number) => (now += ms) };
  };

  it('pushes a QR only when its content changes, numbering each new one', () => {
    const { channel, events, tick } = make();
    expect(channel.showQr('text', '2@a', { lifetimeMs: 30_000 })).toBe(true);
    tick(300);
    expect(channel.showQr('text', '2@a', { lifetimeMs: 30_000 })).toBe(false);
    tick(300);
    channel.showQr('text', '2@b', { lifetimeMs: 30_000 });
    expect(events).toEqual([
      { type: 'qr', sessionId: 's', revision: 1, qr: { format: 'text', data: '2@a', serial: 1, receivedAt: 1_000, expiresAt: 31_000, lifetimeMs: 30_000 } },
      { type: 'qr', sessionId: 's', revision: 2, qr: { format: 'text', data: '2@b', serial: 2, receivedAt: 1_600, expiresAt: 31_600, lifetimeMs: 30_000 } },
    ]);
    expect(channel.hasShownQr).toBe(true);
  });

  it('pushes the same code again only when its deadline moved (a reopened scan window)', () => {
    const { channel, events } = make();
    channel.showQr('png', 'AAAA', { lifetimeMs: 100_000, expiresAt: 101_000 });
    channel.showQr('png', 'AAAA', { lifetimeMs: 100_000, expiresAt: 101_000 });
    expect(channel.showQr('png', 'AAAA', { lifetimeMs: 100_000, expiresAt: 201_000 })).toBe(false);
    expect(events.map((event) => event.type === 'qr' && [event.qr.serial, event.qr.expiresAt])).toEqual([
      [1, 101_000],
      [1, 201_000],
    ]);
  });

  it('pushes the state only when something in it differs, and nothing after the end', () => {
    const { channel, events } = make();
    channel.update({ phase: 'connecting' });
    channel.update({ phase: 'showing_qr' });
    channel.update({ phase: 'showing_qr', actions: [] });
    channel.end('stopped');
    channel.update({ phase: 'failed' });
    channel.showQr('png', 'AAAA', { lifetimeMs: 100_000, expiresAt: 5 });
    expect(events.map((event) => event.type)).toEqual(['state', 'ended']);
    expect(channel.ended).toBe('stopped');
  });
});
