import { useMemo } from 'react';
import { useSettingsStore } from '../stores/settings-store';
import { createTranslator, type Translate } from './translate';

/** The translator for the language chosen in Settings; re-renders when the language changes. */
export function useT(): Translate {
  const locale = useSettingsStore((state) => state.settings.locale);
  return useMemo(() => createTranslator(locale), [locale]);
}
