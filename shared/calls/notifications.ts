import { z } from 'zod';
import { call, Empty } from './define';

/** Longer text is cut by the OS anyway; the bounds keep a misbehaving page from handing main megabytes. */
export const NOTIFICATION_TITLE_MAX = 120;
export const NOTIFICATION_BODY_MAX = 1000;

/**
 * What one OS notification carries: plain text the renderer has already worded in the user's language. Alerts
 * name accounts and instance ids only, never a secret.
 */
export const NotificationTextSchema = z
  .object({
    title: z.string().trim().min(1).max(NOTIFICATION_TITLE_MAX),
    body: z.string().trim().max(NOTIFICATION_BODY_MAX),
  })
  .strict();

export const NotificationsStatusSchema = z.object({
  /** This console can show OS notifications: the desktop app on a system that has them (never web mode). */
  available: z.boolean(),
  /** The user wants them (on until turned off). */
  enabled: z.boolean(),
});
export type NotificationsStatus = z.infer<typeof NotificationsStatusSchema>;

/** OS-native notifications for alerts; the in-page notice is the renderer's own and shows either way. */
export const notificationCalls = {
  /** Shows one OS notification, or says why none was shown (web mode, turned off, too many at once). */
  'notifications.show': call(
    NotificationTextSchema,
    z.object({ shown: z.boolean(), reason: z.enum(['shown', 'unavailable', 'turnedOff', 'tooMany']) }),
  ),
  'notifications.status': call(Empty, NotificationsStatusSchema),
  'notifications.setEnabled': call(z.object({ enabled: z.boolean() }).strict(), NotificationsStatusSchema),
} as const;
