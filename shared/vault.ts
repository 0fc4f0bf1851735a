import { z } from 'zod';

export const VaultModeSchema = z.enum(['keychain', 'passphrase']);

/**
 * - ready: secrets can be read and written.
 * - needs_passphrase: no keychain answered and no vault exists yet; the user must choose a passphrase.
 * - locked: a passphrase vault exists; the user must unlock it.
 * - key_missing: the vault was made with the OS keychain, but the keychain no longer has its key.
 * - corrupt: the vault file could not be read; it was moved aside (see `quarantined`) and nothing was reset.
 */
export const VaultStateSchema = z.enum(['ready', 'needs_passphrase', 'locked', 'key_missing', 'corrupt']);

export const QuarantinedFileSchema = z.object({ file: z.string(), movedTo: z.string(), reason: z.string(), at: z.string() });
export type QuarantinedFile = z.infer<typeof QuarantinedFileSchema>;

export const VaultStatusSchema = z.object({
  state: VaultStateSchema,
  mode: VaultModeSchema.nullable(),
  /** Why the OS keychain could not be used, in words for the user; null when it works. */
  keychainProblem: z.string().nullable(),
  /** Where the key lives, for the README-style explanation in the UI (e.g. "libsecret (GNOME Keyring)"). */
  keychainName: z.string(),
  quarantined: z.array(QuarantinedFileSchema),
});
export type VaultStatus = z.infer<typeof VaultStatusSchema>;

export const PassphraseSchema = z.string().min(10, 'At least 10 characters').max(1024);
