import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Redactor } from '../redactor';
import { DATA_KEY_ACCOUNT } from './data-key';
import { createVault } from './index';
import { describeKeychainFailure } from './keychain-problem';
import { probeKeychain } from './keychain-probe';

/**
 * The vault against real keytar and a real Secret Service (gnome-keyring under scripts/with-keyring.sh).
 * A service name of its own, removed afterwards, so a developer's real keyring is never touched beyond it.
 *
 * keytar is loaded exactly as glue/keychain.ts's loadKeychain() does (probeKeychain with `import('keytar')`);
 * core may not import glue (electron/architecture.test.ts), so the one-line import is repeated here.
 */
const loadKeychain = (options: { timeoutMs?: number }) => probeKeychain(() => import('keytar'), options);
const service = `Switchboard-test-${process.pid}-${Date.now()}`;
const loaded = await loadKeychain({ timeoutMs: 15_000 });

// The start-up probe only reads; a keyring can answer reads and still refuse writes (locked, no collection).
let unusable: string | null = loaded.keychain ? null : (loaded.problem?.message ?? null);
if (loaded.keychain) {
  try {
    await loaded.keychain.setPassword(service, 'write-probe', 'probe');
    if ((await loaded.keychain.getPassword(service, 'write-probe')) !== 'probe') unusable = 'the keychain did not give back what was stored.';
    await loaded.keychain.deletePassword(service, 'write-probe');
  } catch (error) {
    unusable = describeKeychainFailure(loaded.name, error).message;
  }
}
const reason = unusable && `no usable Secret Service (${unusable}) Run: bash scripts/with-keyring.sh npx vitest run electron/core/vault`;
const title = 'vault with real keytar and a real Secret Service';

// Skipping is for a developer's plain `npx vitest run`; under CI or scripts/with-keyring.sh (which `npm test` uses)
// a missing keychain is a failure, so the suite cannot go green without having exercised it.
const required = process.env.CI ? 'CI is set' : process.env.SWITCHBOARD_REQUIRE_KEYCHAIN ? 'SWITCHBOARD_REQUIRE_KEYCHAIN is set (scripts/with-keyring.sh)' : null;

if (reason && required) {
  describe(title, () => {
    it('needs a reachable Secret Service under CI and scripts/with-keyring.sh', () => {
      throw new Error(`${required} but there is ${reason}. Install dbus and gnome-keyring (apt-get install dbus gnome-keyring libsecret-1-dev).`);
    });
  });
} else {
  if (reason) console.warn(`[keychain-real.test] skipped: ${reason}`);
  describe.skipIf(Boolean(reason))(reason ? `${title} (skipped: ${reason})` : title, () => {
    const keychain = loaded.keychain!;
    let dir = '';
    afterAll(async () => {
      await keychain.deletePassword(service, DATA_KEY_ACCOUNT).catch(() => false);
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    const vaultAt = (file: string, from = loaded) =>
      createVault({
        file,
        keychain: from.keychain,
        keychainProblem: from.problem,
        keychainName: from.name,
        redactor: new Redactor(),
        keychainService: service,
        scrypt: { N: 1024, r: 8, p: 1 },
      });

    it('keeps the data key in the keychain, and a reopened vault (new keytar load) reads it', async () => {
      dir = await mkdtemp(join(tmpdir(), 'switchboard-vault-real-'));
      const file = join(dir, 'vault.json');
      const vault = vaultAt(file);
      expect(await vault.open()).toMatchObject({ state: 'ready', mode: 'keychain', keychainProblem: null });
      await vault.set({ 'account:real:apiKey': 'real-keychain-secret-0001' });

      const stored = await keychain.getPassword(service, DATA_KEY_ACCOUNT);
      expect(stored).not.toBeNull();
      expect(Buffer.from(stored!, 'base64')).toHaveLength(32);
      const bytes = await readFile(file, 'utf8');
      expect(bytes).not.toContain(stored!);
      expect(bytes).not.toContain('real-keychain-secret-0001');

      const reloaded = await loadKeychain({ timeoutMs: 15_000 });
      expect(reloaded.problem).toBeNull();
      const again = vaultAt(file, reloaded);
      expect((await again.open()).state).toBe('ready');
      expect(again.get('account:real:apiKey')).toBe('real-keychain-secret-0001');
    });

    it('reports key_missing once the key is removed from the keychain', async () => {
      const file = join(dir, 'vault.json');
      expect(await keychain.deletePassword(service, DATA_KEY_ACCOUNT)).toBe(true);
      const vault = vaultAt(file);
      expect((await vault.open()).state).toBe('key_missing');
      const status = await vault.startFresh();
      expect(status.state).toBe('ready');
      expect(status.quarantined).toHaveLength(1);
      expect(await keychain.getPassword(service, DATA_KEY_ACCOUNT)).not.toBeNull();
    });
  });
}
