import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../app-error';
import { Redactor } from '../redactor';
import { createFakeKeychain } from './fake-keychain';
import { createVault } from './index';

// rename is the commit point of an atomic write; making it fail once stands in for a crash just before it.
const failRename = vi.hoisted(() => ({ next: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      if (failRename.next) {
        failRename.next = false;
        throw Object.assign(new Error('simulated crash before rename'), { code: 'EIO' });
      }
      return actual.rename(from, to);
    },
  };
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-vault-crash-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a write interrupted before its rename', () => {
  it('leaves the previous file, the in-memory state and the next open all on the previous version', async () => {
    const file = join(dir, 'vault.json');
    const keychain = createFakeKeychain();
    const options = { file, keychain, keychainProblem: null, keychainName: 'Test Keychain', redactor: new Redactor() };
    const vault = createVault(options);
    await vault.open();
    await vault.set({ a: 'before-crash-1' });
    const before = await readFile(file, 'utf8');

    failRename.next = true;
    const error = await vault.set({ a: 'lost-in-crash-2', b: 'lost-in-crash-3' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('internal');
    expect((error as AppError).message).not.toContain('lost-in-crash');

    expect(await readFile(file, 'utf8')).toBe(before);
    expect(vault.get('a')).toBe('before-crash-1');
    expect(vault.ids()).toEqual(['a']);
    expect(await readdir(dir)).toEqual(['vault.json']);

    // The queue is not stuck after a failed write.
    await vault.set({ c: 'after-crash-4' });
    const again = createVault({ ...options, redactor: new Redactor() });
    await again.open();
    expect(again.get('a')).toBe('before-crash-1');
    expect(again.get('b')).toBeUndefined();
    expect(again.get('c')).toBe('after-crash-4');
  });
});
