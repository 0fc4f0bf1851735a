import type { Locale } from '../../shared/settings';
import { areas } from './areas';
import type { PluralMessage } from './catalog-types';
import { en } from './en';
import { ru } from './ru';

export type { PluralMessage, RussianPlural } from './catalog-types';

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type AreaEnglish = UnionToIntersection<(typeof areas)[number] extends { en: infer E } ? E : never>;
type CoreEnglish = typeof en;
type EnglishCatalog = CoreEnglish & ([AreaEnglish] extends [never] ? unknown : AreaEnglish);
export type MessageKey = keyof EnglishCatalog;

/**
 * Every other language must translate every English key, in the same kind (plain or plural); Russian plurals
 * need all three forms. A missing or extra key is a compile error.
 */
export type Catalog<Plural> = { readonly [K in keyof CoreEnglish]: CoreEnglish[K] extends string ? string : Plural };
type FullCatalog = { readonly [K in MessageKey]: string | PluralMessage };

type Area = { en: object; ru: object };
const merge = (core: object, locale: keyof Area) =>
  Object.assign({}, core, ...(areas as readonly Area[]).map((area) => area[locale])) as FullCatalog;

export const catalogs: Record<Locale, FullCatalog> = { en: merge(en, 'en'), ru: merge(ru, 'ru') };
