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

  it('gives each field problem a code and params: the shared table\'s own codes and zod\'s, with the English kept', async () => {
    const dispatch = dispatcherWith({});
    const draft = {
      provider: 'greenapi',
      name: '  ',
      instances: [
        { id: 'a', label: 'x'.repeat(81), idInstance: '12ab', apiTokenInstance: '', apiUrl: 'http://api.example.com', mediaUrl: 'ftp://media.example.com' },
      ],
    };
    const result = await dispatch('accounts.create', { draft }, trusted);
    const fields = result.ok ? [] : (result.error.details?.fields ?? []);
    const byPath = Object.fromEntries(fields.map((field) => [field.path, field]));
    expect(byPath['draft.name']).toEqual({ path: 'draft.name', code: 'account_name', message: 'Give the account a name' });
    expect(byPath['draft.instances.0.idInstance']).toMatchObject({ code: 'id_instance', message: 'idInstance is 1 to 10 digits' });
    expect(byPath['draft.instances.0.apiTokenInstance']).toMatchObject({ code: 'required', message: 'Required' });
    expect(byPath['draft.instances.0.apiUrl']).toMatchObject({
      code: 'url_insecure',
      params: { secure: 'https://', plain: 'http://', reason: 'insecure_scheme' },
      message: 'Use https:// (plain http:// is allowed only for loopback addresses)',
    });
    expect(byPath['draft.instances.0.mediaUrl']).toMatchObject({ code: 'url_wrong_scheme', params: { secure: 'https://' } });
    expect(byPath['draft.instances.0.label']).toMatchObject({ code: 'too_big', params: { origin: 'string', maximum: 80, inclusive: true } });
    // The table's code travels in `code`, never as a param.
    expect(fields.some((field) => field.params && 'fieldProblem' in field.params)).toBe(false);

    const empty = await dispatch('accounts.create', { draft: { provider: 'greenapi', name: 'Fleet', instances: [] } }, trusted);
    expect(empty.ok === false && empty.error.details?.fields).toEqual([
      { path: 'draft.instances', code: 'at_least_one_instance', message: 'Add at least one instance' },
    ]);
  });

  it('tells a missing value from a wrong one, and reports sizes with their figures', async () => {
    const dispatch = dispatcherWith({});
    const missing = await dispatch('accounts.remove', {}, trusted);
    expect(missing.ok === false && missing.error.details?.fields?.[0]).toMatchObject({ path: 'id', code: 'invalid_type', params: { expected: 'string', received: 'undefined' } });
    const wrong = await dispatch('accounts.remove', { id: 42 }, trusted);
    expect(wrong.ok === false && wrong.error.details?.fields?.[0]).toEqual({ path: 'id', code: 'invalid_type', params: { expected: 'string' }, message: expect.any(String) });
    const short = await dispatch('accounts.remove', { id: '' }, trusted);
    expect(short.ok === false && short.error.details?.fields?.[0]).toMatchObject({ code: 'too_small', params: { origin: 'string', minimum: 1 } });
    const many = await dispatch('deliveries.bulkLookup', { accountId: 'a', tokenId: 't', ids: Array.from({ length: 10_001 }, (_, i) => i + 1) }, trusted);
    expect(many.ok === false && many.error.details?.fields?.find((field) => field.path === 'ids')).toMatchObject({ code: 'delivery_ids_too_many', params: { maximum: expect.any(Number) } });
  });

  it('redacts secrets from field messages and params', async () => {
    const dispatch = dispatcherWith({});
    const result = await dispatch('accounts.remove', { id: 'x', 'canary-secret-123456': true }, trusted);
    const field = result.ok ? undefined : result.error.details?.fields?.[0];
    expect(field).toMatchObject({ code: 'unrecognized_keys' });
    expect(JSON.stringify(result)).not.toContain('canary-secret-123456');
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
