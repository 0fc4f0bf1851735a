import { beforeEach, describe, expect, it, vi } from 'vitest';

// The one fake the architecture allows: the `electron` module itself.
type Listener = () => void;
const shown: FakeNotification[] = [];
let supported = true;
class FakeNotification {
  static isSupported = () => supported;
  readonly listeners = new Map<string, Listener>();
  visible = false;
  constructor(readonly options: { title: string; body: string }) {}
  on(name: string, listener: Listener) {
    this.listeners.set(name, listener);
    return this;
  }
  show() {
    this.visible = true;
    shown.push(this);
  }
}
vi.mock('electron', () => ({ Notification: FakeNotification }));
const { createElectronNotifier } = await import('./notifications');

beforeEach(() => {
  shown.length = 0;
  supported = true;
});

describe('OS notifications through Electron', () => {
  it('shows the title and body it is given, and a click brings the console forward', () => {
    const onClick = vi.fn();
    const notifier = createElectronNotifier({ onClick, platform: 'darwin' });
    expect(notifier.supported()).toBe(true);
    notifier.show({ title: 'Low balance', body: 'Jetapi main: the balance 10.00 is below 100.00.' });
    expect(shown).toHaveLength(1);
    expect(shown[0]!.options).toEqual({ title: 'Low balance', body: 'Jetapi main: the balance 10.00 is below 100.00.' });
    expect(shown[0]!.visible).toBe(true);
    shown[0]!.listeners.get('click')!();
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('escapes body markup on Linux, where notification servers may read it as links and styles', () => {
    const notifier = createElectronNotifier({ onClick: () => {}, platform: 'linux' });
    notifier.show({ title: 'A <b>name</b>', body: '<a href="https://evil.example">Acme & Co</a>' });
    expect(shown[0]!.options.body).toBe('&lt;a href="https://evil.example"&gt;Acme &amp; Co&lt;/a&gt;');
    // The summary is never markup (freedesktop notification spec): left as typed.
    expect(shown[0]!.options.title).toBe('A <b>name</b>');
  });

  it('leaves the body as typed elsewhere', () => {
    createElectronNotifier({ onClick: () => {}, platform: 'win32' }).show({ title: 't', body: 'Acme & Co <x>' });
    expect(shown[0]!.options.body).toBe('Acme & Co <x>');
  });

  it('reports a system without a notification centre', () => {
    supported = false;
    expect(createElectronNotifier({ onClick: () => {} }).supported()).toBe(false);
  });
});
