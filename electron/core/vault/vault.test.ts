import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VaultStatusSchema, type QuarantineCause, type VaultStatus } from '../../../shared/vault';
import { AppError } from '../app-error';
import { Redactor } from '../redactor';
import { DATA_KEY_ACCOUNT } from './data-key';
import { createFakeKeychain, type FakeKeychain } from './fake-keychain';
import { keychainProblem } from './keychain-problem';
import { createVault, type VaultOptions } from './index';

// Small N keeps the suite fast; production uses 2**17.
const SCRYPT = { N: 1024, r: 8, p: 1 };
const PASSPHRASE = 'correct horse battery staple';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-vault-'));
  file = join(dir, 'vault.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function make(options: Partial<VaultOptions> = {}) {
  const redactor = options.redactor ?? new Redactor();
  const vault = createVault({
    file,
    keychain: null,
    keychainProblem: null,
    keychainName: 'Test Keychain',
    redactor,
    scrypt: SCRYPT,
    ...options,
  });
  return { vault, redactor };
}

async function keychainVault(keychain: FakeKeychain = createFakeKeychain(), redactor = new Redactor()) {
  const made = make({ keychain, redactor });
  await made.vault.open();
  return { ...made, keychain };
}

async function appError(action: () => unknown): Promise<AppError> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError, but nothing was thrown');
}

type Doc = {
  mode: string;
  kdf?: { salt: string; N: number; r: number; p: number };
  check?: { iv: string; tag: string; data: string };
  entries: Record<string, { iv: string; tag: string; data: string }>;
};
const readDoc = async (): Promise<Doc> => JSON.parse(await readFile(file, 'utf8'));
const writeDoc = (doc: unknown) => writeFile(file, JSON.stringify(doc, null, 2));
const flip = (b64: string, index = 0) => {
  const bytes = Buffer.from(b64, 'base64');
  bytes[index] = bytes[index]! ^ 0x01;
  return bytes.toString('base64');
};
const listDir = () => readdir(dir);

describe('keychain mode', () => {
  it('creates a vault whose data key lives in the keychain and round-trips secrets across reopen', async () => {
    const { vault, keychain } = await keychainVault();
    expect(vault.status()).toMatchObject({ state: 'ready', mode: 'keychain', keychainProblem: null, keychainName: 'Test Keychain' });
    expect(VaultStatusSchema.safeParse(vault.status()).success).toBe(true);

    const stored = await keychain.getPassword('Switchboard', DATA_KEY_ACCOUNT);
    expect(Buffer.from(stored!, 'base64')).toHaveLength(32);

    await vault.set({ 'account:1:apiKey': 'key-one-1234567', 'account:2:apiKey': 'key-two-7654321' });
    expect(vault.get('account:1:apiKey')).toBe('key-one-1234567');
    await vault.delete(['account:1:apiKey', 'never-stored']);
    expect(vault.get('account:1:apiKey')).toBeUndefined();
    expect(vault.ids()).toEqual(['account:2:apiKey']);

    const again = make({ keychain });
    expect((await again.vault.open()).state).toBe('ready');
    expect(again.vault.ids()).toEqual(['account:2:apiKey']);
    expect(again.vault.get('account:2:apiKey')).toBe('key-two-7654321');
    expect((await readDoc()).mode).toBe('keychain');
  });

  it('uses the service name it is given', async () => {
    const keychain = createFakeKeychain();
    const { vault } = make({ keychain, keychainService: 'Switchboard-test' });
    await vault.open();
    expect(await keychain.getPassword('Switchboard-test', DATA_KEY_ACCOUNT)).not.toBeNull();
    expect(await keychain.getPassword('Switchboard', DATA_KEY_ACCOUNT)).toBeNull();
  });

  it('overwrites a value in place and treats empty batches as no-ops', async () => {
    const { vault } = await keychainVault();
    await vault.set({ a: 'first-value-123' });
    await vault.set({ a: 'second-value-456' });
    await vault.set({});
    await vault.delete([]);
    expect(vault.get('a')).toBe('second-value-456');
    expect(vault.ids()).toEqual(['a']);
  });

  it('refuses empty values and unusable ids', async () => {
    const { vault } = await keychainVault();
    expect((await appError(() => vault.set({ a: '' }))).code).toBe('invalid_input');
    expect((await appError(() => vault.set({ '': 'value-123456' }))).code).toBe('invalid_input');
    expect((await appError(() => vault.set(JSON.parse('{"__proto__":"value-123456"}')))).code).toBe('invalid_input');
  });

  it('never writes a secret, or the data key, to the file in plaintext (canary)', async () => {
    const { vault, keychain } = await keychainVault();
    const canary = 'CANARY-7f3a9c1e-do-not-leak';
    await vault.set({ canary, other: `prefix-${canary}-suffix` });
    const bytes = await readFile(file);
    for (const needle of [canary, Buffer.from(canary).toString('base64'), Buffer.from(canary).toString('hex')]) {
      expect(bytes.includes(Buffer.from(needle))).toBe(false);
    }
    const key = (await keychain.getPassword('Switchboard', DATA_KEY_ACCOUNT))!;
    expect(bytes.includes(Buffer.from(key))).toBe(false);
  });

  it('gives every entry its own IV, even for equal values', async () => {
    const { vault } = await keychainVault();
    await vault.set({ a: 'same-value-123', b: 'same-value-123' });
    const { entries } = await readDoc();
    expect(entries.a!.iv).not.toBe(entries.b!.iv);
    expect(entries.a!.data).not.toBe(entries.b!.data);
  });
});

describe('redactor', () => {
  it('receives every secret stored and loaded, and forgets deleted ones unless another entry holds them', async () => {
    const { vault, redactor, keychain } = await keychainVault();
    await vault.set({ a: 'token-aaaaaaaa', b: 'token-bbbbbbbb', c: 'token-bbbbbbbb' });
    expect(redactor.redact('a=token-aaaaaaaa b=token-bbbbbbbb')).toBe('a=•••• b=••••');

    await vault.delete(['a', 'b']);
    expect(redactor.redact('token-aaaaaaaa')).toBe('token-aaaaaaaa');
    expect(redactor.redact('token-bbbbbbbb')).toBe('••••'); // still held by c

    await vault.set({ c: 'token-cccccccc' });
    expect(redactor.redact('token-bbbbbbbb')).toBe('token-bbbbbbbb'); // overwritten, held by nothing

    const fresh = new Redactor();
    await keychainVault(keychain, fresh);
    expect(fresh.redact('x token-cccccccc y')).toBe('x •••• y');
  });

  it('masks the passphrase once it is set or accepted', async () => {
    const { vault, redactor } = make();
    await vault.open();
    await vault.setUpPassphrase(PASSPHRASE);
    expect(redactor.redact(`typed ${PASSPHRASE}`)).toBe('typed ••••');
  });
});

describe('tamper detection', () => {
  async function twoEntries() {
    const keychain = createFakeKeychain();
    const { vault } = await keychainVault(keychain);
    await vault.set({ first: 'first-secret-111', second: 'second-secret-222' });
    return keychain;
  }

  for (const field of ['data', 'tag', 'iv'] as const) {
    it(`names an entry whose ${field} was flipped, keeps it, and still serves the others`, async () => {
      const keychain = await twoEntries();
      const doc = await readDoc();
      doc.entries.first![field] = flip(doc.entries.first![field]);
      await writeDoc(doc);

      const { vault } = make({ keychain });
      expect((await vault.open()).state).toBe('ready');
      const error = await appError(() => vault.get('first'));
      expect(error.code).toBe('vault_tampered');
      expect(error.message).toContain('"first"');
      expect(error.message).not.toContain('first-secret-111');
      expect(vault.get('second')).toBe('second-secret-222');
      expect(vault.ids()).toContain('first');

      // Not silently dropped: another write carries the damaged box along untouched…
      await vault.set({ third: 'third-secret-333' });
      expect((await readDoc()).entries.first![field]).toBe(doc.entries.first![field]);
      // …and entering the secret again repairs it.
      await vault.set({ first: 'first-secret-new' });
      expect(vault.get('first')).toBe('first-secret-new');
    });
  }

  it('detects two entries whose ciphertexts were swapped (the id is bound as AAD)', async () => {
    const keychain = await twoEntries();
    const doc = await readDoc();
    [doc.entries.first, doc.entries.second] = [doc.entries.second!, doc.entries.first!];
    await writeDoc(doc);

    const { vault } = make({ keychain });
    await vault.open();
    expect((await appError(() => vault.get('first'))).code).toBe('vault_tampered');
    expect((await appError(() => vault.get('second'))).code).toBe('vault_tampered');
  });

  it('detects an entry cut short (a tag that is not 16 bytes)', async () => {
    const keychain = await twoEntries();
    const doc = await readDoc();
    doc.entries.first!.tag = Buffer.from(doc.entries.first!.tag, 'base64').subarray(0, 4).toString('base64');
    await writeDoc(doc);
    const { vault } = make({ keychain });
    await vault.open();
    expect((await appError(() => vault.get('first'))).code).toBe('vault_tampered');
  });

  const headerEdits: Array<[string, (doc: Doc) => void, 'keychain' | 'passphrase']> = [
    ['mode changed to passphrase', (doc) => (doc.mode = 'passphrase'), 'keychain'],
    ['mode changed to keychain', (doc) => (doc.mode = 'keychain'), 'passphrase'],
    ['check value flipped', (doc) => (doc.check!.data = flip(doc.check!.data)), 'keychain'],
    ['check value removed', (doc) => delete doc.check, 'passphrase'],
    ['kdf salt edited', (doc) => (doc.kdf!.salt = flip(doc.kdf!.salt)), 'passphrase'],
    ['kdf N lowered', (doc) => (doc.kdf!.N = 16), 'passphrase'],
    ['kdf added to a keychain vault', (doc) => (doc.kdf = { salt: 'AAAAAAAAAAAAAAAAAAAAAA==', N: 1024, r: 8, p: 1 }), 'keychain'],
  ];
  for (const [what, edit, mode] of headerEdits) {
    it(`reports a header edit (${what}) as tampering, sets the file aside and does not reset it`, async () => {
      const keychain = createFakeKeychain();
      if (mode === 'keychain') {
        const { vault } = await keychainVault(keychain);
        await vault.set({ a: 'value-aaaaaaa' });
      } else {
        const { vault } = make();
        await vault.open();
        await vault.setUpPassphrase(PASSPHRASE);
        await vault.set({ a: 'value-aaaaaaa' });
      }
      const doc = await readDoc();
      edit(doc);
      await writeDoc(doc);
      const edited = await readFile(file, 'utf8');

      const { vault } = make({ keychain: mode === 'keychain' ? keychain : null });
      const status = await vault.open();
      expect(status.state).toBe('corrupt');
      expect(status.quarantined).toHaveLength(1);
      expect(status.quarantined[0]!).toMatchObject({ reason: expect.stringMatching(/cannot be trusted/), cause: { kind: 'untrusted' } });
      expect(await readFile(status.quarantined[0]!.movedTo, 'utf8')).toBe(edited);
      const error = await appError(() => vault.get('a'));
      expect(error.code).toBe('vault_tampered');
    });
  }
});

describe('passphrase mode', () => {
  const problem = keychainProblem('no_secret_service', 'Test Keychain');

  it('asks for a passphrase when there is no keychain, and explains why', async () => {
    const { vault } = make({ keychainProblem: problem });
    const status = await vault.open();
    expect(status).toMatchObject({ state: 'needs_passphrase', mode: null, keychainProblem: problem });
    expect((await appError(() => vault.get('a'))).code).toBe('vault_not_set_up');
    expect((await appError(() => vault.ids())).code).toBe('vault_not_set_up');
    expect((await appError(() => vault.set({ a: 'value-123456' }))).code).toBe('vault_not_set_up');
    expect((await listDir())).toEqual([]); // nothing written until a passphrase exists: no plaintext, no default key
  });

  it('refuses a too-short passphrase, then sets up, locks on reopen, rejects a wrong passphrase and opens with the right one', async () => {
    const { vault } = make({ keychainProblem: problem });
    await vault.open();
    const short = await appError(() => vault.setUpPassphrase('short'));
    expect(short.code).toBe('invalid_input');
    expect(short.message).not.toContain('short"');

    expect(await vault.setUpPassphrase(PASSPHRASE)).toMatchObject({ state: 'ready', mode: 'passphrase' });
    await vault.set({ token: 'passphrase-protected-1' });
    const doc = await readDoc();
    expect(doc).toMatchObject({ version: 1, mode: 'passphrase', kdf: { N: 1024, r: 8, p: 1 } });
    expect(Buffer.from(doc.kdf!.salt, 'base64').length).toBeGreaterThanOrEqual(16);

    const again = make({ keychainProblem: problem });
    expect(await again.vault.open()).toMatchObject({ state: 'locked', mode: 'passphrase' });
    expect((await appError(() => again.vault.get('token'))).code).toBe('vault_locked');

    const wrong = await appError(() => again.vault.unlock('not the passphrase at all'));
    expect(wrong.code).toBe('vault_wrong_passphrase');
    expect(wrong.message).not.toContain('not the passphrase');
    expect(again.vault.status().state).toBe('locked');

    expect((await again.vault.unlock(PASSPHRASE)).state).toBe('ready');
    expect(again.vault.get('token')).toBe('passphrase-protected-1');
    expect((await again.vault.unlock(PASSPHRASE)).state).toBe('ready'); // a second unlock is harmless
  });

  it('keeps a passphrase vault in passphrase mode even when a keychain answers later', async () => {
    const { vault } = make();
    await vault.open();
    await vault.setUpPassphrase(PASSPHRASE);
    const keychain = createFakeKeychain();
    const again = make({ keychain });
    expect(await again.vault.open()).toMatchObject({ state: 'locked', mode: 'passphrase', keychainProblem: null });
    expect(keychain.items.size).toBe(0);
  });

  it('falls back to a passphrase when the keychain throws on its first call', async () => {
    const keychain = createFakeKeychain();
    keychain.failGet = new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
    const { vault } = make({ keychain });
    const status = await vault.open();
    expect(status.state).toBe('needs_passphrase');
    expect(status.keychainProblem).toMatchObject({ kind: 'no_session_bus', message: expect.stringMatching(/D-Bus/) });
    expect(await listDir()).toEqual([]);
  });

  it('falls back to a passphrase when the keychain reads but refuses to store (locked keyring)', async () => {
    const keychain = createFakeKeychain();
    keychain.failSet = new Error('Object does not exist at path “/org/freedesktop/secrets/collection/login”');
    const { vault } = make({ keychain });
    const status = await vault.open();
    expect(status.state).toBe('needs_passphrase');
    expect(status.keychainProblem).toMatchObject({ kind: 'locked', message: expect.stringMatching(/locked or has no default keyring/) });
    await vault.setUpPassphrase(PASSPHRASE);
    expect(vault.status()).toMatchObject({ state: 'ready', mode: 'passphrase' });
  });

  it('lets a user who forgot the passphrase start fresh, keeping the old vault aside', async () => {
    const { vault } = make({ keychainProblem: keychainProblem('unusable', 'Test Keychain') });
    await vault.open();
    await vault.setUpPassphrase(PASSPHRASE);
    await vault.set({ token: 'forgotten-secret-1' });
    const again = make({ keychainProblem: keychainProblem('unusable', 'Test Keychain') });
    expect((await again.vault.open()).state).toBe('locked');
    const status = await again.vault.startFresh();
    expect(status.state).toBe('needs_passphrase');
    expect(status.quarantined).toHaveLength(1);
    expect(status.quarantined[0]!.cause).toEqual({ kind: 'start_fresh' });
    const kept = await readFile(status.quarantined[0]!.movedTo, 'utf8');
    expect(JSON.parse(kept).entries).toHaveProperty('token');
  });

  it('refuses operations that do not fit the state', async () => {
    const { vault } = make();
    await vault.open();
    expect((await appError(() => vault.unlock(PASSPHRASE))).code).toBe('conflict');
    expect((await appError(() => vault.startFresh())).code).toBe('conflict');
    await vault.setUpPassphrase(PASSPHRASE);
    expect((await appError(() => vault.setUpPassphrase(PASSPHRASE))).code).toBe('conflict');
    expect((await appError(() => vault.startFresh())).code).toBe('conflict');
  });

  it('refuses reads before open()', async () => {
    const { vault } = make();
    expect(vault.status().state).toBe('locked');
    expect((await appError(() => vault.get('a'))).code).toBe('vault_locked');
  });
});

describe('corrupt files', () => {
  const cases: Array<[string, string, QuarantineCause]> = [
    ['not JSON', '{"version":1,"mode":"keychain","entr', { kind: 'not_json' }],
    ['empty', '', { kind: 'empty' }],
    ['JSON of the wrong shape', JSON.stringify({ version: 1, mode: 'plaintext', entries: {} }), { kind: 'wrong_format', path: 'mode' }],
    ['entries that are not boxes', JSON.stringify({ version: 1, mode: 'keychain', entries: { a: 'plain secret' } }), { kind: 'wrong_format', path: 'entries.a' }],
    ['a newer format', JSON.stringify({ version: 2, mode: 'keychain', entries: {} }), { kind: 'newer_version', version: 2 }],
  ];
  for (const [what, content, cause] of cases) {
    it(`sets aside a file that is ${what}, reports it, and does not reset it`, async () => {
      await writeFile(file, content);
      const keychain = createFakeKeychain();
      const { vault } = make({ keychain });
      const status = await vault.open();
      expect(status.state).toBe('corrupt');
      expect(status.quarantined).toHaveLength(1);
      const [moved] = status.quarantined;
      expect(moved!.file).toBe(file);
      expect(moved!.movedTo).toMatch(/vault\.json\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/);
      expect(moved!.reason.length).toBeGreaterThan(10);
      expect(moved!.cause).toEqual(cause);
      expect(await readFile(moved!.movedTo, 'utf8')).toBe(content);
      expect(await listDir()).toEqual([moved!.movedTo.slice(dir.length + 1)]);
      expect((await appError(() => vault.get('a'))).code).toBe('vault_corrupt');

      // Opening again must not quietly make a new vault where the old one was.
      expect((await vault.open()).state).toBe('corrupt');
      expect(await listDir()).toHaveLength(1);
    });
  }

  it('starts fresh from corrupt, leaving the set-aside file in place', async () => {
    await writeFile(file, 'garbage');
    const keychain = createFakeKeychain();
    const changes: VaultStatus[] = [];
    const { vault } = make({ keychain });
    vault.onChange((status) => changes.push(status));
    const { quarantined } = await vault.open();
    const status = await vault.startFresh();
    expect(status).toMatchObject({ state: 'ready', mode: 'keychain' });
    expect(status.quarantined).toEqual(quarantined);
    expect(await readFile(quarantined[0]!.movedTo, 'utf8')).toBe('garbage');
    await vault.set({ a: 'fresh-value-123' });
    expect(vault.get('a')).toBe('fresh-value-123');
    expect(changes.map((c) => c.state)).toEqual(['corrupt', 'ready']);
  });

  it('starts fresh into needs_passphrase when there is no keychain', async () => {
    await writeFile(file, 'garbage');
    const { vault } = make();
    await vault.open();
    expect((await vault.startFresh()).state).toBe('needs_passphrase');
    await vault.setUpPassphrase(PASSPHRASE);
    expect(vault.status().state).toBe('ready');
  });
});

describe('missing key', () => {
  it('reports key_missing when the keychain no longer has the key, leaves the file alone, and starts fresh on request', async () => {
    const { vault, keychain } = await keychainVault();
    await vault.set({ a: 'value-aaaaaaa' });
    const before = await readFile(file, 'utf8');
    keychain.items.clear();

    const again = make({ keychain });
    expect(await again.vault.open()).toMatchObject({ state: 'key_missing', mode: 'keychain', quarantined: [] });
    const error = await appError(() => again.vault.get('a'));
    expect(error.code).toBe('vault_key_missing');
    expect(error.message).toContain('Test Keychain');
    expect(await readFile(file, 'utf8')).toBe(before);

    const status = await again.vault.startFresh();
    expect(status.state).toBe('ready');
    expect(status.quarantined).toHaveLength(1);
    expect(status.quarantined[0]!.cause).toEqual({ kind: 'start_fresh', code: 'vault_key_missing' });
    expect(await readFile(status.quarantined[0]!.movedTo, 'utf8')).toBe(before);
    expect(again.vault.ids()).toEqual([]);
  });

  it('reports key_missing when the keychain holds a key for a different vault', async () => {
    const { vault } = await keychainVault();
    await vault.set({ a: 'value-aaaaaaa' });
    const other = createFakeKeychain();
    await other.setPassword('Switchboard', DATA_KEY_ACCOUNT, Buffer.alloc(32, 7).toString('base64'));
    const again = make({ keychain: other });
    expect((await again.vault.open()).state).toBe('key_missing');
    expect((await appError(() => again.vault.get('a'))).message).toMatch(/different vault/);
  });

  it('reports the keychain as unavailable (not the key as gone) when it does not answer for a keychain vault', async () => {
    await keychainVault();
    const broken = createFakeKeychain();
    broken.failGet = new Error('The name org.freedesktop.secrets was not provided by any .service files');
    const again = make({ keychain: broken });
    const status = await again.vault.open();
    expect(status).toMatchObject({ state: 'key_missing', keychainProblem: { kind: 'no_secret_service', message: expect.stringMatching(/No Secret Service/) } });
    expect((await appError(() => again.vault.get('a'))).code).toBe('keychain_unavailable');

    const none = make({ keychain: null, keychainProblem: keychainProblem('keytar_missing', 'Test Keychain') });
    expect((await none.vault.open()).state).toBe('key_missing');
    expect((await appError(() => none.vault.get('a'))).code).toBe('keychain_unavailable');
  });

  it('reuses a valid key already in the keychain for a new vault rather than overwriting it', async () => {
    const keychain = createFakeKeychain();
    const existing = Buffer.alloc(32, 9).toString('base64');
    await keychain.setPassword('Switchboard', DATA_KEY_ACCOUNT, existing);
    await keychainVault(keychain);
    expect(await keychain.getPassword('Switchboard', DATA_KEY_ACCOUNT)).toBe(existing);
  });
});

describe('writes', () => {
  it('persists every one of many concurrent set() and delete() calls', async () => {
    const { vault, keychain } = await keychainVault();
    await vault.set({ doomed: 'doomed-value-1' });
    const writes = Array.from({ length: 25 }, (_, i) => vault.set({ [`id-${i}`]: `secret-value-${i}` }));
    await Promise.all([...writes, vault.delete(['doomed'])]);
    const again = make({ keychain });
    await again.vault.open();
    expect(again.vault.ids().sort()).toEqual(Array.from({ length: 25 }, (_, i) => `id-${i}`).sort());
    for (let i = 0; i < 25; i++) expect(again.vault.get(`id-${i}`)).toBe(`secret-value-${i}`);
  });

  it('ignores a temp file left by a crash between write and rename, and cleans it up', async () => {
    const { vault, keychain } = await keychainVault();
    await vault.set({ a: 'committed-value-1' });
    const committed = await readFile(file, 'utf8');
    // What a crash after fsync(temp) but before rename leaves behind: a complete newer file under the temp name.
    const stray = join(dir, 'vault.json.tmp-99999-deadbeef');
    await writeFile(stray, committed.replace('"a"', '"b"'));

    const again = make({ keychain });
    expect((await again.vault.open()).state).toBe('ready');
    expect(again.vault.get('a')).toBe('committed-value-1');
    expect(await listDir()).toEqual(['vault.json']);
  });

  it('tells listeners about state changes and lets them unsubscribe', async () => {
    const seen: string[] = [];
    const { vault } = make();
    const off = vault.onChange((status) => seen.push(status.state));
    await vault.open();
    await vault.setUpPassphrase(PASSPHRASE);
    off();
    await vault.set({ a: 'value-aaaaaaa' });
    expect(seen).toEqual(['needs_passphrase', 'ready']);
  });
});
