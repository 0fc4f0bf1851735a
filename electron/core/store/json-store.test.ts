import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJsonStore } from './json-store';

describe('plain settings store', () => {
  it('round-trips values across reopen', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-store-'));
    openJsonStore(dir).store.set('settings', { theme: 'dark' });
    expect(openJsonStore(dir).store.get('settings')).toEqual({ theme: 'dark' });
  });

  it('moves a corrupt file aside, reports it and starts empty instead of crashing or resetting it in place', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-store-'));
    const corrupt = '{"accounts": [ {"id": "a", "name": "half-writ';
    writeFileSync(join(dir, 'settings.json'), corrupt);
    const { store, quarantined } = openJsonStore(dir);
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]!.cause).toEqual({ kind: 'not_json' });
    expect(quarantined[0]!.movedTo).toMatch(/settings\.json\.corrupt-/);
    expect(readFileSync(quarantined[0]!.movedTo, 'utf8')).toBe(corrupt);
    expect(store.get('accounts')).toBeUndefined();
    store.set('x', 1);
    expect(readdirSync(dir).filter((f) => f.includes('corrupt'))).toHaveLength(1);
  });
});
