import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Redactor } from '../../redactor';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';
import { DOCUMENTED_RPS, documentedRps } from './documented-limits';
import { greenApiKit, rejection } from './greenapi-test-kit';
import { GreenApiInstanceApi } from './instance-api';
import { GreenApiRateLimiter } from './rate-limiter';

/** The most starts of one key inside any window of the documented length (1 s; 10 s for 0.1 RPS). */
function busiestWindow(starts: number[], rps: number): number {
  const windowMs = rps >= 1 ? 1000 : 1000 / rps;
  return Math.max(0, ...starts.map((start) => starts.filter((other) => other >= start && other < start + windowMs).length));
}

describe('GreenApiRateLimiter schedule (§8.2)', () => {
  it('a burst for one instance and method stays within the documented rate, for every method of the table', () => {
    for (const [method, rps] of [...Object.entries(DOCUMENTED_RPS), ['uploadFile', documentedRps('uploadFile')] as const]) {
      const limiter = new GreenApiRateLimiter({ now: () => 0 });
      const starts = Array.from({ length: Math.ceil(rps) * 3 + 5 }, () => limiter.reserve('1101000001', method));
      expect(busiestWindow(starts, rps), method).toBeLessThanOrEqual(Math.max(1, Math.floor(rps)));
      // …and it is not slower than it needs to be: the whole burst fits in the rate with 10 % headroom.
      expect(starts.at(-1)!, method).toBeCloseTo(((starts.length - 1) * 1000) / (rps * 0.9), 6);
    }
  });

  it('other instances, and other methods of the same instance, are not slowed by a burst', () => {
    const limiter = new GreenApiRateLimiter({ now: () => 0 });
    for (let index = 0; index < 200; index++) limiter.reserve('1101000001', 'sendMessage');
    expect(limiter.reserve('1101000002', 'sendMessage')).toBe(0);
    expect(limiter.reserve('1101000001', 'getSettings')).toBe(0);
    // Method names are matched without case (§1: SendMessage in the doc's own example).
    expect(limiter.reserve('1101000001', 'SendMessage')).toBeGreaterThan(4000);
  });

  it('property: whatever the order and timing of requests, no key ever exceeds its rate', () => {
    const methods = ['sendMessage', 'getSettings', 'qr', 'receiveNotification', 'setProfilePicture', 'getAuthorizationCode'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ instance: fc.integer({ min: 1, max: 3 }), method: fc.constantFrom(...methods), gap: fc.integer({ min: 0, max: 700 }) }), {
          maxLength: 150,
        }),
        (requests) => {
          let now = 0;
          const limiter = new GreenApiRateLimiter({ now: () => now });
          const starts = new Map<string, number[]>();
          for (const { instance, method, gap } of requests) {
            now += gap;
            const start = limiter.reserve(String(instance), method);
            expect(start).toBeGreaterThanOrEqual(now);
            starts.set(`${instance}/${method}`, [...(starts.get(`${instance}/${method}`) ?? []), start]);
          }
          for (const [key, list] of starts) {
            const rps = documentedRps(key.split('/')[1]!);
            expect(busiestWindow(list, rps)).toBeLessThanOrEqual(Math.max(1, Math.floor(rps)));
          }
        },
      ),
    );
  });

  it('a Retry-After holds the key: the next start is after it', () => {
    let now = 0;
    const limiter = new GreenApiRateLimiter({ now: () => now });
    limiter.reserve('1', 'getSettings');
    limiter.holdOff('1', 'getSettings', 5000);
    now = 100;
    expect(limiter.reserve('1', 'getSettings')).toBe(5000);
    expect(limiter.reserve('2', 'getSettings')).toBe(100);
  });

  it('is cheap with ten thousand instances: one map entry per busy key, swept once its time has passed, no timers', () => {
    let now = 0;
    const limiter = new GreenApiRateLimiter({ now: () => now });
    for (let index = 0; index < 10_000; index++) limiter.reserve(String(1_101_000_000 + index), 'getStateInstance');
    expect(limiter.size).toBe(10_000);
    now = 5_000;
    for (let index = 0; index < 10_000; index++) limiter.reserve(String(1_101_000_000 + index), 'getSettings');
    expect(limiter.size).toBeLessThan(20_000);
  });

  it('acquire waits through the injected sleep, so callers can run in virtual time', async () => {
    let now = 0;
    const waits: number[] = [];
    const limiter = new GreenApiRateLimiter({ now: () => now });
    const sleep = async (ms: number) => {
      waits.push(ms);
      now += ms;
    };
    for (let index = 0; index < 4; index++) await limiter.acquire('1', 'qr', { sleep });
    expect(waits.map(Math.round)).toEqual([370, 370, 370]);
  });
});

describe('GreenApiRateLimiter: spacing from the answers (§8.2 counts arrivals)', () => {
  it('a 1-RPS read answered late holds the next one until a full window after that answer, not after its start', () => {
    let now = 0;
    const limiter = new GreenApiRateLimiter({ now: () => now });
    expect(limiter.reserve('1', 'getWaSettings')).toBe(0);
    // It left on a cold connection: answered (so counted by the server at the latest) at 400 ms.
    now = 400;
    limiter.answered('1', 'getWaSettings');
    expect(limiter.reserve('1', 'getWaSettings')).toBe(1400);
    // Another instance and another method are not held.
    expect(limiter.reserve('2', 'getWaSettings')).toBe(400);
    expect(limiter.reserve('1', 'showMessagesQueue')).toBe(400);
  });

  it('a caller that booked before the answer came in books again when it wakes', async () => {
    let now = 0;
    const limiter = new GreenApiRateLimiter({ now: () => now });
    const starts: number[] = [];
    let late = true;
    const sleep = async (ms: number) => {
      now += ms;
      // The first request is answered late, while the second sleeps.
      if (late && now >= 1000) {
        late = false;
        limiter.answered('1', 'getSettings');
      }
    };
    await limiter.acquire('1', 'getSettings', { sleep });
    starts.push(now);
    now = 900;
    await limiter.acquire('1', 'getSettings', { sleep });
    starts.push(now);
    // Answered at 1111, as the second woke: it booked again, not before the answer's window (2111) nor its own
    // slot's interval (2222).
    expect(starts.map(Math.round)).toEqual([0, 2222]);
  });

  it('a 50-RPS send is held only once a full window of answers is in', () => {
    const now = 0;
    const limiter = new GreenApiRateLimiter({ now: () => now });
    for (let index = 0; index < 49; index++) limiter.answered('1', 'sendMessage');
    expect(limiter.reserve('1', 'sendMessage')).toBe(0);
    limiter.answered('1', 'sendMessage');
    expect(limiter.reserve('1', 'sendMessage')).toBe(1000);
  });

  it('answers are swept once older than the longest window', () => {
    let now = 0;
    const limiter = new GreenApiRateLimiter({ now: () => now });
    for (let index = 0; index < 2000; index++) limiter.answered(String(index), 'getStateInstance');
    now = 10_000;
    for (let index = 0; index < 2000; index++) limiter.reserve(String(5000 + index), 'getStateInstance');
    expect(limiter.size).toBeLessThan(4000);
  });
});

describe('GREEN-API rate limits against the sandbox (§8.2, §14.19)', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 34 });
    sandbox.state.greenapi.enforceRateLimits = true;
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.faults.clear();
    sandbox.requests.clear();
  });

  it('the sandbox does answer 429 to a burst beyond the rate…', async () => {
    const { idInstance, apiTokenInstance } = sandbox.demo.greenapi[1]!;
    const url = `${sandbox.urls.greenapi.apiUrl}/waInstance${idInstance}/getSettings/${apiTokenInstance}`;
    const answers = await Promise.all(Array.from({ length: 3 }, () => fetch(url)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 429, 429]);
    expect(answers.find((answer) => answer.status === 429)!.headers.get('retry-after')).toBe('1');
  });

  it('…while 60 concurrent sends through the client limiter all pass without one 429', async () => {
    const { idInstance, apiTokenInstance } = sandbox.demo.greenapi[1]!;
    // Real time on both sides: the sandbox clock is not advanced in this test, and the limiter reads Date.now.
    const api = new GreenApiInstanceApi(
      { apiUrl: sandbox.urls.greenapi.apiUrl, idInstance, apiTokenInstance },
      { redactor: new Redactor(), retry: { maxAttempts: 1 } },
      { limiter: new GreenApiRateLimiter() },
    );
    const sent = await Promise.all(Array.from({ length: 60 }, (_, index) => api.sendMessage({ chatId: '79001234567@c.us', message: `burst ${index}` })));
    expect(new Set(sent.map((answer) => answer.idMessage)).size).toBe(60);
    await api.clearMessagesQueue();
  });

  it('a 429 with Retry-After from the server is waited out (and the limiter spacing with it), then the read succeeds', async () => {
    const kit = greenApiKit(sandbox);
    await kit.client(0).getSettings();
    // Another program (its own limiter) asks in the same second: the server refuses with Retry-After: 1.
    const other = kit.client(0, { limiter: kit.newLimiter() });
    kit.sleeps.length = 0;
    expect(await other.getSettings()).toHaveProperty('wid');
    // One wait: at least the Retry-After, and no less than this limiter's own 1 RPS spacing after its first try.
    expect(kit.sleeps).toHaveLength(1);
    expect(kit.sleeps[0]).toBeGreaterThanOrEqual(1000);
    expect(sandbox.requests.list('greenapi').filter((request) => request.path.includes('getSettings'))).toHaveLength(3);
  });

  it('a send is not repeated after a 429, but the limiter holds that instance and method for the Retry-After', async () => {
    const kit = greenApiKit(sandbox);
    sandbox.faults.inject('greenapi', { kind: 'status', status: 429, retryAfter: 3, times: 1, path: 'sendMessage' });
    const api = kit.client(0);
    const error = await rejection(api.sendMessage({ chatId: '79001234567@c.us', message: 'once' }));
    expect(error).toMatchObject({ code: 'rate_limited', details: { status: 429, retryAfterSeconds: 3 } });
    expect(error.message).toContain('Try again in 3 s.');
    kit.sleeps.length = 0;
    await kit.client(1).sendMessage({ chatId: '79001234567@c.us', message: 'another instance goes at once' });
    expect(kit.sleeps).toEqual([]);
    await api.sendMessage({ chatId: '79001234567@c.us', message: 'after the hold' });
    expect(kit.sleeps).toHaveLength(1);
    expect(kit.sleeps[0]).toBeGreaterThanOrEqual(2900);
    await kit.client(0).clearMessagesQueue();
  });
});

describe('a slot too far away', () => {
  it('is refused at once, without booking it, when the caller will not wait that long', async () => {
    let now = 0;
    const limiter = new GreenApiRateLimiter({ now: () => now });
    limiter.holdOff('1101', 'getStateInstance', 120_000);
    await expect(limiter.acquire('1101', 'getStateInstance', { maxWaitMs: 30_000 })).rejects.toMatchObject({ name: 'SlotTooFarError', waitMs: 120_000 });
    now = 119_000;
    const slept: number[] = [];
    await limiter.acquire('1101', 'getStateInstance', { maxWaitMs: 30_000, sleep: async (ms) => void slept.push(ms) });
    expect(slept).toEqual([1000]);
  });
});
