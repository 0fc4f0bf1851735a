import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error';
import { silentLogger } from '../log';
import { Redactor } from '../redactor';
import { createDispatcher, type Handlers } from './dispatcher';

const trusted = { trusted: true } as const;

function dispatcherWith(overrides: Partial<Handlers>) {
  const redactor = new Redactor();
  redactor.add('canary-secret-123456');
  return createDispatcher(overrides as Handlers, { log: silentLogger, redactor });
}

describe('dispatcher', () => {
  it('refuses an untrusted sender before looking at the call', async () => {
    let ran = false;
    const dispatch = dispatcherWith({ 'settings.get': () => ((ran = true), { theme: 'dark', locale: 'en', demoDismissed: false }) });
    const result = await dispatch('settings.get', {}, { trusted: false, reason: 'sub-frame' });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden_sender' }) });
    expect(ran).toBe(false);
  });

  it('refuses unknown calls, including prototype names', async () => {
    const dispatch = dispatcherWith({});
    for (const name of ['nope.call', 'constructor', '__proto__', 'toString']) {
      const result = await dispatch(name, {}, trusted);
      expect(result.ok === false && result.error.code).toBe('unknown_call');
    }
  });

  it('returns invalid_input with field paths for malformed input, and never runs the handler', async () => {
    let ran = false;
    const dispatch = dispatcherWith({ 'accounts.remove': () => ((ran = true), { done: true as const }) });
    const result = await dispatch('accounts.remove', { id: 42 }, trusted);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.details?.fields?.[0]?.path).toBe('id');
    }
    expect((await dispatch('accounts.remove', 'not an object', trusted)).ok).toBe(false);
    expect(ran).toBe(false);
  });

  it('passes typed AppErrors through and hides unexpected ones', async () => {
    const dispatch = dispatcherWith({
      'accounts.remove': () => {
        throw new AppError('not_found', 'That account no longer exists.');
      },
      'accounts.list': () => {
        throw new Error('boom with canary-secret-123456 inside');
      },
    });
    const known = await dispatch('accounts.remove', { id: 'x' }, trusted);
    expect(known).toEqual({ ok: false, error: { code: 'not_found', message: 'That account no longer exists.' } });
    const unknown = await dispatch('accounts.list', {}, trusted);
    expect(unknown.ok === false && unknown.error.code).toBe('internal');
    expect(JSON.stringify(unknown)).not.toContain('canary-secret-123456');
  });

  it('strips fields the output schema does not declare', async () => {
    const dispatch = dispatcherWith({
      'settings.get': () => ({ theme: 'dark', locale: 'ru', demoDismissed: false, apiKey: 'leak' }) as never,
    });
    const result = await dispatch('settings.get', {}, trusted);
    expect(result).toEqual({ ok: true, value: { theme: 'dark', locale: 'ru', demoDismissed: false } });
  });

  it('refuses to return a value outside the output schema', async () => {
    const dispatch = dispatcherWith({ 'settings.get': () => ({ theme: 'purple' }) as never });
    const result = await dispatch('settings.get', {}, trusted);
    expect(result.ok === false && result.error.code).toBe('internal');
  });
});
