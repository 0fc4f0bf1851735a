import { useSyncExternalStore } from 'react';
import { screenFromHash, screenHref, type ScreenId } from './screens';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** Goes to a screen the way a navigation link does, for screens that hand work to another (Instances → the QR wall). */
export function navigateTo(screen: ScreenId): void {
  window.location.hash = screenHref(screen);
}

/**
 * The current screen lives in the URL fragment (`#/accounts`): reload-safe and with working Back/Forward. The web
 * bridge has already taken its `#token=` out of the fragment before anything renders.
 */
export function useHashRoute(): [ScreenId, (screen: ScreenId) => void] {
  const screen = useSyncExternalStore(subscribe, () => screenFromHash(window.location.hash));
  return [screen, navigateTo];
}
