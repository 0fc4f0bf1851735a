/** A message that depends on a count, chosen with Intl.PluralRules (`{count}` is filled in). */
export type PluralMessage = { readonly one: string; readonly other: string; readonly few?: string; readonly many?: string };
export type RussianPlural = { readonly one: string; readonly few: string; readonly many: string; readonly other: string };
