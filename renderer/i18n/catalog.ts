import type { Locale } from '../../shared/settings';
import { en } from './en';
import { ru } from './ru';

/** A message that depends on a count, chosen with Intl.PluralRules (`{count}` is filled in). */
export type PluralMessage = { readonly one: string; readonly other: string; readonly few?: string; readonly many?: string };
type EnglishCatalog = typeof en;
export type MessageKey = keyof EnglishCatalog;

/**
 * Every other language must translate every English key, in the same kind (plain or plural); Russian plurals
 * need all three forms. A missing or extra key is a compile error.
 */
export type Catalog<Plural> = { readonly [K in MessageKey]: EnglishCatalog[K] extends string ? string : Plural };
export type RussianPlural = { readonly one: string; readonly few: string; readonly many: string; readonly other: string };

export const catalogs: Record<Locale, Catalog<PluralMessage>> = { en, ru };
