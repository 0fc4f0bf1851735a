import type { Catalog, RussianPlural } from './catalog'; export const ru: Catalog<RussianPlural> = {};
