import { useCallback, useSyncExternalStore } from 'react';
import { screenFromHash, screenHref, type ScreenId } from './screens';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/**
 * The current screen lives in the URL fragment (`#/accounts`): reload-safe and with working Back/Forward. The web
 * bridge has already taken its `#token=` out of the fragment before anything renders.
 */
export function useHashRoute(): [ScreenId, (screen: ScreenId) => void] {
  const screen = useSyncExternalStore(subscribe, () => screenFromHash(window.location.hash));
  const navigate = useCallback((next: ScreenId) => {
    window.location.hash = screenHref(next);
  }, []);
  return [screen, navigate];
}
