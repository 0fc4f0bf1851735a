import { existsSync, renameSync } from 'node:fs';
import type { QuarantinedFile } from '../../../shared/vault';

/**
 * Opens a file-backed store; when the file cannot be parsed, moves it aside (never deletes or resets it), opens
 * an empty one in its place and reports what happened so the UI can tell the user where the old file went.
 */
export function openWithQuarantine<T>(file: string, open: () => T): { store: T; quarantined: QuarantinedFile[] } {
  try {
    return { store: open(), quarantined: [] };
  } catch (error) {
    if (!existsSync(file)) throw error;
    const at = new Date().toISOString();
    const movedTo = `${file}.corrupt-${at.replace(/[:.]/g, '-')}`;
    renameSync(file, movedTo);
    const reason = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : 'unreadable';
    return { store: open(), quarantined: [{ file, movedTo, reason, at }] };
  }
}
