import type { NotificationsStatus } from '../../../../shared/calls/notifications';
import type { KeyValueStore } from '../../ports';

/**
 * The OS notification centre as the host offers it: Electron's glue (glue/notifications.ts) in the desktop app;
 * nothing in web mode and tests, where alerts stay in the page.
 */
export interface DesktopNotifier {
  supported(): boolean;
  show(text: { title: string; body: string }): void;
}

const ENABLED_KEY = 'nativeNotifications';

/**
 * At most this many OS notifications in a minute: the renderer sends one per batch of alerts, so more means a
 * page gone wrong, and the OS centre should not be flooded by it.
 */
export const MAX_PER_MINUTE = 6;
const MINUTE_MS = 60_000;

export type ShowOutcome = { shown: boolean; reason: 'shown' | 'unavailable' | 'turnedOff' | 'tooMany' };

/** OS notifications for alerts, behind the user's on/off preference (kept in the plain store, on by default). */
export function createDesktopNotifications(deps: { notifier: DesktopNotifier | null; store: KeyValueStore; now?: () => number }) {
  const now = deps.now ?? Date.now;
  const recent: number[] = [];

  const status = (): NotificationsStatus => ({
    available: deps.notifier?.supported() ?? false,
    enabled: deps.store.get<unknown>(ENABLED_KEY) !== false,
  });

  return {
    status,

    setEnabled(enabled: boolean): NotificationsStatus {
      deps.store.set(ENABLED_KEY, enabled);
      return status();
    },

    show(text: { title: string; body: string }): ShowOutcome {
      const { available, enabled } = status();
      if (!available || !deps.notifier) return { shown: false, reason: 'unavailable' };
      if (!enabled) return { shown: false, reason: 'turnedOff' };
      const at = now();
      while (recent.length > 0 && at - recent[0]! >= MINUTE_MS) recent.shift();
      if (recent.length >= MAX_PER_MINUTE) return { shown: false, reason: 'tooMany' };
      recent.push(at);
      deps.notifier.show(text);
      return { shown: true, reason: 'shown' };
    },
  };
}
export type DesktopNotifications = ReturnType<typeof createDesktopNotifications>;
