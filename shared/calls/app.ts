import { z } from 'zod';
import { AppSettingsSchema } from '../settings';
import { PassphraseSchema, QuarantinedFileSchema, VaultStatusSchema } from '../vault';
import { AccountViewSchema } from '../accounts';
import { call, Done, Empty } from './define';

/** The console itself: version and runtime, preferences, the vault, the demo workspace. */
export const appCalls = {
  'app.info': call(
    Empty,
    z.object({
      version: z.string(),
      runtime: z.enum(['electron', 'web']),
      platform: z.string(),
      dataDir: z.string(),
      sandbox: z.object({ running: z.boolean() }),
      /** Files that could not be read at start-up and were moved aside, never reset. */
      quarantined: z.array(QuarantinedFileSchema),
    }),
  ),
  'settings.get': call(Empty, AppSettingsSchema),
  'settings.update': call(AppSettingsSchema.partial().strict(), AppSettingsSchema),

  'vault.status': call(Empty, VaultStatusSchema),
  'vault.setUpPassphrase': call(z.object({ passphrase: PassphraseSchema }).strict(), VaultStatusSchema, { audit: true }),
  'vault.unlock': call(z.object({ passphrase: z.string().min(1).max(1024) }).strict(), VaultStatusSchema),
  /** After corruption, a lost keychain key or a forgotten passphrase: start an empty vault. The old file stays aside. */
  'vault.startFresh': call(z.object({ confirm: z.literal(true) }).strict(), VaultStatusSchema, { audit: true }),

  'demo.status': call(Empty, z.object({ offered: z.boolean(), active: z.boolean() })),
  'demo.create': call(Empty, z.array(AccountViewSchema), { audit: true }),
  'demo.dismiss': call(Empty, Done),
} as const;
