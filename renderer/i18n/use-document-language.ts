import { useEffect } from 'react';
import { useSettingsStore } from '../stores/settings-store';

/** Keeps <html lang> in step with the chosen language, for screen readers and hyphenation. */
export function useDocumentLanguage() {
  const locale = useSettingsStore((state) => state.settings.locale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
}
