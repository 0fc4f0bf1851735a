import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Redactor } from '../../../redactor';
import { startSandbox, type Sandbox } from '../../../sandbox/sandbox';
import { capturingLogger } from '../../test-support';
import type { PhoenixTiming } from './channel-connection';
import { TelegramLoginSession, type TelegramLoginEvent } from './telegram-login-session';
import { EventRecorder } from './test-support';

const FAST: Partial<PhoenixTiming> = { heartbeatIntervalMs: 500, reconnectBaseDelayMs: 10, reconnectMaxDelayMs: 40, replyTimeoutMs: 2_000 };

const status = (value: string) => (event: TelegramLoginEvent) => event.type === 'status' && event.status === value;
const joined = (event: TelegramLoginEvent) => event.type === 'connection' && event.state === 'joined';

describe('Telegram TDLib login session against the sandbox (spec §4.2)', () => {
  let sandbox: Sandbox;
  const sessions: TelegramLoginSession[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 11 });
    sandbox.controls.chatpush.setSocketTimings({ telegramPushMs: 20 });
  });
  afterEach(() => Promise.all(sessions.splice(0).map((session) => session.close())));
  afterAll(() => sandbox.close());

  let nextInstance = 0;
  function instanceWaitingForPhone() {
    const { instances } = sandbox.state.chatpush;
    const instance = instances[nextInstance++ % instances.length]!;
    instance.tdlibSession = 0;
    return instance;
  }

  function open(token: string) {
    const redactor = new Redactor();
    const logger = capturingLogger();
    const session = new TelegramLoginSession({ brand: 'chategy', url: sandbox.urls.chatpush.telegramWs, token, redactor, logger, timing: FAST });
    sessions.push(session);
    const recorder = new EventRecorder<TelegramLoginEvent>((listener) => session.onEvent(listener));
    session.start();
    return { session, recorder, logger };
  }

  it('phone → code → password → authorized, with wrong code and password refused in words; tdlib_session follows', async () => {
    const instance = instanceWaitingForPhone();
    sandbox.controls.chatpush.setTelegramCode(instance.customerId, '54321');
    sandbox.controls.chatpush.setTelegramPassword(instance.customerId, 'correct horse 7');
    const { session, recorder, logger } = open(instance.token);
    await recorder.next(joined);
    await recorder.next(status('wait_phone'));

    expect(await session.sendPhone('+7 999 000-11-22')).toEqual({ ok: true });
    await recorder.next(status('wait_code'));
    expect(instance.tdlibSession).toBe(1);

    const wrongCode = await session.sendCode('11111');
    expect(wrongCode).toMatchObject({ ok: false, error: { code: 'provider_validation', details: { status: 422, fields: [{ path: 'code', message: 'invalid code' }] } } });
    expect(await session.sendCode('54321')).toEqual({ ok: true });
    await recorder.next(status('wait_password'));
    expect(instance.tdlibSession).toBe(2);

    const wrongPassword = await session.sendPassword('wrong password');
    expect(wrongPassword).toMatchObject({ ok: false, error: { code: 'provider_validation', details: { fields: [{ path: 'password' }] } } });
    expect(wrongPassword.ok ? '' : wrongPassword.error.message).toContain('sending the Telegram two-step verification password');
    expect(await session.sendPassword('correct horse 7')).toEqual({ ok: true });
    await recorder.next(status('authorized'));
    expect(instance.tdlibSession).toBe(3);

    // Each state was reported once, although the room pushes it every 20 ms.
    expect(recorder.count(status('wait_code'))).toBe(1);
    expect(logger.lines.join('\n')).not.toContain('correct horse 7');
    // phoenix.js logs the socket URL; the token in it is masked.
    expect(logger.lines.join('\n')).not.toContain(instance.token);
    expect(logger.lines.join('\n')).toContain('?token=••••&vsn=2.0.0');
  });

  it('skips wait_password when the account has no two-step password', async () => {
    const instance = instanceWaitingForPhone();
    const { session, recorder } = open(instance.token);
    await recorder.next(status('wait_phone'));
    expect(await session.sendPhone('79990001122')).toEqual({ ok: true });
    expect(await session.sendCode('22222')).toEqual({ ok: true });
    await recorder.next(status('authorized'));
    expect(recorder.count(status('wait_password'))).toBe(0);
  });

  it('a bad phone gets the §4.2 error reply, worded with the field and the provider', async () => {
    const instance = instanceWaitingForPhone();
    const { session, recorder } = open(instance.token);
    await recorder.next(status('wait_phone'));
    const result = await session.sendPhone('12345');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      code: 'provider_validation',
      details: { provider: 'chatpush', operation: 'telegramSendPhone', status: 422, fields: [{ path: 'base', message: 'invalid phone' }] },
    });
    expect(result.error.message).toMatch(/^Chategy rejected the request as invalid \(422\) while sending the phone number for the Telegram login on .*: base invalid phone\.$/);
    expect(instance.tdlibSession).toBe(0);
  });

  it('reset goes back to wait_phone from authorized', async () => {
    const instance = instanceWaitingForPhone();
    instance.tdlibSession = 3;
    const { session, recorder } = open(instance.token);
    await recorder.next(status('authorized'));
    expect(await session.reset()).toEqual({ ok: true });
    await recorder.next(status('wait_phone'));
    expect(instance.tdlibSession).toBe(0);
  });

  it('reports Jetapi’s wait_qr_code (tdlib_session 4) and a command out of order in words', async () => {
    const instance = instanceWaitingForPhone();
    instance.tdlibSession = 4;
    const { session, recorder } = open(instance.token);
    await recorder.next(status('wait_qr_code'));
    const early = await session.sendPassword('anything');
    expect(early).toMatchObject({ ok: false, error: { details: { fields: [{ path: 'base', message: 'send_password is not expected in state wait_qr_code' }] } } });
  });

  it('a command after close() resolves with a cancelled error instead of hanging', async () => {
    const { session, recorder } = open(instanceWaitingForPhone().token);
    await recorder.next(joined);
    await session.close();
    expect(await session.sendPhone('79990001122')).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('a command sent while the socket is down is delivered after the automatic rejoin', async () => {
    const instance = instanceWaitingForPhone();
    const { session, recorder } = open(instance.token);
    await recorder.next(status('wait_phone'));
    sandbox.controls.chatpush.dropSockets({ kind: 'telegram', customerId: instance.customerId });
    await recorder.next((event) => event.type === 'connection' && event.state === 'reconnecting');
    expect(await session.sendPhone('79990001122')).toEqual({ ok: true });
    await recorder.next(status('wait_code'));
  });
});
