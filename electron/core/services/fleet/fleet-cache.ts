import type { AccountRefresh, FleetCounts, FleetFilter, FleetSort, InstanceRow } from '../../../../shared/fleet';
import { countRows, rowComparator, rowMatcher } from './query';
import type { AccountEntry } from './types';

/**
 * The fleet as main holds it: one entry per account, as its last refresh left it. Everything the table asks for
 * (a filtered, sorted page; counts; the keys of a selection) is derived here and memoised per revision, so
 * scrolling through ten thousand rows re-filters nothing.
 */
export function createFleetCache(onChange: (revision: number) => void) {
  const entries = new Map<string, AccountEntry>();
  let revision = 0;
  let flat: InstanceRow[] | null = null;
  let where: Map<string, { entry: AccountEntry; index: number }> | null = null;
  let counted: FleetCounts | null = null;
  let lastView: { key: string; revision: number; rows: InstanceRow[] } | null = null;

  const changed = () => {
    revision++;
    flat = null;
    where = null;
    counted = null;
    onChange(revision);
  };
  const all = () => (flat ??= [...entries.values()].flatMap((entry) => entry.rows));
  const locate = () => {
    if (!where) {
      where = new Map();
      for (const entry of entries.values()) entry.rows.forEach((row, index) => where!.set(row.key, { entry, index }));
    }
    return where;
  };

  return {
    get revision() {
      return revision;
    },

    /** An account's fresh result replaces its previous one whole. */
    commit(accountId: string, entry: AccountEntry): void {
      entries.set(accountId, entry);
      changed();
    },

    /** Forgets accounts that no longer exist (removed in the Accounts screen). */
    retain(accountIds: ReadonlySet<string>): void {
      const gone = [...entries.keys()].filter((id) => !accountIds.has(id));
      for (const id of gone) entries.delete(id);
      if (gone.length) changed();
    },

    entry: (accountId: string) => entries.get(accountId),
    entries: () => [...entries.values()],
    refreshes: (): AccountRefresh[] => [...entries.values()].map((entry) => entry.refresh),
    rows: all,
    counts: () => (counted ??= countRows(all())),
    find: (key: string): InstanceRow | undefined => {
      const found = locate().get(key);
      return found && found.entry.rows[found.index];
    },

    /** The rows matching a filter in sort order; the last answer is kept for the pages that follow. */
    view(filter: FleetFilter, sort: FleetSort | null): InstanceRow[] {
      const key = JSON.stringify([filter, sort]);
      if (lastView && lastView.key === key && lastView.revision === revision) return lastView.rows;
      const rows = all().filter(rowMatcher(filter)).sort(rowComparator(sort));
      lastView = { key, revision, rows };
      return rows;
    },

    /** A row changed by an action (renewed, logged out): replaced in place, so its account keeps its order. */
    patch(key: string, changes: Partial<InstanceRow>): InstanceRow | undefined {
      const found = locate().get(key);
      if (!found) return undefined;
      const next = { ...found.entry.rows[found.index]!, ...changes };
      found.entry.rows[found.index] = next;
      flat = null;
      counted = null;
      revision++;
      onChange(revision);
      return next;
    },
  };
}
export type FleetCache = ReturnType<typeof createFleetCache>;
