import { z } from 'zod';

export const ThemeSchema = z.enum(['system', 'light', 'dark']);
export const LocaleSchema = z.enum(['en', 'ru']);
export type Locale = z.infer<typeof LocaleSchema>;

export const AppSettingsSchema = z.object({
  theme: ThemeSchema,
  locale: LocaleSchema,
  /** The user said "no thanks" to the demo workspace; do not offer it again. */
  demoDismissed: z.boolean(),
});
export type AppSettings = z.infer<typeof AppSettingsSchema>;
export const DEFAULT_SETTINGS: AppSettings = { theme: 'system', locale: 'en', demoDismissed: false };
