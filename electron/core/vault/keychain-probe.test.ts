import { describe, expect, it } from 'vitest';
import { keychainNameFor, probeKeychain } from './keychain-probe';
import { createFakeKeychain } from './fake-keychain';

// What glue/keychain.ts runs at start-up, with keytar replaced by fakes; the real keytar is in keychain-real.test.ts.
describe('probeKeychain', () => {
  it('names the keychain per platform', () => {
    expect(keychainNameFor('darwin')).toBe('macOS Keychain');
    expect(keychainNameFor('win32')).toBe('Windows Credential Manager');
    expect(keychainNameFor('linux')).toBe('libsecret (Secret Service)');
  });

  it('explains a missing keytar instead of crashing', async () => {
    const result = await probeKeychain(
      () => Promise.reject(Object.assign(new Error("Cannot find package 'keytar'"), { code: 'ERR_MODULE_NOT_FOUND' })),
      { platform: 'linux' },
    );
    expect(result).toEqual({ keychain: null, problem: { kind: 'keytar_missing', message: expect.stringMatching(/not installed/) }, name: 'libsecret (Secret Service)' });
  });

  it('explains a keytar built for another runtime', async () => {
    const result = await probeKeychain(() => Promise.reject(new Error('was compiled against a different Node.js version')));
    expect(result.keychain).toBeNull();
    expect(result.problem).toMatchObject({ kind: 'keytar_unloadable', message: expect.stringMatching(/could not be loaded/) });
  });

  it('turns a probe failure into plain words', async () => {
    const fake = createFakeKeychain();
    fake.failGet = new Error('The name org.freedesktop.secrets was not provided by any .service files');
    const result = await probeKeychain(async () => fake);
    expect(result.keychain).toBeNull();
    expect(result.problem).toEqual({ kind: 'no_secret_service', message: 'No Secret Service answered on D-Bus (is GNOME Keyring or KWallet running?).' });
  });

  it('gives up on a keychain that never answers', async () => {
    const hanging = { ...createFakeKeychain(), getPassword: () => new Promise<string | null>(() => {}) };
    const result = await probeKeychain(async () => hanging, { timeoutMs: 50, platform: 'darwin' });
    expect(result).toEqual({ keychain: null, problem: { kind: 'timeout', message: 'macOS Keychain did not answer in time.' }, name: 'macOS Keychain' });
  });

  it('returns a working keychain, whether keytar arrives as a namespace or as a default export', async () => {
    for (const shape of ['namespace', 'default', 'node-esm'] as const) {
      const fake = createFakeKeychain();
      // Node's ESM loader exposes keytar as `default` plus only the named exports its CJS lexer finds.
      const module = shape === 'default' ? { default: fake } : shape === 'node-esm' ? { default: fake, getPassword: fake.getPassword } : fake;
      const result = await probeKeychain(async () => module);
      expect(result.problem).toBeNull();
      await result.keychain!.setPassword('s', 'a', 'v');
      expect(await result.keychain!.getPassword('s', 'a')).toBe('v');
      expect(await result.keychain!.deletePassword('s', 'a')).toBe(true);
    }
  });
});
