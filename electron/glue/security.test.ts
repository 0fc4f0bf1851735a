import { beforeEach, describe, expect, it, vi } from 'vitest';

// The one fake the architecture allows: the `electron` module itself.
const openExternal = vi.fn(async () => {});
vi.mock('electron', () => ({ shell: { openExternal } }));

const { hardenSession, hardenWebContents, isAllowedExternal, openExternalSafely } = await import('./security');
const { CONTENT_SECURITY_POLICY } = await import('./app-origin');

type Listener = (...args: any[]) => void;
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return {
    on: (name: string, listener: Listener) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    fire(name: string, url: string) {
      const event = { url, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
      listeners.get(name)!(event, url);
      return event.defaultPrevented;
    },
    open: (url: string) => openHandler!({ url }),
    listeners,
  };
}

beforeEach(() => openExternal.mockClear());

describe('web contents hardening', () => {
  it('refuses navigation and redirects away from the app origin', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never);
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-frame-navigate', 'http://127.0.0.1:1/')).toBe(true);
    expect(contents.fire('will-navigate', 'app://switchboard/index.html#/accounts')).toBe(false);
    expect(contents.fire('will-attach-webview', 'app://switchboard/')).toBe(true);
  });

  it('denies every new window and opens only allow-listed https links externally', async () => {
    const contents = fakeContents();
    hardenWebContents(contents as never);
    expect(contents.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(contents.open('https://console.green-api.com/')).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://console.green-api.com/');
  });

  it('allows only https links to the providers and refuses credentials, other schemes and look-alikes', async () => {
    expect(isAllowedExternal('https://green-api.com/docs')).toBe(true);
    expect(isAllowedExternal('http://green-api.com/')).toBe(false);
    expect(isAllowedExternal('https://green-api.com.evil.io/')).toBe(false);
    expect(isAllowedExternal('https://user:pw@jetapi.io/')).toBe(false);
    expect(isAllowedExternal('file:///C:/Windows/system32/calc.exe')).toBe(false);
    expect(await openExternalSafely('javascript:alert(1)')).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });
});

describe('session hardening', () => {
  it('denies every permission request and check, and adds the CSP to every response', () => {
    const handlers: Record<string, any> = {};
    const session = {
      setPermissionRequestHandler: (h: any) => (handlers.request = h),
      setPermissionCheckHandler: (h: any) => (handlers.check = h),
      setDevicePermissionHandler: (h: any) => (handlers.device = h),
      webRequest: { onHeadersReceived: (h: any) => (handlers.headers = h) },
    };
    hardenSession(session as never);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      handlers.request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(handlers.check({}, 'media')).toBe(false);
    expect(handlers.device({})).toBe(false);
    const callback = vi.fn();
    handlers.headers({ responseHeaders: { 'X-Test': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'X-Test': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  it('has a CSP with script-src self and no unsafe sources', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});

describe('renderer CSP meta', () => {
  it('repeats the header policy, without frame-ancestors (ignored in a meta element)', async () => {
    const { readFileSync } = await import('node:fs');
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });
});
