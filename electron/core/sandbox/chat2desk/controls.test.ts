import { describe, expect, it } from 'vitest';
import { SandboxClock, type SandboxContext } from '../clock';
import { FaultBoard } from '../faults';
import { RequestLog } from '../http-server';
import { createSandboxState } from '../state';
import { createChat2DeskControls } from './controls';
import { chat2DeskRuntime } from './runtime';

/** The controls over a fresh world of `seed`, without servers (nothing here needs the network). */
function controlsFor(seed: number) {
  const world = createSandboxState(seed).chat2desk;
  const context: SandboxContext = { faults: new FaultBoard(), log: new RequestLog(), clock: new SandboxClock() };
  const controls = createChat2DeskControls(world, context);
  return { world, controls, close: () => chat2DeskRuntime(world, context).close() };
}

describe('Chat2Desk sandbox controls', () => {
  it('breakWhatsApp draws its QR data from the sandbox seed: the same seed replays the same codes', () => {
    const codes = (seed: number) => {
      const { world, controls, close } = controlsFor(seed);
      const channelId = world.channels[0]!.id;
      const drawn = [controls.breakWhatsApp(channelId), controls.breakWhatsApp(channelId), controls.breakWhatsApp(channelId)];
      close();
      return drawn;
    };
    const first = codes(77);
    expect(codes(77)).toEqual(first);
    expect(new Set(first).size).toBe(3);
    for (const code of first) expect(code).toMatch(/^2@[0-9a-z]{11},sandbox$/);
    expect(codes(78)).not.toEqual(first);
  });

  it('breakWhatsApp sends the QR data it is given', () => {
    const { world, controls, close } = controlsFor(77);
    expect(controls.breakWhatsApp(world.channels[0]!.id, '2@given,sandbox')).toBe('2@given,sandbox');
    close();
  });
});
