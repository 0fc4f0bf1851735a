import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../log';
import { GreenApiInstanceApi, GreenApiRateLimiter } from '../../providers/greenapi';
import { Redactor } from '../../redactor';
import { startSandbox, type Sandbox } from '../../sandbox';
import { GreenApiPairingDriver } from './greenapi-pairing-driver';
import { initialAuthState, SessionChannel } from './session-channel';
import { realWait } from './session-driver';

/** The pairing-code driver against the sandbox, with the code's life and the state polling shortened. */
let sandbox: Sandbox;
let driver: GreenApiPairingDriver | undefined;
beforeEach(async () => {
  sandbox = await startSandbox({ seed: 9 });
});
afterEach(async () => {
  await driver?.stop();
  await sandbox.close();
});

function setUp(index: number) {
  const demo = sandbox.demo.greenapi[index]!;
  const channel = new SessionChannel('p1', () => {}, Date.now, initialAuthState('connecting'));
  const api = new GreenApiInstanceApi({ ...demo, ...sandbox.urls.greenapi }, { redactor: new Redactor() }, { limiter: new GreenApiRateLimiter() });
  driver = new GreenApiPairingDriver({ channel, api, wait: realWait, now: Date.now, log: silentLogger, options: { codeLifetimeMs: 400, statePollMs: 50 } });
  return { channel, demo };
}

const until = async (condition: () => boolean) => {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('GREEN-API pairing driver', () => {
  it('offers a logout when a phone is linked already', async () => {
    const { channel } = setUp(0);
    driver!.start();
    await until(() => channel.current.phase !== 'connecting');
    expect(channel.current).toMatchObject({ phase: 'already_authorized', problem: 'already_authorized', actions: ['logout'] });
  });

  it('shows the code, lets it expire with a new one a click away, and asks again when GREEN-API gives none', async () => {
    const { channel, demo } = setUp(1);
    driver!.start();
    await until(() => channel.current.phase === 'waiting_for_phone');
    await driver!.requestCode('441234567890');
    expect(channel.current.phase).toBe('showing_code');
    await until(() => channel.current.phase === 'expired');
    expect(channel.current.actions).toEqual(['requestCode']);

    sandbox.controls.greenapi.failNextPairingCode(demo.idInstance);
    await driver!.requestCode('441234567890');
    expect(channel.current).toMatchObject({ phase: 'waiting_for_phone', problem: 'code_refused', actions: ['requestCode'] });
  });
});
