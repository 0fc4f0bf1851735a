import { randomBytes } from 'node:crypto';
import { access, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { VaultModeSchema, type QuarantinedFile } from '../../../shared/vault';
import { quarantineFile } from '../store/quarantine';

/**
 * The vault file on disk: its schema, reading it, writing it atomically, and moving a bad one aside.
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

export type ReadResult = { kind: 'missing' } | { kind: 'ok'; doc: VaultDocument } | { kind: 'invalid'; reason: string };

/** Reads and validates the file. Throws only for I/O failures other than "not there". */
export async function readVaultFile(file: string): Promise<ReadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  if (text.trim() === '') return { kind: 'invalid', reason: 'The vault file is empty.' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'invalid', reason: 'The vault file is not valid JSON (it may have been cut short or edited).' };
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > 1) {
    return { kind: 'invalid', reason: `The vault file was written by a newer Switchboard (format version ${version}).` };
  }
  const parsed = VaultFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length ? ` at "${issue.path.join('.')}"` : '';
    // zod's issue messages name expected types, never the values found, so no secret can slip in here.
    return { kind: 'invalid', reason: `The vault file is not in the expected format${where}: ${issue?.message ?? 'unknown problem'}.` };
  }
  return { kind: 'ok', doc: parsed.data };
}

const tempPrefix = (file: string) => `${basename(file)}.tmp-`;

/**
 * Write to a temp file in the same directory (so rename stays on one filesystem), fsync it, rename it over the
 * old file, then fsync the directory so the rename itself survives a power cut. A crash at any point leaves
 * either the old file or the new one, never a mix.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `${tempPrefix(file)}${process.pid}-${randomBytes(6).toString('hex')}`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await renameWithRetry(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

export const serialiseVault = (doc: VaultDocument) => `${JSON.stringify(doc, null, 2)}\n`;

// On Windows a virus scanner or indexer briefly holding the target makes rename fail with EPERM/EBUSY.
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await rename(from, to);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (process.platform !== 'win32' || attempt >= 5 || (code !== 'EPERM' && code !== 'EBUSY')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
    }
  }
}

async function syncDirectory(dir: string): Promise<void> {
  // Directories cannot be opened for fsync on Windows; there the rename is already durable enough.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Some filesystems (network mounts) refuse fsync on a directory; the data itself was synced.
  } finally {
    await handle.close();
  }
}

/** Temp files left by a crash between write and rename. The real file is intact, so they are only litter. */
export async function removeStrayTemps(file: string): Promise<string[]> {
  const dir = dirname(file);
  const names = await readdir(dir).catch(() => [] as string[]);
  const stray = names.filter((name) => name.startsWith(tempPrefix(file)));
  await Promise.all(stray.map((name) => rm(join(dir, name), { force: true })));
  return stray;
}

export async function fileExists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** The vault sets bad files aside exactly like the plain store does. */
export async function quarantine(file: string, reason: string, now = new Date()): Promise<QuarantinedFile> {
  return quarantineFile(file, reason, now);
}
