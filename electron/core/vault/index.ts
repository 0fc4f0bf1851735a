/**
 * The credential vault: secrets sealed with AES-256-GCM under a key kept in the OS keychain, or derived from a
 * passphrase where no keychain answers. Pure Node; the keychain arrives through the Keychain port.
 */
export type { SecretVault, VaultOptions, VaultMode } from './types';
export { createVault } from './vault';
export { describeKeychainFailure } from './keychain-problem';
export { probeKeychain, keychainNameFor, type LoadedKeychain, type ProbeKeychainOptions } from './keychain-probe';
export { DATA_KEY_ACCOUNT } from './data-key';
