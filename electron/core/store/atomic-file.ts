import { randomBytes } from 'node:crypto';
import { access, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Whole-file writes that a crash cannot tear, for the vault and the saved fleet alike. */

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

