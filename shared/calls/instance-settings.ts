import { z } from 'zod';
import {
  Chat2DeskCompanyChangesSchema,
  Chat2DeskCompanySettingsSchema,
  ChatpushInstanceChangesSchema,
  ChatpushInstanceFieldsSchema,
  CopyResultSchema,
  CopySettingsInputSchema,
  GreenApiInstanceSettingsSchema,
  GreenApiInstanceTargetSchema,
  GreenApiSettingsChangesSchema,
} from '../instance-settings';
import { call } from './define';

const Id = z.string().min(1).max(64);

/** The Settings screen: one instance's provider settings, and copying them to many instances. */
export const instanceSettingsCalls = {
  'instancesettings.greenapiGet': call(GreenApiInstanceTargetSchema, GreenApiInstanceSettingsSchema),
  /** Sends only the keys that differ from the instance's current settings (setSettings restarts the instance). */
  'instancesettings.greenapiSave': call(
    GreenApiInstanceTargetSchema.extend({ changes: GreenApiSettingsChangesSchema }).strict(),
    z.object({ changed: z.array(z.string()), settings: GreenApiInstanceSettingsSchema }),
    { audit: true },
  ),
  /** Starts a job copying the chosen settings of one instance to many; results per instance via copyResults. */
  'instancesettings.greenapiCopy': call(CopySettingsInputSchema, z.object({ jobId: z.string() }), { audit: true }),
  'instancesettings.copyResults': call(z.object({ jobId: z.string().min(1).max(64) }).strict(), z.array(CopyResultSchema)),

  'instancesettings.chatpushList': call(z.object({ accountId: Id }).strict(), z.array(ChatpushInstanceFieldsSchema)),
  /** The developer update call (§2 Update) with only the fields the user changed. */
  'instancesettings.chatpushSave': call(
    z.object({ accountId: Id, instanceId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER), changes: ChatpushInstanceChangesSchema }).strict(),
    ChatpushInstanceFieldsSchema,
    { audit: true },
  ),

  'instancesettings.chatDeskGet': call(z.object({ accountId: Id }).strict(), Chat2DeskCompanySettingsSchema),
  /** Switches the working mode and writes the custom info fields, each only when it differs. */
  'instancesettings.chatDeskSave': call(
    z.object({ accountId: Id, changes: Chat2DeskCompanyChangesSchema }).strict(),
    z.object({ changed: z.array(z.string()), settings: Chat2DeskCompanySettingsSchema }),
    { audit: true },
  ),
} as const;
