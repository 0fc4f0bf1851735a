import { useMemo } from 'react';
import type { Locale } from '../../shared/settings';
import { useSettingsStore } from '../stores/settings-store';

/** Numbers, money and dates in the conventions of the chosen language (Intl does the work). */
export function createFormat(locale: Locale) {
  const numbers = new Intl.NumberFormat(locale);
  const milliseconds = new Intl.NumberFormat(locale, { style: 'unit', unit: 'millisecond', unitDisplay: 'short' });
  const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    number: (value: number) => numbers.format(value),
    milliseconds: (value: number) => milliseconds.format(Math.round(value)),
    /**
     * Balances and prices. The currency code comes from the provider (RUB, USD, KZT…) when it names one; some
     * (Chategy/Jetapi) send a bare decimal, which is shown with two decimals and no symbol.
     */
    money: (amount: number, currency?: string) => {
      const style: Intl.NumberFormatOptions = currency
        ? { style: 'currency', currency }
        : { minimumFractionDigits: 2, maximumFractionDigits: 2 };
      return new Intl.NumberFormat(locale, style).format(amount);
    },
    /** An ISO timestamp as a local date and time; an unparsable one is shown as it came. */
    dateTime: (iso: string) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : dateTimes.format(date);
    },
  };
}
export type Format = ReturnType<typeof createFormat>;

export function useFormat(): Format {
  const locale = useSettingsStore((state) => state.settings.locale);
  return useMemo(() => createFormat(locale), [locale]);
}
