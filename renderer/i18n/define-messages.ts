import type { PluralMessage, RussianPlural } from './catalog-types';

/**
 * One screen's messages in both languages, side by side. Russian is typed against English: a missing or extra
 * key, or a plural without all three Russian forms, is a compile error. Each area file is listed once in
 * areas.ts, so screens add words without touching one another's files.
 */
export function defineMessages<const E extends Record<string, string | PluralMessage>>(
  en: E,
  ru: { readonly [K in keyof E]: E[K] extends string ? string : RussianPlural },
) {
  return { en, ru };
}
