import { create } from 'zustand';
import type { AppErrorShape } from '../../../shared/errors';
import {
  DEFAULT_FLEET_VIEW,
  FleetFilterSchema,
  type AccountRefresh,
  type FleetColumn,
  type FleetCounts,
  type FleetFilter,
  type FleetSort,
  type FleetView,
  type InstanceRow,
} from '../../../shared/fleet';
import { call } from '../../bridge/client';
import { toAppError } from '../../errors/to-app-error';

/** Rows fetched per request: a few screens' worth, so scrolling rarely waits. */
export const PAGE_SIZE = 100;
export const EMPTY_FILTER: FleetFilter = FleetFilterSchema.parse({});

type Page = { rows: InstanceRow[]; revision: number };

type FleetState = {
  filter: FleetFilter;
  sort: FleetSort | null;
  view: FleetView;
  viewError: AppErrorShape | null;
  /** Rows matching the filter, counts over the whole fleet, and how each account's last read went. */
  total: number;
  counts: FleetCounts | null;
  accounts: AccountRefresh[];
  refreshedAt: string | null;
  /** When the rows kept from the last session were read, while any are shown (before they are read again). */
  asOf: string | null;
  refreshJobId: string | null;
  /** The newest revision main announced; pages fetched at an older one are refetched when shown. */
  revision: number;
  pages: Map<number, Page>;
  loaded: boolean;
  loadError: AppErrorShape | null;
  selection: ReadonlySet<string>;

  loadView: () => Promise<void>;
  saveView: (patch: Partial<FleetView>) => void;
  setFilter: (patch: Partial<FleetFilter>) => void;
  clearFilters: () => void;
  toggleSort: (column: FleetColumn) => void;
  /** Makes sure the rows from `first` to `last` (indices in the filtered list) are loaded and current. */
  ensureRows: (first: number, last: number) => void;
  /** Main said the rows changed. */
  changed: (revision: number) => void;
  setRefreshJob: (jobId: string | null) => void;
  /** Asks again for the first page (totals, counts, when the fleet was refreshed). */
  refetch: () => void;
  toggleRow: (key: string) => void;
  selectAllMatching: () => Promise<void>;
  clearSelection: () => void;
};

/**
 * The Instances table's state: the query (filter, sort), the pages of rows fetched for it, and the selection.
 * Main holds the fleet and answers a page at a time, so ten thousand rows never cross the bridge at once; a
 * change of query drops the pages, a `fleet.changed` only marks them stale.
 */
export const useFleetStore = create<FleetState>()((set, get) => {
  const inFlight = new Set<string>();
  let generation = 0;
  let summaryRevision = -1;

  const queryKey = () => JSON.stringify([get().filter, get().sort]);

  const fetchPage = async (index: number) => {
    const key = `${queryKey()}#${index}#${get().revision}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    const asked = generation;
    try {
      const page = await call('fleet.query', { filter: get().filter, sort: get().sort, offset: index * PAGE_SIZE, limit: PAGE_SIZE });
      // A newer query was made meanwhile: this answer belongs to the old one.
      if (asked !== generation) return;
      const pages = new Map(get().pages);
      pages.set(index, { rows: page.rows, revision: page.revision });
      // Pages fetched while scrolling repeat the same summary: only a new revision (or the first page) replaces
      // it, so the chips, filters and banners above the table do not re-render on every page.
      const summary =
        index === 0 || page.revision !== summaryRevision
          ? {
              total: page.total,
              counts: page.counts,
              accounts: page.accounts,
              refreshedAt: page.refreshedAt,
              asOf: page.asOf,
              refreshJobId: get().refreshJobId ?? page.refreshJobId,
            }
          : {};
      summaryRevision = page.revision;
      set({ pages, ...summary, revision: Math.max(get().revision, page.revision), loaded: true, loadError: null });
    } catch (error) {
      if (asked === generation) set({ loadError: toAppError(error), loaded: true });
    } finally {
      inFlight.delete(key);
    }
  };

  const requery = () => {
    generation++;
    set({ pages: new Map() });
    void fetchPage(0);
  };

  let viewTimer: ReturnType<typeof setTimeout> | null = null;
  let pendingView: Partial<FleetView> = {};

  return {
    filter: EMPTY_FILTER,
    sort: null,
    view: DEFAULT_FLEET_VIEW,
    viewError: null,
    total: 0,
    counts: null,
    accounts: [],
    refreshedAt: null,
    asOf: null,
    refreshJobId: null,
    revision: 0,
    pages: new Map(),
    loaded: false,
    loadError: null,
    selection: new Set(),

    loadView: async () => {
      try {
        const view = await call('fleet.getView', {});
        set({ view, sort: view.sort });
      } catch (error) {
        set({ viewError: toAppError(error) });
      }
      requery();
    },

    // Widths change many times a second while dragging: the layout is applied at once and saved once it settles.
    saveView: (patch) => {
      set({ view: { ...get().view, ...patch } });
      pendingView = { ...pendingView, ...patch };
      if (viewTimer) clearTimeout(viewTimer);
      viewTimer = setTimeout(async () => {
        const sending = pendingView;
        pendingView = {};
        try {
          await call('fleet.setView', sending);
          set({ viewError: null });
        } catch (error) {
          set({ viewError: toAppError(error) });
        }
      }, 400);
    },

    setFilter: (patch) => {
      set({ filter: { ...get().filter, ...patch } });
      requery();
    },
    clearFilters: () => {
      set({ filter: EMPTY_FILTER });
      requery();
    },

    /** Ascending, then descending, then unsorted. */
    toggleSort: (column) => {
      const current = get().sort;
      const sort: FleetSort | null =
        current?.column !== column ? { column, direction: 'asc' } : current.direction === 'asc' ? { column, direction: 'desc' } : null;
      set({ sort });
      get().saveView({ sort });
      requery();
    },

    ensureRows: (first, last) => {
      const { pages, revision } = get();
      for (let index = Math.floor(Math.max(0, first) / PAGE_SIZE); index <= Math.floor(Math.max(0, last) / PAGE_SIZE); index++) {
        const page = pages.get(index);
        if (!page || page.revision < revision) void fetchPage(index);
      }
    },

    changed: (revision) => {
      if (revision <= get().revision) return;
      set({ revision });
      // The first page carries the counts and totals: keep them current even when scrolled far down.
      void fetchPage(0);
    },

    setRefreshJob: (refreshJobId) => set({ refreshJobId }),
    refetch: () => void fetchPage(0),

    toggleRow: (key) => {
      const selection = new Set(get().selection);
      if (selection.has(key)) selection.delete(key);
      else selection.add(key);
      set({ selection });
    },
    selectAllMatching: async () => {
      try {
        const { keys } = await call('fleet.keys', { filter: get().filter });
        set({ selection: new Set(keys) });
      } catch (error) {
        set({ loadError: toAppError(error) });
      }
    },
    clearSelection: () => set({ selection: new Set() }),
  };
});

/** The row at an index of the filtered list, if its page is loaded. */
export function rowAt(pages: Map<number, Page>, index: number): InstanceRow | undefined {
  return pages.get(Math.floor(index / PAGE_SIZE))?.rows[index % PAGE_SIZE];
}
