import type { Locale } from '../../shared/settings';
import { catalogs, type MessageKey } from './catalog';

export type MessageParams = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** `{name}` placeholders are filled from params; numbers are formatted for the locale. */
export function createTranslator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  return (key, params = {}) => {
    const message = catalog[key];
    const template =
      typeof message === 'string'
        ? message
        : (message[plurals.select(Number(params.count ?? 0)) as keyof typeof message] ?? message.other);
    return template.replace(/\{(\w+)\}/g, (placeholder: string, name: string) => {
      const value = params[name];
      if (value === undefined) return placeholder;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
}

/** For keys that arrive as data (connection-test facts): whether this build has words for them. */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(catalogs.en, key);
