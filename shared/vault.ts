import { z } from 'zod';
import { ErrorCodeSchema } from './errors';
import { problem } from './field-problems';

export const VaultModeSchema = z.enum(['keychain', 'passphrase']);

/**
 * - ready: secrets can be read and written.
 * - needs_passphrase: no keychain answered and no vault exists yet; the user must choose a passphrase.
 * - locked: a passphrase vault exists; the user must unlock it.
 * - key_missing: the vault was made with the OS keychain, but the keychain no longer has its key.
 * - corrupt: the vault file could not be read; it was moved aside (see `quarantined`) and nothing was reset.
 */
export const VaultStateSchema = z.enum(['ready', 'needs_passphrase', 'locked', 'key_missing', 'corrupt']);

/** Why a file was moved aside, by kind, for the renderer to word; the file's `reason` is the English fallback. */
export const QuarantineCauseSchema = z.object({
  kind: z.enum(['empty', 'not_json', 'newer_version', 'wrong_format', 'untrusted', 'start_fresh', 'unreadable']),
  /** newer_version: the format version the file says it has. */
  version: z.number().int().optional(),
  /** wrong_format: where in the file (a dotted path), when known. */
  path: z.string().optional(),
  /** start_fresh: what made the vault unusable; absent when its passphrase was forgotten. */
  code: ErrorCodeSchema.optional(),
});
export type QuarantineCause = z.infer<typeof QuarantineCauseSchema>;

export const QuarantinedFileSchema = z.object({
  file: z.string(),
  movedTo: z.string(),
  /** In English, for logs; the renderer words `cause`. */
  reason: z.string(),
  cause: QuarantineCauseSchema,
  at: z.string(),
});
export type QuarantinedFile = z.infer<typeof QuarantinedFileSchema>;

/** Why the OS keychain could not be used, by kind: the renderer words it; `message` is the English fallback. */
export const KeychainProblemKindSchema = z.enum([
  'no_session_bus',
  'no_secret_service',
  'locked',
  'timeout',
  'refused',
  'key_not_returned',
  'keytar_missing',
  'keytar_unloadable',
  'keytar_unrecognised',
  'unusable',
]);
export const KeychainProblemSchema = z.object({
  kind: KeychainProblemKindSchema,
  /** The keychain's own words when it refused for a reason of its own (`refused`), shown as it said them. */
  detail: z.string().optional(),
  message: z.string(),
});
export type KeychainProblem = z.infer<typeof KeychainProblemSchema>;

export const VaultStatusSchema = z.object({
  state: VaultStateSchema,
  mode: VaultModeSchema.nullable(),
  /** Why the OS keychain could not be used; null when it works. */
  keychainProblem: KeychainProblemSchema.nullable(),
  /** Where the key lives, for the README-style explanation in the UI (e.g. "libsecret (GNOME Keyring)"). */
  keychainName: z.string(),
  quarantined: z.array(QuarantinedFileSchema),
});
export type VaultStatus = z.infer<typeof VaultStatusSchema>;

export const PASSPHRASE_MIN_LENGTH = 10;
export const PassphraseSchema = z
  .string()
  .refine((value) => value.length >= PASSPHRASE_MIN_LENGTH, problem('passphrase_length', { minimum: PASSPHRASE_MIN_LENGTH }))
  .max(1024);
