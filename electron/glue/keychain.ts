import { probeKeychain, type LoadedKeychain, type ProbeKeychainOptions } from '../core/vault/keychain-probe';

export type { LoadedKeychain } from '../core/vault/keychain-probe';

/**
 * The OS keychain through keytar, probed once at start-up. Only the import lives here (native modules are glue's
 * business); the probing, naming and plain-words problems are in core/vault/keychain-probe.ts, tested under Node.
 */
export function loadKeychain(options: ProbeKeychainOptions = {}): Promise<LoadedKeychain> {
  return probeKeychain(() => import('keytar'), options);
}
