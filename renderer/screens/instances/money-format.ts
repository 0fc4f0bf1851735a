import { useMemo } from 'react';
import { useSettingsStore } from '../../stores/settings-store';

/**
 * Decimal strings from main ("780.70") formatted for the locale without ever becoming floats: Intl formats the
 * string itself (exact decimal formatting), grouping digits and using the locale's decimal sign.
 */
export function useMoneyFormat(): (amount: string) => string {
  const locale = useSettingsStore((state) => state.settings.locale);
  return useMemo(() => {
    const format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 20 });
    return (amount: string) => format.format(amount as Intl.StringNumericLiteral);
  }, [locale]);
}
