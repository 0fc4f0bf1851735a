import { describe, expect, it } from 'vitest';
import type { AuthEvent, AuthInstanceList, AuthSession } from '../../../../shared/auth';
import { perTestCores } from '../../testing/per-test-cores';
import { addSandboxAccounts } from '../../testing/sandbox-accounts';
import type { TestCore } from '../../testing/test-core';

/**
 * The authorization calls end to end inside one core: the demo workspace against the core's own sandbox, real
 * sockets and HTTP, every event as the renderer would receive it. Waits follow events, never the wall clock.
 */
const cores = perTestCores();

async function demoCore() {
  const { core, sandbox, accountId } = await cores.withDemo();
  const authEvents = () => core.events.filter((event) => event.name === 'auth.event').map((event) => event.payload as AuthEvent);
  /** Resolves with the first auth event of this session that matches, waiting for it if needed. */
  const next = async (sessionId: string, match: (event: AuthEvent) => boolean, timeoutMs = 10_000): Promise<AuthEvent> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = authEvents().find((event) => event.sessionId === sessionId && match(event));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching auth event; got ${JSON.stringify(authEvents().filter((e) => e.sessionId === sessionId))}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  const phase = (name: string) => (event: AuthEvent) => event.type === 'state' && event.state.phase === name;
  return { core, sandbox, accountId, authEvents, next, phase };
}

describe('authorization: instance lists', () => {
  it('lists Chategy/Jetapi instances with their sessions and GREEN-API instances with their state', async () => {
    const { core, accountId, sandbox } = await demoCore();
    const chatpush = await core.call<AuthInstanceList>('auth.instances', { accountId: accountId('chatpush') });
    expect(chatpush.sandbox).toBe(true);
    expect(chatpush.instances).toHaveLength(sandbox.state.chatpush.instances.length);
    expect(chatpush.instances[0]!.methods).toEqual(['qr', 'telegram', 'max', 'telegramBot']);
    expect(chatpush.instances[0]!.actions).toEqual([]);

    const greenapi = await core.call<AuthInstanceList>('auth.instances', { accountId: accountId('greenapi') });
    expect(greenapi.instances.map((instance) => instance.whatsapp)).toEqual(['authorized', 'notAuthorized', 'starting', 'creating']);
    expect(greenapi.instances[0]!.methods).toEqual(['qr', 'pairingCode']);
    expect(greenapi.instances[0]!.actions).toEqual(['logout', 'reboot']);
    // Tokens never leave main.
    expect(JSON.stringify([chatpush, greenapi])).not.toContain(sandbox.demo.greenapi[0]!.apiTokenInstance);
  });
});

describe('authorization: Chategy/Jetapi WhatsApp QR', () => {
  it('pushes the QR only when it changes, survives a dropped socket, and ends authorized after the scan', async () => {
    const { core, sandbox, accountId, next, phase, authEvents } = await demoCore();
    const customerId = sandbox.state.chatpush.instances[0]!.customerId;
    sandbox.controls.chatpush.setInstanceState(customerId, { whatsapp: 'logged_out' });
    const target = { accountId: accountId('chatpush'), instance: String(customerId) };

    const session = await core.call<AuthSession>('auth.start', { ...target, method: 'qr' });
    const first = await next(session.sessionId, (event) => event.type === 'qr');
    expect(first.type === 'qr' && first.qr.format === 'text' && first.qr.data.startsWith('2@')).toBe(true);
    // The room repeats the frame every 300 ms: a second of repeats pushes nothing new.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const qrEvents = () => authEvents().filter((event) => event.sessionId === session.sessionId && event.type === 'qr');
    expect(qrEvents()).toHaveLength(1);

    // §4.1: a code lives 30–40 s; past that the next frame carries a new one.
    sandbox.clock.advance(41_000);
    const second = await next(session.sessionId, (event) => event.type === 'qr' && event.qr.serial === 2);
    expect(second.type === 'qr' && second.qr.data).not.toBe(first.type === 'qr' && first.qr.data);

    // A network drop: reconnecting, then back without anyone asking.
    expect(sandbox.controls.chatpush.dropSockets({ customerId })).toBe(1);
    await next(session.sessionId, phase('reconnecting'));
    await until(() => sandbox.controls.chatpush.openSockets().length === 1);

    await core.call('sandbox.scanQr', target);
    const ended = await next(session.sessionId, (event) => event.type === 'ended');
    expect(ended).toMatchObject({ reason: 'authorized' });
    const authorized = authEvents().filter((event) => event.sessionId === session.sessionId && event.type === 'state').at(-1);
    expect(authorized).toMatchObject({ state: { phase: 'authorized', phone: expect.any(String) } });
    await expect(core.call('auth.stop', { sessionId: session.sessionId })).resolves.toEqual({ done: true });
    // No token or key of the instance reaches an event.
    const pushed = JSON.stringify(authEvents());
    for (const secret of [sandbox.demo.chatpush.apiKey, ...sandbox.state.chatpush.instances.map((instance) => instance.token)]) expect(pushed).not.toContain(secret);
  });

  it('turns a refused origin into a stop with its next step, and interrupts a stuck container', async () => {
    const { core, sandbox, accountId, next } = await demoCore();
    const customerId = sandbox.state.chatpush.instances[1]!.customerId;
    sandbox.controls.chatpush.setInstanceState(customerId, { whatsapp: 'logged_out' });
    const target = { accountId: accountId('chatpush'), instance: String(customerId) };

    sandbox.controls.chatpush.setOriginAllowList(['https://elsewhere.example.com']);
    const refused = await core.call<AuthSession>('auth.start', { ...target, method: 'qr' });
    const failed = await next(refused.sessionId, (event) => event.type === 'state' && event.state.phase === 'failed');
    expect(failed).toMatchObject({ state: { problem: expect.stringMatching(/origin_refused|socket_refused/), actions: ['retry'] } });
    sandbox.controls.chatpush.setOriginAllowList([]);

    sandbox.controls.chatpush.failQrCreation(customerId);
    const stuck = await core.call<AuthSession>('auth.start', { ...target, method: 'qr' });
    await next(stuck.sessionId, (event) => event.type === 'state' && event.state.phase === 'qr_unavailable' && event.state.actions.includes('interrupt'));
    sandbox.controls.chatpush.failQrCreation(customerId, false);
    await core.call('auth.interrupt', { sessionId: stuck.sessionId });
    await next(stuck.sessionId, (event) => event.type === 'qr');
    const interrupts = () => sandbox.requests.list('chatpush').filter((request) => request.path.includes('delete_container_session')).length;
    expect(interrupts()).toBe(1);

    // A scan that hangs while linking is a stuck container too: the session offers to interrupt it there as well.
    sandbox.controls.chatpush.beginQrScan(customerId);
    const linking = await next(stuck.sessionId, (event) => event.type === 'state' && event.state.phase === 'linking');
    expect(linking).toMatchObject({ state: { actions: ['interrupt'] } });
    await core.call('auth.interrupt', { sessionId: stuck.sessionId });
    expect(interrupts()).toBe(2);
  });
});

describe('authorization: GREEN-API', () => {
  it('shows the socket QR with the 100 s window, and ends authorized once the state says so', async () => {
    const { core, sandbox, accountId, next } = await demoCore();
    const target = { accountId: accountId('greenapi'), instance: await instanceKey(core, accountId('greenapi'), 1) };
    const session = await core.call<AuthSession>('auth.start', { ...target, method: 'qr' });
    const qr = await next(session.sessionId, (event) => event.type === 'qr');
    expect(qr).toMatchObject({ qr: { format: 'png', lifetimeMs: 100_000 } });
    await core.call('sandbox.scanQr', target);
    await next(session.sessionId, (event) => event.type === 'ended' && event.reason === 'authorized');
    expect(sandbox.state.greenapi.instances[1]!.state).toBe('authorized');
  });

  it('offers a logout when the instance is already linked, and shows a new code after it', async () => {
    const { core, accountId, next } = await demoCore();
    const target = { accountId: accountId('greenapi'), instance: await instanceKey(core, accountId('greenapi'), 0) };
    const session = await core.call<AuthSession>('auth.start', { ...target, method: 'qr' });
    await next(session.sessionId, (event) => event.type === 'state' && event.state.phase === 'already_authorized' && event.state.actions.includes('logout'));
    await core.call('auth.logout', { ...target, confirm: true });
    await next(session.sessionId, (event) => event.type === 'qr');
  });

  it('reboots an instance (§2.5), and turns GREEN-API’s isReboot: false into a refusal the operator can act on', async () => {
    const { core, sandbox, accountId } = await demoCore();
    const target = { accountId: accountId('greenapi'), instance: await instanceKey(core, accountId('greenapi'), 0) };
    const { idInstance } = sandbox.demo.greenapi[0]!;
    const record = () => sandbox.state.greenapi.instances.find((instance) => instance.idInstance === idInstance)!;
    const reboots = () => sandbox.requests.list('greenapi').filter((request) => request.path.startsWith(`/waInstance${idInstance}/reboot/`));
    expect(record().state).toBe('authorized');

    await expect(core.call('auth.reboot', { ...target, confirm: true })).resolves.toEqual({ done: true });
    expect(reboots()).toHaveLength(1);
    // The sandbox restarts it as GREEN-API does: "starting" until the reboot settles.
    expect(record().state).toBe('starting');
    sandbox.clock.advance(sandbox.state.greenapi.timings.rebootMs);
    expect(record().state).toBe('authorized');

    sandbox.faults.inject('greenapi', { kind: 'status', status: 200, body: { isReboot: false }, path: '/reboot/', times: 1 });
    const refused = await core.callRaw('auth.reboot', { ...target, confirm: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'provider_error', details: { provider: 'greenapi', operation: 'reboot' } } });
    expect((refused as { error: { message: string } }).error.message).toContain('isReboot: false');
    expect(reboots()).toHaveLength(2);
    expect(record().state).toBe('authorized');

    // Without the confirmation the call is not even sent.
    expect(await core.callRaw('auth.reboot', target)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(reboots()).toHaveLength(2);
  });

  it('refuses a pairing phone with anything but digits, shows the code, and ends when the phone enters it', async () => {
    const { core, accountId, next } = await demoCore();
    const target = { accountId: accountId('greenapi'), instance: await instanceKey(core, accountId('greenapi'), 1) };
    const session = await core.call<AuthSession>('auth.start', { ...target, method: 'pairingCode' });
    await next(session.sessionId, (event) => event.type === 'state' && event.state.phase === 'waiting_for_phone');
    const bad = await core.callRaw('auth.requestPairingCode', { sessionId: session.sessionId, phone: '+44 1234 567890' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { fields: [{ path: 'phone' }] } } });
    const shown = await core.call<AuthSession>('auth.requestPairingCode', { sessionId: session.sessionId, phone: '441234567890' });
    expect(shown.state.phase).toBe('showing_code');
    expect(shown.code?.code).toMatch(/^[A-Z0-9]{8}$/);
    await core.call('sandbox.enterPairingCode', target);
    await next(session.sessionId, (event) => event.type === 'ended' && event.reason === 'authorized');
  });

  it('refuses simulated scans for accounts that are not the sandbox', async () => {
    const { core } = await demoCore();
    const { greenapi: real } = await addSandboxAccounts(core, {
      greenapi: (draft) => ({ ...draft, name: 'Looks real', instances: [{ ...draft.instances[1]!, label: 'x' }] }),
    });
    const refused = await core.callRaw('sandbox.scanQr', { accountId: real.id, instance: real.instances[0]!.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('authorization: Telegram, MAX and bot', () => {
  it('walks the TDLib login, shows a wrong code as the command’s error, and ends authorized', async () => {
    const { core, sandbox, accountId, next, phase } = await demoCore();
    const customerId = sandbox.state.chatpush.instances[0]!.customerId;
    sandbox.controls.chatpush.setInstanceState(customerId, { tdlibSession: 0 });
    const target = { accountId: accountId('chatpush'), instance: String(customerId) };
    const session = await core.call<AuthSession>('auth.start', { ...target, method: 'telegram' });
    await next(session.sessionId, phase('wait_phone'));
    await core.call('auth.telegram', { sessionId: session.sessionId, command: 'sendPhone', value: '+995 598 464 533' });
    await next(session.sessionId, phase('wait_code'));
    const wrong = await core.call<AuthSession>('auth.telegram', { sessionId: session.sessionId, command: 'sendCode', value: '00000' });
    expect(wrong.state.commandError).toMatchObject({ code: 'provider_validation' });
    const { telegramCode } = await core.call<{ telegramCode: string }>('sandbox.authCodes', target);
    await core.call('auth.telegram', { sessionId: session.sessionId, command: 'sendCode', value: telegramCode });
    await next(session.sessionId, (event) => event.type === 'ended' && event.reason === 'authorized');
  });

  it('sends the MAX phone and code, and connects a Telegram bot', async () => {
    const { core, sandbox, accountId } = await demoCore();
    const customerId = sandbox.state.chatpush.instances[0]!.customerId;
    const target = { accountId: accountId('chatpush'), instance: String(customerId) };
    await core.call('auth.max', { ...target, step: 'sendPhone', value: '+7 981 159-77-45' });
    const { maxCode } = await core.call<{ maxCode: string }>('sandbox.authCodes', target);
    expect(maxCode).toBeTruthy();
    await core.call('auth.max', { ...target, step: 'sendCode', value: maxCode });
    const bot = await core.call<{ botLink: string | null }>('auth.telegramBot', { ...target, bot: { botToken: '6209296007:AAHexampleTokenValue' } });
    expect(bot.botLink).toMatch(/^https:\/\/t\.me\//);
  });
});

async function instanceKey(core: TestCore, accountId: string, index: number): Promise<string> {
  const list = await core.call<AuthInstanceList>('auth.instances', { accountId });
  return list.instances[index]!.target.instance;
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
