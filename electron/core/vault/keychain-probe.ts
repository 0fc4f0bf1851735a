import type { Keychain } from '../ports';
import type { KeychainProblem } from '../../../shared/vault';
import { describeKeychainFailure, keychainProblem } from './keychain-problem';

export interface LoadedKeychain {
  keychain: Keychain | null;
  /** Why the keychain cannot be used; null when it answered. */
  problem: KeychainProblem | null;
  name: string;
}

export interface ProbeKeychainOptions {
  /** How long one keychain call may take. Generous, because a call may wait on an unlock prompt a person answers. */
  timeoutMs?: number;
  /** Which platform's keychain name to use (a seam for tests). */
  platform?: NodeJS.Platform;
}

const PROBE_SERVICE = 'Switchboard';
const PROBE_ACCOUNT = 'keychain-probe';

export function keychainNameFor(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'libsecret (Secret Service)';
}

/**
 * keytar, checked once at start-up. keytar is an optional native dependency: it may be missing, or built for
 * another Node ABI, so the caller hands in how to import it (glue/keychain.ts does the real `import('keytar')`;
 * native modules are glue's business) and a failed import becomes a problem text, not a crash. The probe (a read
 * of an account that never exists) is what finds a machine with no Secret Service on D-Bus, which keytar itself
 * only reports on first use.
 */
export async function probeKeychain(importKeytar: () => Promise<unknown>, options: ProbeKeychainOptions = {}): Promise<LoadedKeychain> {
  const name = keychainNameFor(options.platform ?? process.platform);
  const timeoutMs = options.timeoutMs ?? 120_000;

  let keytar: Keychain;
  try {
    const loaded = (await importKeytar()) as Partial<Keychain> & { default?: Partial<Keychain> };
    // keytar is CommonJS: depending on the loader its functions sit on `default` or on the namespace, and Node's
    // ESM loader detects only some of them as named exports (getPassword, not setPassword), so check `default` first.
    const isKeytar = (c?: Partial<Keychain>) =>
      typeof c?.getPassword === 'function' && typeof c.setPassword === 'function' && typeof c.deletePassword === 'function';
    const candidate = [loaded.default, loaded].find(isKeytar);
    if (!candidate) {
      return { keychain: null, problem: keychainProblem('keytar_unrecognised', name), name };
    }
    keytar = candidate as Keychain;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' || (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND';
    return { keychain: null, problem: keychainProblem(missing ? 'keytar_missing' : 'keytar_unloadable', name), name };
  }

  const keychain: Keychain = {
    getPassword: (service, account) => withTimeout(keytar.getPassword(service, account), timeoutMs, name),
    setPassword: (service, account, password) => withTimeout(keytar.setPassword(service, account, password), timeoutMs, name),
    deletePassword: (service, account) => withTimeout(keytar.deletePassword(service, account), timeoutMs, name),
  };

  try {
    await keychain.getPassword(PROBE_SERVICE, PROBE_ACCOUNT);
  } catch (error) {
    return { keychain: null, problem: describeKeychainFailure(name, error), name };
  }
  return { keychain, problem: null, name };
}

/** A keychain that hangs (a prompt nobody can see) must not hang start-up forever. */
function withTimeout<T>(promise: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not answer within ${Math.round(ms / 1000)} seconds`)), ms);
    timer.unref?.();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
