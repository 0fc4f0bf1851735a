import { PassphraseSchema, type KeychainProblem, type QuarantineCause, type QuarantinedFile, type VaultStatus } from '../../../shared/vault';
import { AppError } from '../app-error';
import { silentLogger } from '../log';
import { checkOpens, DEFAULT_SCRYPT, deriveKey, entryAad, generateSalt, open, seal, type Box } from './crypto';
import { provideDataKey, readDataKey } from './data-key';
import { keychainProblem as unusableKeychainProblem } from './keychain-problem';
import { createSerialQueue } from './serial-queue';
import type { SecretVault, VaultOptions } from './types';
import { fileExists, removeStrayTemps, writeFileAtomic } from '../store/atomic-file';
import { quarantine, readVaultFile, serialiseVault } from './vault-file';
import { buildHeader, headerAad, headerProblem, type Header } from './vault-header';

type Entries = Map<string, Box>;
interface Opened {
  header: Header;
  key: Buffer;
  /** Every box as it is on disk, including ones that failed to open: they are written back untouched. */
  entries: Entries;
  secrets: Map<string, string>;
  tampered: Set<string>;
}
type Inner =
  | { state: 'unopened' }
  | { state: 'needs_passphrase' }
  | { state: 'locked'; header: Header; entries: Entries }
  | { state: 'key_missing'; error: AppError }
  | { state: 'corrupt'; error: AppError }
  | ({ state: 'ready' } & Opened);

const STATE_WORDS: Record<Inner['state'], string> = {
  unopened: 'not opened yet',
  needs_passphrase: 'not set up yet',
  locked: 'locked',
  key_missing: 'missing its key',
  corrupt: 'set aside as unreadable',
  ready: 'already open',
};

export function createVault(options: VaultOptions): SecretVault {
  const { file, keychain, keychainName, redactor } = options;
  const log = options.log ?? silentLogger;
  const service = options.keychainService ?? 'Switchboard';
  const scryptParams = options.scrypt ?? DEFAULT_SCRYPT;
  const run = createSerialQueue();
  const listeners = new Set<(status: VaultStatus) => void>();
  const quarantined: QuarantinedFile[] = [];
  let keychainProblem: KeychainProblem | null = keychain ? null : (options.keychainProblem ?? unusableKeychainProblem('unusable', keychainName));
  let inner: Inner = { state: 'unopened' };

  const status = (): VaultStatus => ({
    // Before open() there is nothing to read, which for a caller is the same as locked.
    state: inner.state === 'unopened' ? 'locked' : inner.state,
    mode:
      inner.state === 'ready' ? inner.header.mode
      : inner.state === 'locked' ? 'passphrase'
      : inner.state === 'key_missing' ? 'keychain'
      : null,
    keychainProblem,
    keychainName,
    quarantined: quarantined.map((q) => ({ ...q })),
  });

  let lastEmitted = JSON.stringify(status());
  const become = (next: Inner): VaultStatus => {
    inner = next;
    const current = status();
    const signature = JSON.stringify(current);
    if (signature !== lastEmitted) {
      lastEmitted = signature;
      log.info('vault state', { state: current.state, mode: current.mode });
      for (const listener of listeners) {
        try {
          listener(current);
        } catch (error) {
          log.error('vault change listener failed', { error: String(error) });
        }
      }
    }
    return current;
  };

  /** Why a read or write is refused, for every state but ready. */
  const refusal = (): AppError => {
    switch (inner.state) {
      case 'unopened':
        return new AppError('vault_locked', 'The vault has not been opened yet.');
      case 'needs_passphrase':
        return new AppError(
          'vault_not_set_up',
          `The vault is not set up yet. Choose a passphrase to protect your secrets (${keychainName} is not available).`,
        );
      case 'locked':
        return new AppError('vault_locked', 'The vault is locked. Enter your passphrase to unlock it.');
      case 'key_missing':
      case 'corrupt':
        return inner.error;
      case 'ready':
        throw new Error('refusal() called while ready');
    }
  };
  const assertReady = () => {
    if (inner.state !== 'ready') throw refusal();
    return inner;
  };
  const notNow = (action: string) =>
    new AppError('conflict', `The vault cannot ${action} right now: it is ${STATE_WORDS[inner.state]}.`);

  const openEntries = (key: Buffer, header: Header, entries: Entries): Opened => {
    const secrets = new Map<string, string>();
    const tampered = new Set<string>();
    for (const [id, box] of entries) {
      try {
        const secret = open(key, box, entryAad(id));
        secrets.set(id, secret);
        redactor.add(secret);
      } catch {
        // Kept, not dropped: get() names it, and the user can enter that secret again to replace it.
        tampered.add(id);
      }
    }
    if (tampered.size) log.warn('vault entries failed their integrity check', { entries: [...tampered] });
    return { header, key, entries, secrets, tampered };
  };

  const persist = async (header: Header, entries: Entries) => {
    try {
      await writeFileAtomic(file, serialiseVault({ ...header, entries: Object.fromEntries(entries) }));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      log.error('vault write failed', { code });
      throw new AppError('internal', `Switchboard could not save the vault file (${code}), so the change was not stored.`, { file });
    }
  };

  /** A new vault never replaces a file: whatever was there has been set aside by the caller. */
  const writeNew = async (header: Header) => {
    if (await fileExists(file)) {
      throw new AppError('conflict', 'A vault file appeared while a new one was being made. Restart Switchboard to open it.', { file });
    }
    await persist(header, new Map());
  };

  /** No vault on disk: one in the keychain if it answers, otherwise wait for the user to choose a passphrase. */
  const createNew = async (): Promise<VaultStatus> => {
    if (!keychain) return become({ state: 'needs_passphrase' });
    const provided = await provideDataKey(keychain, service, keychainName);
    if (provided.kind === 'unavailable') {
      keychainProblem = provided.problem;
      log.warn('keychain unavailable; a passphrase is needed', { problem: provided.problem.message });
      return become({ state: 'needs_passphrase' });
    }
    keychainProblem = null;
    const header = buildHeader('keychain', provided.key);
    await writeNew(header);
    log.info('vault created', { mode: 'keychain', reusedKey: provided.reused });
    return become({ state: 'ready', ...openEntries(provided.key, header, new Map()) });
  };

  const setAside = async (reason: string, cause: QuarantineCause, code: 'vault_corrupt' | 'vault_tampered'): Promise<VaultStatus> => {
    let moved: QuarantinedFile;
    try {
      moved = await quarantine(file, reason, cause);
    } catch (error) {
      const errno = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      log.error('vault file could not be moved aside', { code: errno });
      return become({ state: 'corrupt', error: new AppError(code, `${reason} It could not be moved aside (${errno}); nothing was changed.`, { file }) });
    }
    quarantined.push(moved);
    log.warn('vault file moved aside', { reason, movedTo: moved.movedTo });
    const error = new AppError(
      code,
      `${reason} It was moved to ${moved.movedTo} and nothing was reset. Start fresh to make a new, empty vault.`,
      { file: moved.movedTo },
    );
    return become({ state: 'corrupt', error });
  };

  const openWithKeychain = async (header: Header, entries: Entries): Promise<VaultStatus> => {
    const keyMissing = (code: 'vault_key_missing' | 'keychain_unavailable', message: string) =>
      become({ state: 'key_missing', error: new AppError(code, message, { file }) });
    const startFreshHint = 'Start fresh to make a new, empty vault; the old file is kept aside.';
    if (!keychain) {
      return keyMissing('keychain_unavailable', `This vault's key is kept in ${keychainName}, which Switchboard cannot use: ${keychainProblem?.message ?? ''}`);
    }
    const lookup = await readDataKey(keychain, service, keychainName);
    switch (lookup.kind) {
      case 'unavailable':
        keychainProblem = lookup.problem;
        return keyMissing(
          'keychain_unavailable',
          `This vault's key is kept in ${keychainName}, which did not answer: ${lookup.problem.message} Fix that and restart Switchboard, or start fresh.`,
        );
      case 'absent':
        return keyMissing(
          'vault_key_missing',
          `The vault's key is no longer in ${keychainName} (it may have been reset, or the vault was copied from another computer), so the secrets in it cannot be read. ${startFreshHint}`,
        );
      case 'invalid':
        return keyMissing('vault_key_missing', `The vault key stored in ${keychainName} is damaged, so the secrets cannot be read. ${startFreshHint}`);
      case 'found':
        if (!checkOpens(lookup.key, header.check!, headerAad(header))) {
          return keyMissing(
            'vault_key_missing',
            `The key in ${keychainName} belongs to a different vault (from another install or computer), so this one cannot be read. ${startFreshHint}`,
          );
        }
        return become({ state: 'ready', ...openEntries(lookup.key, header, entries) });
    }
  };

  const load = async (): Promise<VaultStatus> => {
    const stray = await removeStrayTemps(file);
    if (stray.length) log.info('removed unfinished vault writes', { count: stray.length });
    let read;
    try {
      read = await readVaultFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      log.error('vault file unreadable', { code });
      const message = `Switchboard could not read the vault file (${code}). Check its permissions; nothing was changed.`;
      return become({ state: 'corrupt', error: new AppError('vault_corrupt', message, { file }) });
    }
    if (read.kind === 'missing') return createNew();
    if (read.kind === 'invalid') return setAside(read.reason, read.cause, 'vault_corrupt');
    const { entries, ...header } = read.doc;
    const problem = headerProblem(header);
    if (problem) return setAside(`The vault file cannot be trusted: ${problem}.`, { kind: 'untrusted' }, 'vault_tampered');
    const boxes: Entries = new Map(Object.entries(entries));
    if (header.mode === 'passphrase') return become({ state: 'locked', header, entries: boxes });
    return openWithKeychain(header, boxes);
  };

  /** Forgets secrets that no entry holds any more (the same token may be stored under two ids). */
  const forget = (values: Iterable<string>, remaining: Map<string, string>) => {
    const held = new Set(remaining.values());
    for (const value of values) if (!held.has(value)) redactor.remove(value);
  };

  return {
    status,

    open: () =>
      run(async () => {
        // A corrupt file was already moved aside: loading again would find nothing and quietly make a new vault.
        if (inner.state === 'ready' || inner.state === 'corrupt') return status();
        return load();
      }),

    setUpPassphrase: (passphrase) =>
      run(async () => {
        if (inner.state !== 'needs_passphrase') throw notNow('set up a passphrase');
        const parsed = PassphraseSchema.safeParse(passphrase);
        if (!parsed.success) {
          const message = parsed.error.issues[0]?.message ?? 'not accepted';
          throw new AppError('invalid_input', `That passphrase cannot be used: ${message}.`, { fields: [{ path: 'passphrase', message }] });
        }
        const salt = generateSalt();
        const key = await deriveKey(passphrase, salt, scryptParams);
        const header = buildHeader('passphrase', key, { salt, ...scryptParams });
        await writeNew(header);
        redactor.add(passphrase);
        log.info('vault created', { mode: 'passphrase' });
        return become({ state: 'ready', ...openEntries(key, header, new Map()) });
      }),

    unlock: (passphrase) =>
      run(async () => {
        // Two windows unlocking at once: the second finds it open, which is what it wanted.
        if (inner.state === 'ready') return status();
        if (inner.state !== 'locked') throw notNow('be unlocked');
        const { header, entries } = inner;
        const kdf = header.kdf!;
        const key = await deriveKey(passphrase, Buffer.from(kdf.salt, 'base64'), { N: kdf.N, r: kdf.r, p: kdf.p });
        if (!checkOpens(key, header.check!, headerAad(header))) {
          log.info('vault unlock refused: wrong passphrase');
          throw new AppError('vault_wrong_passphrase', 'That passphrase does not open the vault. Check Caps Lock and the keyboard layout, then try again.');
        }
        redactor.add(passphrase);
        return become({ state: 'ready', ...openEntries(key, header, entries) });
      }),

    startFresh: () =>
      run(async () => {
        // From `locked` this is the way out of a forgotten passphrase: the old vault is kept aside, not opened.
        if (inner.state !== 'corrupt' && inner.state !== 'key_missing' && inner.state !== 'locked') throw notNow('start fresh');
        const why = inner.state === 'locked' ? 'the passphrase was not available' : inner.error.message;
        const cause: QuarantineCause = inner.state === 'locked' ? { kind: 'start_fresh' } : { kind: 'start_fresh', code: inner.error.code };
        // key_missing leaves the file in place until now; an unreadable file that could not be moved is tried again.
        if (await fileExists(file)) {
          try {
            quarantined.push(await quarantine(file, `Set aside by "Start fresh": ${why}`, cause));
          } catch (error) {
            const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
            throw new AppError('internal', `The old vault file could not be moved aside (${code}), so nothing was changed.`, { file });
          }
        }
        log.info('vault started fresh');
        return createNew();
      }),

    get(id) {
      const ready = assertReady();
      if (ready.tampered.has(id)) {
        throw new AppError(
          'vault_tampered',
          `The stored secret "${id}" failed its integrity check: the vault file was edited outside Switchboard or damaged. Enter that secret again to replace it.`,
          { file },
        );
      }
      return ready.secrets.get(id);
    },

    async set(entries) {
      assertReady();
      const list = Object.entries(entries);
      for (const [id, value] of list) {
        if (id.length === 0 || id.length > 512) throw new AppError('invalid_input', 'A vault id must be 1 to 512 characters long.');
        // JSON.parse keeps "__proto__" as a key but record parsing drops it: the entry would vanish on reopen.
        if (id === '__proto__') throw new AppError('invalid_input', '"__proto__" cannot be used as a vault id.');
        if (typeof value !== 'string' || value === '') {
          throw new AppError('invalid_input', `The secret for "${id}" is empty. Remove it instead of storing an empty value.`);
        }
      }
      if (!list.length) return;
      // Registered before the write, so a log line written while it is in flight is already masked.
      for (const [, value] of list) redactor.add(value);
      await run(async () => {
        // Built from the state the previous write committed, not the one seen at call time: no lost updates.
        const ready = assertReady();
        const boxes = new Map(ready.entries);
        for (const [id, value] of list) boxes.set(id, seal(ready.key, value, entryAad(id)));
        await persist(ready.header, boxes);
        const replaced = list.map(([id]) => ready.secrets.get(id)).filter((v): v is string => v !== undefined);
        ready.entries = boxes;
        for (const [id, value] of list) {
          ready.secrets.set(id, value);
          ready.tampered.delete(id);
        }
        forget(replaced, ready.secrets);
      });
    },

    async delete(ids) {
      assertReady();
      if (!ids.length) return;
      await run(async () => {
        const ready = assertReady();
        const present = ids.filter((id) => ready.entries.has(id));
        if (!present.length) return;
        const boxes = new Map(ready.entries);
        for (const id of present) boxes.delete(id);
        await persist(ready.header, boxes);
        const removed = present.map((id) => ready.secrets.get(id)).filter((v): v is string => v !== undefined);
        ready.entries = boxes;
        for (const id of present) {
          ready.secrets.delete(id);
          ready.tampered.delete(id);
        }
        forget(removed, ready.secrets);
      });
    },

    ids: () => [...assertReady().entries.keys()],

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
