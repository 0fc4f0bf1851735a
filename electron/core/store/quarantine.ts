import { existsSync, renameSync } from 'node:fs';
import type { QuarantineCause, QuarantinedFile } from '../../../shared/vault';

/**
 * Moves an unreadable file to `<file>.corrupt-<timestamp>` (never over an existing one) and says where it went.
 * Used for the plain store and the vault alike: nothing unreadable is ever deleted or silently reset.
 */
export function quarantineFile(file: string, reason: string, cause: QuarantineCause, now = new Date()): QuarantinedFile {
  // Colons and dots are not allowed in Windows file names.
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let movedTo = `${file}.corrupt-${stamp}`;
  for (let n = 2; existsSync(movedTo); n++) movedTo = `${file}.corrupt-${stamp}-${n}`;
  renameSync(file, movedTo);
  return { file, movedTo, reason, cause, at: now.toISOString() };
}

/**
 * Opens a file-backed store; when the file cannot be parsed, moves it aside, opens an empty one in its place
 * and reports what happened so the UI can tell the user where the old file went.
 */
export function openWithQuarantine<T>(file: string, open: () => T): { store: T; quarantined: QuarantinedFile[] } {
  try {
    return { store: open(), quarantined: [] };
  } catch (error) {
    if (!existsSync(file)) throw error;
    const reason = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : 'unreadable';
    // The stores throw a SyntaxError for a file that is not JSON; anything else is told in the store's own words.
    const moved = quarantineFile(file, reason, { kind: error instanceof SyntaxError ? 'not_json' : 'unreadable' });
    return { store: open(), quarantined: [moved] };
  }
}
