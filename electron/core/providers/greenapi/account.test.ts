import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';
import { greenApiKit, JPEG_BYTES, rejection } from './greenapi-test-kit';
import { changedSettings, SettingsPatchSchema } from './settings-schemas';

let sandbox: Sandbox;
let kit: ReturnType<typeof greenApiKit>;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 31 });
  // The sandbox clock also runs in real time: "still starting" checks keep a margin of a minute.
  Object.assign(sandbox.state.greenapi.timings, { restartMs: 60_000, rebootMs: 60_000 });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.requests.clear();
  kit = greenApiKit(sandbox);
});

const id = (index: number) => sandbox.demo.greenapi[index]!.idInstance;
const record = (index: number) => sandbox.state.greenapi.instances[index]!;
const greenapi = () => sandbox.controls.greenapi;

describe('GREEN-API account methods against the sandbox', () => {
  it('getStateInstance: `null` while being created (creating), then notAuthorized when the window ends (§2.3)', async () => {
    expect(await kit.client(3).getStateInstance()).toEqual({ state: 'creating', raw: null });
    sandbox.clock.advance(sandbox.state.greenapi.timings.creatingWindowMs);
    expect(await kit.client(3).getStateInstance()).toEqual({ state: 'notAuthorized', raw: 'notAuthorized' });
  });

  it('getSettings reads both spellings of markIncomingMessagesRead(ed) into one (§13.1)', async () => {
    record(1).settings.markIncomingMessagesReaded = 'yes';
    expect((await kit.client(1).getSettings()).markIncomingMessagesReaded).toBe('yes');
    sandbox.state.greenapi.settingsSpelling = 'example';
    try {
      const settings = await kit.client(1).getSettings();
      expect(settings.markIncomingMessagesReaded).toBe('yes');
      expect(settings).not.toHaveProperty('markIncomingMessagesRead');
    } finally {
      sandbox.state.greenapi.settingsSpelling = 'table';
    }
  });

  it('setSettings writes the table spelling, restarts the instance and applies the values after the configured delay (§2.2)', async () => {
    const api = kit.client(0);
    sandbox.state.greenapi.timings.settingsApplyDelayMs = 60_000;
    try {
      expect(await api.setSettings({ markIncomingMessagesRead: 'yes', delaySendMessagesMilliseconds: 1500 })).toEqual({ saveSettings: true });
      expect(record(0).state).toBe('starting');
      expect(record(0).settings.delaySendMessagesMilliseconds).toBe(5000);
      sandbox.clock.advance(sandbox.state.greenapi.timings.restartMs);
      expect(record(0).state).toBe('authorized');
      sandbox.clock.advance(60_000);
      expect(record(0).settings).toMatchObject({ markIncomingMessagesReaded: 'yes', delaySendMessagesMilliseconds: 1500 });
      expect(record(0).settings).not.toHaveProperty('markIncomingMessagesRead');
      expect(await api.getSettings()).toMatchObject({ markIncomingMessagesReaded: 'yes', delaySendMessagesMilliseconds: 1500 });
    } finally {
      sandbox.state.greenapi.timings.settingsApplyDelayMs = 0;
    }
  });

  it('setSettings refuses what GREEN-API would refuse, before sending anything', async () => {
    const api = kit.client(0);
    for (const patch of [
      { delaySendMessagesMilliseconds: 499 },
      { delaySendMessagesMilliseconds: 86_400_001 },
      {},
      { outgoingWebhook: 'maybe' },
      { webhookUrl: 'ftp://example.com' },
      { markIncomingMessagesRead: 'yes', markIncomingMessagesReaded: 'no' },
      { statusInstanceChangedWebhook: 'yes' },
    ]) {
      const error = await rejection(api.setSettings(patch as never));
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(/^GREEN-API setSettings \(saving the instance settings\): /);
    }
    expect(await rejection(api.setSettings({ delaySendMessagesMilliseconds: 100 }))).toMatchObject({
      message: expect.stringContaining('at least 500 ms'),
    });
    expect(sandbox.requests.list('greenapi')).toHaveLength(0);
  });

  it('the example spelling is written the way the setSettings table spells it; only the keys given are sent', () => {
    expect(SettingsPatchSchema.parse({ markIncomingMessagesRead: 'yes', markIncomingMessagesReadOnReply: 'no' })).toEqual({
      markIncomingMessagesReaded: 'yes',
      markIncomingMessagesReadedOnReply: 'no',
    });
    expect(SettingsPatchSchema.parse({ webhookUrl: '' })).toEqual({ webhookUrl: '' });
  });

  it('changedSettings keeps only what differs, so a save that changes nothing sends nothing', async () => {
    const current = await kit.client(1).getSettings();
    expect(changedSettings(current, { incomingWebhook: current.incomingWebhook as 'yes' | 'no', stateWebhook: 'yes', delaySendMessagesMilliseconds: 5000 })).toEqual({
      stateWebhook: 'yes',
    });
  });

  it('reboot: starting, then back; a reboot clears yellowCard (§4)', async () => {
    record(2).state = 'yellowCard';
    expect(await kit.client(2).reboot()).toEqual({ isReboot: true });
    expect((await kit.client(2).getStateInstance()).state).toBe('starting');
    sandbox.clock.advance(sandbox.state.greenapi.timings.rebootMs);
    expect(record(2).state).toBe('authorized');
  });

  it('logout unlinks the account: notAuthorized, and getWaSettings empties avatar, phone and deviceId (§2.6, §2.11)', async () => {
    greenapi().setState(id(2), 'authorized');
    const before = await kit.client(2).getWaSettings();
    expect(before).toMatchObject({ state: 'authorized', phone: expect.stringMatching(/^\d+$/), deviceId: expect.stringContaining('@s.whatsapp.net') });
    expect(await kit.client(2).logout()).toEqual({ isLogout: true });
    expect(await kit.client(2).getWaSettings()).toEqual({ avatar: null, phone: null, deviceId: null, state: 'notAuthorized', raw: 'notAuthorized' });
  });

  it('qr: a base64 PNG that changes every 20 s; alreadyLogged when linked; the stale-auth error asks for a logout (§2.7)', async () => {
    const api = kit.client(1);
    greenapi().setState(id(1), 'notAuthorized');
    const first = await api.qr();
    expect(first.type).toBe('qrCode');
    if (first.type !== 'qrCode') throw new Error('unreachable');
    expect(Buffer.from(first.image, 'base64').subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(first.dataUrl).toBe(`data:image/png;base64,${first.image}`);
    expect(await api.qr()).toEqual(first);
    sandbox.clock.advance(sandbox.state.greenapi.timings.qrRefreshMs);
    expect(await api.qr()).not.toEqual(first);

    greenapi().setStaleAuth(id(1));
    expect(await api.qr()).toEqual({ type: 'error', message: 'Instance has auth. You need to make log out', needsLogout: true });
    greenapi().setStaleAuth(id(1), false);
    expect(await kit.client(0).qr()).toEqual({ type: 'alreadyLogged', message: 'instance account already authorized' });
  });

  it('qr while starting: 400 "instance in starting process try later", with the next step (§8.3)', async () => {
    greenapi().setState(id(1), 'starting');
    const error = await rejection(kit.client(1).qr());
    expect(error.code).toBe('provider_validation');
    expect(error.details).toMatchObject({ status: 400, providerMessage: 'instance in starting process try later', operation: 'qr' });
    expect(error.message).toMatch(/^GREEN-API rejected the request as invalid \(400\) while reading the QR code of instance \d+ on 127\.0\.0\.1:\d+\./);
    expect(error.message).toContain('try again in a few seconds');
    expect(error.details).toMatchObject({ reason: 'instance_starting', reasonParams: { idInstance: id(1) } });
    greenapi().setState(id(1), 'notAuthorized');
  });

  it('pairing code: digits only; an 8-character code; entering it links the account and says so (§2.9)', async () => {
    greenapi().setState(id(1), 'notAuthorized');
    record(1).settings.stateWebhook = 'yes';
    const api = kit.client(1);
    for (const bad of ['+44 1234 567890', '44-1234-567890', '12ab', 441234567890.5]) {
      expect((await rejection(api.getAuthorizationCode(bad))).code).toBe('invalid_input');
    }
    expect(sandbox.requests.list('greenapi')).toHaveLength(0);

    const answer = await api.getAuthorizationCode(441234567890);
    expect(answer).toEqual({ status: true, code: expect.stringMatching(/^[A-Z0-9]{8}$/) });
    expect(greenapi().enterPairingCode(id(1), 'WRONG123')).toBe(false);
    expect(greenapi().enterPairingCode(id(1), answer.code!)).toBe(true);
    expect(await api.getStateInstance()).toMatchObject({ state: 'authorized' });
    expect(record(1).settings.wid).toBe('441234567890@c.us');
    expect(greenapi().queuedNotifications(id(1)).at(-1)!.body).toMatchObject({ typeWebhook: 'stateInstanceChanged', stateInstance: 'authorized' });
  });

  it('pairing code: it expires after about 150 s, and `status: false` means "try again"', async () => {
    greenapi().setState(id(1), 'notAuthorized');
    const api = kit.client(1);
    const { code } = await api.getAuthorizationCode('79001234567');
    sandbox.clock.advance(sandbox.state.greenapi.timings.pairingCodeTtlMs);
    expect(greenapi().enterPairingCode(id(1), code!)).toBe(false);
    greenapi().failNextPairingCode(id(1));
    expect(await api.getAuthorizationCode('79001234567')).toEqual({ status: false, code: null });
  });

  it('setProfilePicture: a *.jpg as multipart to the media host; one change per 10 s (rate-overlimit); jpg only (§2.10)', async () => {
    greenapi().setState(id(0), 'authorized');
    const result = await kit.client(0).setProfilePicture({ name: 'me.jpg', bytes: JPEG_BYTES });
    expect(result).toMatchObject({ setProfilePicture: true, reason: null, urlAvatar: expect.stringMatching(/^https:\/\/pps\.whatsapp\.net\//) });
    expect(sandbox.requests.list('greenapi').at(-1)).toMatchObject({ server: 'media', method: 'POST' });
    expect((await kit.client(0).getWaSettings()).avatar).toBe(result.urlAvatar);

    // Another program with its own limiter calls again at once: WhatsApp's own limit answers (§2.10). The §8.2
    // per-second limit (0.1 RPS) would refuse it first with a 429, so it is off for this one call.
    const other = kit.client(0, { limiter: kit.newLimiter() });
    sandbox.state.greenapi.enforceRateLimits = false;
    const error = await rejection(other.setProfilePicture({ bytes: JPEG_BYTES })).finally(() => {
      sandbox.state.greenapi.enforceRateLimits = true;
    });
    expect(error).toMatchObject({ code: 'rate_limited', details: { providerMessage: 'rate-overlimit', retryAfterSeconds: 10 } });

    expect((await rejection(kit.client(0).setProfilePicture({ name: 'a.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) }))).code).toBe('invalid_input');
    expect((await rejection(kit.client(0).setProfilePicture({ bytes: new Uint8Array() }))).code).toBe('invalid_input');
  });

  it('this client waits 10 s between profile pictures itself (0.1 RPS), so it never meets rate-overlimit', async () => {
    greenapi().setState(id(0), 'authorized');
    sandbox.clock.advance(10_000);
    const api = kit.client(0);
    await api.setProfilePicture({ bytes: JPEG_BYTES });
    kit.sleeps.length = 0;
    await api.setProfilePicture({ bytes: JPEG_BYTES });
    expect(kit.sleeps[0]).toBeGreaterThanOrEqual(10_000);
  });
});

describe('GREEN-API documented errors through the client', () => {
  it('401 wrong token, 403 unknown idInstance', async () => {
    const wrongToken = await rejection(kit.client({ idInstance: id(0), apiTokenInstance: 'f'.repeat(50) }).getSettings());
    expect(wrongToken).toMatchObject({ code: 'auth_failed', details: { status: 401, operation: 'getSettings' } });
    expect(wrongToken.message).toContain('Check apiTokenInstance.');
    const unknown = await rejection(kit.client({ idInstance: '1', apiTokenInstance: 'f'.repeat(50) }).getSettings());
    expect(unknown).toMatchObject({ code: 'forbidden', details: { status: 403 } });
    expect((await rejection(kit.client({ idInstance: 'abc', apiTokenInstance: 'x'.repeat(20) }).getSettings())).code).toBe('invalid_input');
  });

  it('deleted and expired instances: 400 with the identifier and what to do (§8.3)', async () => {
    greenapi().setLifecycle(id(1), 'deleted');
    const deleted = await rejection(kit.client(1).getSettings());
    expect(deleted.details).toMatchObject({ status: 400, providerMessage: 'Instance is deleted' });
    expect(deleted.message).toContain('remove it from this account or create a new one');
    expect(deleted.details).toMatchObject({ reason: 'instance_deleted', reasonParams: { idInstance: id(1) } });
    greenapi().setLifecycle(id(1), 'expired');
    const expired = await rejection(kit.client(1).getSettings());
    expect(expired.details.providerMessage).toBe('Instance account is expired. Renew your instance from personal area');
    expect(expired.message).toContain('Renew the instance in the GREEN-API console.');
    expect(expired.details.reason).toBe('instance_expired');
    greenapi().setLifecycle(id(1), 'active');
  });

  it('a method that needs a linked account: 400 "instance is starting or not authorized" (§8.3)', async () => {
    greenapi().setState(id(1), 'notAuthorized');
    const error = await rejection(kit.client(1).getChatHistory({ chatId: '79001234567@c.us' }));
    expect(error.details.providerMessage).toBe('instance is starting or not authorized');
    expect(error.message).toContain('Authorize the instance with a QR code or a pairing code first.');
    expect(error.details).toMatchObject({ reason: 'instance_not_authorized', reasonParams: { idInstance: id(1) } });
  });

  it('the error body may be text, {message} or {code, description}: the identifier is read from each (§14.22)', async () => {
    greenapi().setLifecycle(id(1), 'deleted');
    try {
      for (const format of ['json', 'description', 'text'] as const) {
        sandbox.state.greenapi.errorFormat = format;
        expect((await rejection(kit.client(1).getSettings())).details.providerMessage).toBe('Instance is deleted');
      }
    } finally {
      greenapi().setLifecycle(id(1), 'active');
      sandbox.state.greenapi.errorFormat = 'text';
    }
  });

  it('466 on the Developer tariff: a typed quota error whose figures reach the operator (§8.1)', async () => {
    greenapi().setState(id(0), 'authorized');
    greenapi().setTariff(id(0), 'developer');
    greenapi().setQuotaUsage(id(0), 'getChatHistory', 300);
    try {
      const error = await rejection(kit.client(0).getChatHistory({ chatId: '79001234567@c.us' }));
      expect(error.name).toBe('GreenApiQuotaError');
      expect(error.code).toBe('quota_exceeded');
      expect((error as unknown as { quota: unknown }).quota).toEqual({
        invokeStatus: expect.objectContaining({ method: 'getchathistory', used: 300, total: 300, status: 'QUOTE_EXCEEDED' }),
      });
      expect(error.details).toMatchObject({ status: 466, providerMessage: expect.stringMatching(/^getchathistory: 300 of 300 used \(QUOTE_EXCEEDED\): Monthly quota/) });
      expect(error.message).toContain('change the tariff in the GREEN-API console');
      // Reads that are unlimited on Developer still work.
      expect((await kit.client(0).getStateInstance()).state).toBe('authorized');
    } finally {
      greenapi().setTariff(id(0), 'business');
    }
  });

  it('502: a read is repeated and succeeds; after three failures the operator is told to try later (§8.3)', async () => {
    sandbox.faults.inject('greenapi', { kind: 'status', status: 502, times: 2 });
    expect((await kit.client(0).getStateInstance()).state).toBeDefined();
    expect(sandbox.requests.list('greenapi')).toHaveLength(3);
    sandbox.requests.clear();
    sandbox.faults.inject('greenapi', { kind: 'status', status: 502 });
    const error = await rejection(kit.client(0).getSettings());
    expect(error).toMatchObject({ code: 'provider_unavailable', details: { status: 502, providerMessage: 'Bad Gateway' } });
    expect(error.message).toContain('Try again later.');
  });

  it('502 that persists: "repeat 3 times" is 3 repeats after the first, 4 requests in all, each after a delay (§8.3)', async () => {
    const reads: [string, (api: ReturnType<typeof kit.client>) => Promise<unknown>][] = [
      ['getSettings', (api) => api.getSettings()],
      ['getChatHistory', (api) => api.getChatHistory({ chatId: '79001234567@c.us' })],
      ['deleteNotification', (api) => api.deleteNotification(1)],
    ];
    for (const fault of [{ kind: 'status', status: 502 }, { kind: 'html', status: 502 }] as const) {
      for (const [method, read] of reads) {
        sandbox.faults.clear();
        sandbox.requests.clear();
        kit.sleeps.length = 0;
        sandbox.faults.inject('greenapi', fault);
        expect(await rejection(read(kit.client(0)))).toMatchObject({ details: { status: 502, operation: method } });
        expect(sandbox.requests.list('greenapi').map((request) => request.path.split('/')[2]), `${fault.kind} ${method}`).toEqual(Array(4).fill(method));
        // A delay before each repeat (the transport's backoff, through the rate limiter).
        expect(kit.sleeps.filter((ms) => ms > 0).length).toBeGreaterThanOrEqual(3);
      }
    }
    // A 499 has no count in the document: the transport's three attempts. A send is never repeated (sending.test.ts).
    sandbox.faults.clear();
    sandbox.requests.clear();
    sandbox.faults.inject('greenapi', { kind: 'status', status: 499 });
    await rejection(kit.client(0).getSettings());
    expect(sandbox.requests.list('greenapi')).toHaveLength(3);
  });

  it('499: a read is repeated with a delay; the message says what 499 means and what to do (§8.3)', async () => {
    sandbox.faults.inject('greenapi', { kind: 'status', status: 499, times: 1 });
    await kit.client(0).getSettings();
    expect(sandbox.requests.list('greenapi')).toHaveLength(2);
    sandbox.requests.clear();
    sandbox.faults.inject('greenapi', { kind: 'status', status: 499 });
    const error = await rejection(kit.client(0).reboot());
    expect(sandbox.requests.list('greenapi')).toHaveLength(1);
    expect(error.code).toBe('provider_unavailable');
    expect(error.message).toMatch(/closed before it finished \(499\) while rebooting the instance of instance \d+ on 127\.0\.0\.1:\d+\. Try again with a longer timeout/);
    expect(error.details).toMatchObject({ status: 499, reason: 'request_closed', reasonParams: { idInstance: id(0) } });
  });
});
