import type { KeychainProblem, VaultStatus } from '../../../shared/vault';
import type { Logger } from '../log';
import type { Keychain } from '../ports';
import type { Redactor } from '../redactor';
import type { ScryptParams } from './crypto';

export type VaultMode = 'keychain' | 'passphrase';

export interface SecretVault {
  status(): VaultStatus;
  /** Called once at start-up: loads the file, gets the key from the keychain if the vault uses it. */
  open(): Promise<VaultStatus>;
  /** Only when the state is needs_passphrase (no keychain answered, no vault file). */
  setUpPassphrase(passphrase: string): Promise<VaultStatus>;
  /** locked → ready, or AppError('vault_wrong_passphrase'). */
  unlock(passphrase: string): Promise<VaultStatus>;
  /** Only from corrupt / key_missing: a new empty vault; the old file stays moved aside, never deleted. */
  startFresh(): Promise<VaultStatus>;
  /** Throws an AppError (vault_locked, vault_not_set_up, vault_key_missing, vault_tampered, …) unless ready. */
  get(id: string): string | undefined;
  /** One atomic write for the whole batch; resolves once it is on disk. */
  set(entries: Record<string, string>): Promise<void>;
  /** One atomic write; ids that are not stored are ignored. */
  delete(ids: string[]): Promise<void>;
  ids(): string[];
  onChange(listener: (status: VaultStatus) => void): () => void;
}

export interface VaultOptions {
  /** e.g. <dataDir>/vault.json */
  file: string;
  /** null when keytar could not be loaded. */
  keychain: Keychain | null;
  /** Why not, when keychain is null. */
  keychainProblem: KeychainProblem | null;
  /** "macOS Keychain" / "Windows Credential Manager" / "libsecret (Secret Service)" */
  keychainName: string;
  /** Every secret loaded or stored is registered here, and removed when deleted. */
  redactor: Redactor;
  log?: Logger;
  /** Tests pass a small N; production uses N=2**17, r=8, p=1. */
  scrypt?: ScryptParams;
  /** Keychain service name; default 'Switchboard'. */
  keychainService?: string;
}
