import Conf from 'conf';
import { join } from 'node:path';
import type { KeyValueStore } from '../ports';
import { openWithQuarantine } from './quarantine';

/**
 * The plain-Node store for web mode and tests: `conf` is the library electron-store is built on, with the same
 * file format and atomic writes, minus the Electron paths. `clearInvalidConfig: false` makes a corrupt file throw
 * instead of being silently emptied.
 */
export function openJsonStore(dir: string, name = 'settings') {
  const file = join(dir, `${name}.json`);
  const { store, quarantined } = openWithQuarantine(
    file,
    () => new Conf<Record<string, unknown>>({ cwd: dir, configName: name, projectName: 'switchboard', clearInvalidConfig: false }),
  );
  return { store: asKeyValueStore(store), quarantined };
}

/** electron-store extends Conf, so both hosts' stores adapt to the core's port the same way. */
export function asKeyValueStore(store: Conf<Record<string, unknown>>): KeyValueStore {
  return {
    get: <T>(key: string) => store.get(key) as T | undefined,
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
    path: store.path,
  };
}
