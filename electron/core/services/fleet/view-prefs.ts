import { DEFAULT_FLEET_VIEW, FleetViewSchema, type FleetView } from '../../../../shared/fleet';
import type { KeyValueStore } from '../../ports';

const KEY = 'fleetView';

/** The Instances table's layout (columns, widths, sort), kept in main's store so it survives a restart. */
export function createViewPrefs(store: KeyValueStore) {
  const get = (): FleetView => {
    const parsed = FleetViewSchema.partial().safeParse(store.get(KEY) ?? {});
    return { ...DEFAULT_FLEET_VIEW, ...(parsed.success ? parsed.data : {}) };
  };
  return {
    get,
    update(patch: Partial<FleetView>): FleetView {
      const next = { ...get(), ...patch };
      store.set(KEY, next);
      return next;
    },
  };
}
