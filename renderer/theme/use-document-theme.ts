import { useEffect } from 'react';
import { useSettingsStore } from '../stores/settings-store';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Puts the chosen theme on <html data-theme>; "system" follows the OS setting live. */
export function useDocumentTheme() {
  const theme = useSettingsStore((state) => state.settings.theme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme !== 'system') {
      root.dataset.theme = theme;
      return;
    }
    const query = window.matchMedia(DARK_QUERY);
    const apply = () => {
      root.dataset.theme = query.matches ? 'dark' : 'light';
    };
    apply();
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, [theme]);
}
