import { useMemo } from 'react';
import { useSettingsStore } from '../../stores/settings-store';

/** A calendar day (`YYYY-MM-DD`, as providers send paid-until dates) in the locale's words, never shifted by time zone. */
export function useDayFormat(): (isoDay: string) => string {
  const locale = useSettingsStore((state) => state.settings.locale);
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    return (isoDay: string) => {
      const date = new Date(`${isoDay}T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? isoDay : format.format(date);
    };
  }, [locale]);
}
