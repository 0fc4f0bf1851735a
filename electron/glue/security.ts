import { shell, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY, isAppUrl } from './app-origin';

/** Links the console may open in the user's browser: the providers' own cabinets and documentation, https only. */
const EXTERNAL_HOSTS = [
  'green-api.com',
  'chategy.io',
  'jetapi.io',
  'chat2desk.com',
  'chatti.io',
  't.me',
  'github.com',
] as const;

export function isAllowedExternal(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
    return EXTERNAL_HOSTS.some((host) => parsed.hostname === host || parsed.hostname.endsWith(`.${host}`));
  } catch {
    return false;
  }
}

/** The only door to shell.openExternal: anything off the allow-list is refused. */
export async function openExternalSafely(url: string): Promise<boolean> {
  if (!isAllowedExternal(url)) return false;
  await shell.openExternal(url);
  return true;
}

/** No navigation away from the app, no new windows, no webviews; allow-listed links go to the system browser. */
export function hardenWebContents(contents: WebContents): void {
  const refuseForeign = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', refuseForeign);
  contents.on('will-redirect', refuseForeign);
  contents.on('will-frame-navigate', (event) => refuseForeign(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url);
    return { action: 'deny' };
  });
}

/** Every permission (camera, notifications, geolocation…) is refused, and every response carries the CSP. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}
