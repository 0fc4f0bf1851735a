import { describe, expect, it } from 'vitest';
import type { QuarantinedFile } from '../../shared/vault';
import { createTranslator } from '../i18n/translate';
import { keychainProblemText, quarantineReasonText } from './vault-words';

const en = createTranslator('en');
const ru = createTranslator('ru');

describe('keychainProblemText', () => {
  it('words each kind in the user’s language, with the keychain’s name and its own words where it gave some', () => {
    const name = 'libsecret (Secret Service)';
    expect(keychainProblemText({ kind: 'timeout', message: 'x did not answer in time.' }, name, ru)).toBe('libsecret (Secret Service): хранилище не ответило вовремя.');
    expect(keychainProblemText({ kind: 'no_secret_service', message: 'English' }, name, ru)).toMatch(/^По D-Bus не ответила ни одна служба Secret Service/);
    expect(keychainProblemText({ kind: 'refused', detail: 'org.freedesktop.DBus.Error.AccessDenied', message: 'English' }, name, ru)).toBe(
      'libsecret (Secret Service): хранилище отклонило запрос (org.freedesktop.DBus.Error.AccessDenied).',
    );
    expect(keychainProblemText({ kind: 'refused', message: 'English' }, 'macOS Keychain', en)).toBe('macOS Keychain refused the request (no reason given).');
  });
});

describe('quarantineReasonText', () => {
  const moved = (cause: QuarantinedFile['cause']): QuarantinedFile => ({ file: '/data/vault.json', movedTo: '/data/vault.json.corrupt-1', reason: 'English reason', cause, at: '2026-11-22T00:00:00.000Z' });

  it('words each cause in the user’s language, with its version, path or the problem that led to a fresh start', () => {
    expect(quarantineReasonText(moved({ kind: 'not_json' }), ru)).toBe('Файл не является корректным JSON (возможно, он обрезан или изменён вручную).');
    expect(quarantineReasonText(moved({ kind: 'newer_version', version: 3 }), ru)).toBe('Файл записан более новой версией Switchboard (версия формата 3).');
    expect(quarantineReasonText(moved({ kind: 'wrong_format', path: 'entries.a' }), en)).toBe('The file is not in the expected format at “entries.a”.');
    expect(quarantineReasonText(moved({ kind: 'start_fresh' }), ru)).toBe('Перемещён командой «Начать заново»: парольной фразы не было.');
    expect(quarantineReasonText(moved({ kind: 'start_fresh', code: 'vault_key_missing' }), ru)).toMatch(/^Перемещён командой «Начать заново»\. .+/);
    expect(quarantineReasonText(moved({ kind: 'start_fresh', code: 'vault_key_missing' }), ru)).not.toContain('English');
  });
});
