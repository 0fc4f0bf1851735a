import type { Keychain } from '../ports';
import { generateKey, KEY_BYTES } from './crypto';
import type { KeychainProblem } from '../../../shared/vault';
import { describeKeychainFailure, keychainProblem } from './keychain-problem';

/** Where the data key lives in the OS keychain (the service name is configurable, the account is not). */
export const DATA_KEY_ACCOUNT = 'vault-data-key';

export type KeyLookup =
  | { kind: 'found'; key: Buffer }
  | { kind: 'absent' }
  | { kind: 'invalid' }
  | { kind: 'unavailable'; problem: KeychainProblem };

export async function readDataKey(keychain: Keychain, service: string, keychainName: string): Promise<KeyLookup> {
  let stored: string | null;
  try {
    stored = await keychain.getPassword(service, DATA_KEY_ACCOUNT);
  } catch (error) {
    return { kind: 'unavailable', problem: describeKeychainFailure(keychainName, error) };
  }
  if (stored === null) return { kind: 'absent' };
  const key = Buffer.from(stored, 'base64');
  return key.length === KEY_BYTES && key.toString('base64') === stored ? { kind: 'found', key } : { kind: 'invalid' };
}

export type ProvidedKey = { kind: 'ready'; key: Buffer; reused: boolean } | { kind: 'unavailable'; problem: KeychainProblem };

/**
 * The key for a new vault. A valid key already in the keychain is reused rather than replaced: vault files that
 * were set aside (corrupt, or started fresh) may be sealed with it, and overwriting it would make them
 * unrecoverable for good. A new key is read back after storing, because some Secret Service setups accept a
 * write they cannot keep (no default collection).
 */
export async function provideDataKey(keychain: Keychain, service: string, keychainName: string): Promise<ProvidedKey> {
  const existing = await readDataKey(keychain, service, keychainName);
  if (existing.kind === 'unavailable') return existing;
  if (existing.kind === 'found') return { kind: 'ready', key: existing.key, reused: true };
  // 'invalid' is not a key anything could have been sealed with, so replacing it loses nothing.
  const key = generateKey();
  const encoded = key.toString('base64');
  try {
    await keychain.setPassword(service, DATA_KEY_ACCOUNT, encoded);
    if ((await keychain.getPassword(service, DATA_KEY_ACCOUNT)) !== encoded) {
      return { kind: 'unavailable', problem: keychainProblem('key_not_returned', keychainName) };
    }
  } catch (error) {
    return { kind: 'unavailable', problem: describeKeychainFailure(keychainName, error) };
  }
  return { kind: 'ready', key, reused: false };
}
