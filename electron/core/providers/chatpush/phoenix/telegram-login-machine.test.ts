import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppErrorShape } from '../../../../../shared/errors';
import { initialTelegramLoginState, reduceTelegramLogin, telegramLoginView, type TelegramLoginInput, type TelegramLoginState } from './telegram-login-machine';

const invalidCode: AppErrorShape = { code: 'provider_validation', message: 'Jetapi rejected the request as invalid (422): code invalid code.' };
const run = (inputs: TelegramLoginInput[], from: TelegramLoginState = initialTelegramLoginState) => inputs.reduce(reduceTelegramLogin, from);

describe('Telegram login state machine', () => {
  it('follows the TDLib states and offers each state’s command', () => {
    let state = run([{ type: 'connection', state: 'connecting' }]);
    expect(telegramLoginView(state).actions).toEqual(['cancel']);
    state = run([{ type: 'connection', state: 'joined' }, { type: 'status', status: 'wait_phone' }], state);
    expect(telegramLoginView(state)).toMatchObject({ phase: 'wait_phone', actions: ['send_phone', 'cancel'] });
    state = run([{ type: 'status', status: 'wait_code' }], state);
    expect(telegramLoginView(state).actions).toEqual(['send_code', 'reset', 'cancel']);
    state = run([{ type: 'status', status: 'wait_password' }], state);
    expect(telegramLoginView(state).actions).toEqual(['send_password', 'reset', 'cancel']);
    state = run([{ type: 'status', status: 'authorized' }, { type: 'connection', state: 'closed' }], state);
    expect(telegramLoginView(state)).toMatchObject({ phase: 'authorized', actions: ['reset', 'done'] });
  });

  it('one command at a time; a refusal is kept until the state moves on', () => {
    let state = run([{ type: 'status', status: 'wait_code' }, { type: 'command_sent', command: 'send_code' }]);
    expect(telegramLoginView(state)).toMatchObject({ busy: true, actions: ['cancel'] });
    state = run([{ type: 'command_result', command: 'send_code', result: { ok: false, error: invalidCode } }], state);
    expect(telegramLoginView(state)).toMatchObject({ busy: false, commandError: invalidCode, actions: ['send_code', 'reset', 'cancel'] });
    state = run([{ type: 'status', status: 'wait_code' }], state);
    expect(state.commandError).toBe(invalidCode);
    state = run([{ type: 'status', status: 'wait_password' }], state);
    expect(state.commandError).toBeNull();
  });

  it('Jetapi’s wait_qr_code still allows phone login or reset; an unknown state is shown as sent', () => {
    expect(telegramLoginView(run([{ type: 'status', status: 'wait_qr_code' }])).actions).toEqual(['send_phone', 'reset', 'cancel']);
    const unknown = telegramLoginView(run([{ type: 'status', status: 'unknown', raw: 'wait_registration' }]));
    expect(unknown).toMatchObject({ phase: 'unknown', actions: ['reset', 'cancel'] });
    expect(unknown.message).toContain('"wait_registration"');
  });

  it('reconnecting hides the commands and the rejoin restores the last known state', () => {
    const state = run([
      { type: 'status', status: 'wait_code' },
      { type: 'connection', state: 'reconnecting' },
    ]);
    expect(telegramLoginView(state).actions).toEqual(['cancel']);
    expect(run([{ type: 'connection', state: 'joined' }], state).phase).toBe('wait_code');
  });

  it('a fatal error is final', () => {
    const failed = run([{ type: 'error', problem: 'token_rejected', fatal: true, error: invalidCode }, { type: 'status', status: 'authorized' }]);
    expect(telegramLoginView(failed)).toMatchObject({ phase: 'failed', actions: ['retry', 'cancel'] });
  });

  const inputs: fc.Arbitrary<TelegramLoginInput> = fc.oneof(
    fc.constantFrom('connecting', 'joined', 'reconnecting', 'closed').map((state) => ({ type: 'connection' as const, state })),
    fc.constantFrom('wait_phone', 'wait_code', 'wait_password', 'authorized', 'wait_qr_code').map((status) => ({ type: 'status' as const, status })),
    fc.constantFrom('send_phone', 'send_code', 'send_password', 'reset').map((command) => ({ type: 'command_sent' as const, command })),
    fc.boolean().map((ok) => ({ type: 'command_result' as const, command: 'send_code' as const, result: ok ? { ok: true as const } : { ok: false as const, error: invalidCode } })),
  );

  it('invariants: while a command is pending no command is offered; every phase offers a way out', () => {
    fc.assert(
      fc.property(fc.array(inputs, { maxLength: 30 }), (sequence) => {
        const state = run(sequence);
        const view = telegramLoginView(state);
        if (view.busy) expect(view.actions.filter((a) => ['send_phone', 'send_code', 'send_password', 'reset'].includes(a))).toEqual([]);
        expect(view.actions.length).toBeGreaterThan(0);
      }),
    );
  });
});
