import { AppSettingsSchema, DEFAULT_SETTINGS, type AppSettings } from '../../../../shared/settings';
import type { KeyValueStore } from '../../ports';

const KEY = 'settings';

/** App preferences (theme, language…): plain store, merged over defaults so new fields get sensible values. */
export function createSettingsService(store: KeyValueStore) {
  const get = (): AppSettings => {
    const parsed = AppSettingsSchema.partial().safeParse(store.get(KEY) ?? {});
    return { ...DEFAULT_SETTINGS, ...(parsed.success ? parsed.data : {}) };
  };
  return {
    get,
    update(patch: Partial<AppSettings>): AppSettings {
      const next = { ...get(), ...patch };
      store.set(KEY, next);
      return next;
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
