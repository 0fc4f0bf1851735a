import { Notification } from 'electron';
import type { DesktopNotifier } from '../core/services/notifications/desktop-notifications';

/**
 * Linux notification servers that advertise `body-markup` read the body as markup (links included), and Electron
 * passes it on as it is (Signal Desktop escapes for the same reason): an account named `<a href=…>` must show as
 * text.
 */
export function escapeBodyMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * OS notifications through Electron's main-process `Notification` (the page's own Notification API stays denied by
 * the session's permission handler). Clicking one brings the console forward.
 */
export function createElectronNotifier(options: { onClick: () => void; platform?: NodeJS.Platform }): DesktopNotifier {
  const platform = options.platform ?? process.platform;
  // Held until closed: a notification object that is garbage-collected loses its click handler.
  const open = new Set<Notification>();
  return {
    supported: () => Notification.isSupported(),
    show({ title, body }) {
      const notification = new Notification({ title, body: platform === 'linux' ? escapeBodyMarkup(body) : body });
      const forget = () => open.delete(notification);
      notification.on('click', () => {
        forget();
        options.onClick();
      });
      notification.on('close', forget);
      notification.on('failed', forget);
      open.add(notification);
      notification.show();
    },
  };
}
