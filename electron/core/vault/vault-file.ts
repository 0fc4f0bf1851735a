import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { VaultModeSchema, type QuarantineCause, type QuarantinedFile } from '../../../shared/vault';
import { quarantineFile } from '../store/quarantine';

/**
 * The vault file on disk: its schema, reading it, and moving a bad one aside (writes: store/atomic-file.ts).
 * Knows nothing about keys; a file that parses here may still fail its header or entry checks later.
 */

const BoxSchema = z.object({ iv: z.string(), tag: z.string(), data: z.string() });

// Numbers are only checked for type here: bounds on the kdf are a header check (an edited N is tampering,
// not a file that is not a vault).
const KdfSchema = z.object({ salt: z.string(), N: z.number().int(), r: z.number().int(), p: z.number().int() });

export const VaultFileSchema = z.object({
  version: z.literal(1),
  mode: VaultModeSchema,
  kdf: KdfSchema.optional(),
  check: BoxSchema.optional(),
  /** sha256 over version, mode, kdf and check: tells an edited header apart from a wrong passphrase. */
  headerDigest: z.string().optional(),
  // Entries stay loose strings: one damaged entry is reported by name, not a reason to set the whole file aside.
  entries: z.record(z.string().min(1), BoxSchema),
});
export type VaultDocument = z.infer<typeof VaultFileSchema>;

export type ReadResult = { kind: 'missing' } | { kind: 'ok'; doc: VaultDocument } | { kind: 'invalid'; reason: string; cause: QuarantineCause };

/** Reads and validates the file. Throws only for I/O failures other than "not there". */
export async function readVaultFile(file: string): Promise<ReadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  if (text.trim() === '') return { kind: 'invalid', reason: 'The vault file is empty.', cause: { kind: 'empty' } };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'invalid', reason: 'The vault file is not valid JSON (it may have been cut short or edited).', cause: { kind: 'not_json' } };
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > 1) {
    return { kind: 'invalid', reason: `The vault file was written by a newer Switchboard (format version ${version}).`, cause: { kind: 'newer_version', version } };
  }
  const parsed = VaultFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length ? ` at "${issue.path.join('.')}"` : '';
    // zod's issue messages name expected types, never the values found, so no secret can slip in here.
    return {
      kind: 'invalid',
      reason: `The vault file is not in the expected format${where}: ${issue?.message ?? 'unknown problem'}.`,
      cause: { kind: 'wrong_format', ...(issue?.path.length ? { path: issue.path.join('.') } : {}) },
    };
  }
  return { kind: 'ok', doc: parsed.data };
}

export const serialiseVault = (doc: VaultDocument) => `${JSON.stringify(doc, null, 2)}\n`;

/** The vault sets bad files aside exactly like the plain store does. */
export async function quarantine(file: string, reason: string, cause: QuarantineCause, now = new Date()): Promise<QuarantinedFile> {
  return quarantineFile(file, reason, cause, now);
}
