import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import { BalanceSnapshotSchema, type BalanceSnapshot } from '../../../../shared/balances';
import { readJsonLines } from '../../store/json-lines';

/** Snapshots kept; older ones are dropped when the file is compacted. */
const KEEP = 1000;

/**
 * Balances and counts after each refresh, as JSON lines in the data directory: appended, never rewritten except to
 * drop the oldest once there are twice as many as kept (written aside and renamed, so a crash leaves a whole file).
 * A line that does not parse (a torn write) is skipped.
 */
export function createSnapshotLog(file: string) {
  const read = (): BalanceSnapshot[] => readJsonLines(file, BalanceSnapshotSchema);
  let lines = read().length;

  return {
    append(snapshot: BalanceSnapshot): void {
      appendFileSync(file, `${JSON.stringify(snapshot)}\n`, { mode: 0o600 });
      if (++lines < KEEP * 2) return;
      const kept = read().slice(-KEEP);
      writeFileSync(`${file}.tmp`, kept.map((entry) => `${JSON.stringify(entry)}\n`).join(''), { mode: 0o600 });
      renameSync(`${file}.tmp`, file);
      lines = kept.length;
    },
    /** The newest `limit`, oldest first. */
    list: (limit: number): BalanceSnapshot[] => read().slice(-limit),
  };
}
