import { create } from 'zustand';
import { DEFAULT_SETTINGS, type AppSettings } from '../../shared/settings';
import { call } from '../bridge/client';

type SettingsState = {
  settings: AppSettings;
  /** The first load has finished (or failed, leaving the defaults): the UI may speak the chosen language. */
  loaded: boolean;
  load: () => Promise<void>;
  /** Applies the change at once and reverts it if main refuses; the caller reports the error. */
  update: (patch: Partial<AppSettings>) => Promise<void>;
};

/** Preferences live in main (settings.get/update), never in localStorage, so every window agrees. */
export const useSettingsStore = create<SettingsState>()((set, get) => ({
  settings: DEFAULT_SETTINGS,
  loaded: false,
  load: async () => {
    try {
      set({ settings: await call('settings.get', {}) });
    } finally {
      set({ loaded: true });
    }
  },
  update: async (patch) => {
    const before = get().settings;
    set({ settings: { ...before, ...patch } });
    try {
      set({ settings: await call('settings.update', patch) });
    } catch (error) {
      set({ settings: before });
      throw error;
    }
  },
}));
