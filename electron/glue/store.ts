import { app } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import { asKeyValueStore } from '../core/store/json-store';
import { openWithQuarantine } from '../core/store/quarantine';

/**
 * Non-secret settings in electron-store, in the user-data directory. `clearInvalidConfig: false` turns a corrupt
 * file into an error, which the quarantine turns into "moved aside and reported" instead of a silent reset.
 */
export function openElectronStore() {
  const file = join(app.getPath('userData'), 'settings.json');
  const { store, quarantined } = openWithQuarantine(
    file,
    () => new Store<Record<string, unknown>>({ name: 'settings', clearInvalidConfig: false }),
  );
  return { store: asKeyValueStore(store), quarantined };
}
