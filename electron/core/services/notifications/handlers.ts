import type { Handlers } from '../../bridge/dispatcher';
import type { KeyValueStore } from '../../ports';
import { createDesktopNotifications, type DesktopNotifier } from './desktop-notifications';

type NotificationHandlers = Pick<Handlers, 'notifications.show' | 'notifications.status' | 'notifications.setEnabled'>;

/** The notifications.* calls; `notifier` is null where there is no OS notification centre (web mode, tests). */
export function createNotificationHandlers(deps: { notifier: DesktopNotifier | null; store: KeyValueStore }): NotificationHandlers {
  const notifications = createDesktopNotifications(deps);
  return {
    'notifications.show': (text) => notifications.show(text),
    'notifications.status': () => notifications.status(),
    'notifications.setEnabled': ({ enabled }) => notifications.setEnabled(enabled),
  };
}
