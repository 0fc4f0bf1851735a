import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { QuarantineCause, QuarantinedFile } from '../../../../shared/vault';
import type { Logger } from '../../log';
import { quarantineFile } from '../../store/quarantine';
import { removeStrayTemps, writeFileAtomic } from '../../store/atomic-file';
import { AccountEntrySchema } from './types';

/**
 * The fleet as the last refresh left it, kept in a file of its own in the data directory so that the next session
 * starts with it (and has a "previous" to compare its first refresh against). Not in the settings store: ten
 * thousand rows would be rewritten with every settings change. Rows and facts hold no secrets by construction
 * (ids, states, dates, balances, masked errors), so the file is plain JSON.
 */
export const SavedFleetSchema = z.object({
  version: z.literal(1),
  savedAt: z.string(),
  /** When the last whole refresh ended (the Instances page's `refreshedAt`). */
  refreshedAt: z.string().nullable(),
  accounts: z.array(AccountEntrySchema),
});
export type SavedFleet = z.infer<typeof SavedFleetSchema>;

export type LoadedFleet = { saved: SavedFleet | null; quarantined: QuarantinedFile | null };

/**
 * Reads and validates the file. A file that does not parse or fit the schema (cut short, edited, written by a newer
 * version) is moved aside and reported, never overwritten in place: the next save starts a new one.
 */
export function loadSavedFleet(file: string, log: Logger): LoadedFleet {
  // Temp files of a save cut short by a crash: the file itself is whole (or absent), they are only litter.
  void removeStrayTemps(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') log.warn('The saved fleet could not be read; starting without it', { file, code });
    return { saved: null, quarantined: null };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return setAside(file, 'The saved fleet is not valid JSON (it may have been cut short or edited).', { kind: 'not_json' }, log);
  }
  const parsed = SavedFleetSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length ? ` at "${issue.path.join('.')}"` : '';
    const cause: QuarantineCause = { kind: 'wrong_format', ...(issue?.path.length ? { path: issue.path.join('.') } : {}) };
    return setAside(file, `The saved fleet is not in the expected format${where}: ${issue?.message ?? 'unknown problem'}.`, cause, log);
  }
  return { saved: parsed.data, quarantined: null };
}

function setAside(file: string, reason: string, cause: QuarantineCause, log: Logger): LoadedFleet {
  try {
    const moved = quarantineFile(file, reason, cause);
    log.warn('The saved fleet was unreadable and was moved aside', { ...moved });
    return { saved: null, quarantined: moved };
  } catch (error) {
    // It could not even be moved: leave it where it is. Saving later replaces it by rename, which is all that is lost.
    log.warn('The saved fleet was unreadable and could not be moved aside', { file, reason, error: String(error) });
    return { saved: null, quarantined: null };
  }
}

export interface FleetWriterOptions {
  /** Quiet time after the last change before the file is written. */
  delayMs?: number;
  /** Longest a change waits while changes keep coming (a bulk action patching row after row). */
  maxWaitMs?: number;
  log: Logger;
}

/**
 * Writes the fleet when it changes, debounced: a refresh committing account after account and a bulk action
 * patching row after row make one write per quiet spell (at most `maxWaitMs` apart), not one per row. Each write
 * takes the fleet as it is at that moment, goes aside and is renamed over (vault-file's atomic write), and writes
 * never overlap. `flush` writes now if anything changed and resolves once it is on disk.
 */
export function createFleetWriter(file: string, snapshot: () => SavedFleet, options: FleetWriterOptions) {
  const delayMs = options.delayMs ?? 1000;
  const maxWaitMs = options.maxWaitMs ?? 10_000;
  let dirty = false;
  let firstChangeAt: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  let chain: Promise<void> = Promise.resolve();

  const write = async () => {
    if (!dirty) return;
    dirty = false;
    try {
      await writeFileAtomic(file, `${JSON.stringify(snapshot())}\n`);
    } catch (error) {
      // The next change or flush tries again; the fleet in memory is unaffected.
      dirty = true;
      options.log.warn('The fleet could not be saved', { file, error: error instanceof Error ? error.message : String(error) });
    }
  };

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    firstChangeAt = null;
    chain = chain.then(write);
    return chain;
  };

  return {
    changed(): void {
      dirty = true;
      const now = Date.now();
      firstChangeAt ??= now;
      if (timer) clearTimeout(timer);
      const wait = Math.max(0, Math.min(delayMs, firstChangeAt + maxWaitMs - now));
      timer = setTimeout(() => void flush(), wait);
      // A pending save must not keep a finished process alive; hosts flush on the way out.
      timer.unref();
    },
    flush,
  };
}
export type FleetWriter = ReturnType<typeof createFleetWriter>;
