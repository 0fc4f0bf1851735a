import { useEffect } from 'react';
import { SCREEN_IDS, type ScreenId } from './screens';

/**
 * Alt+1 … Alt+7 jump to the screens in navigation order. `event.code` rather than `event.key`, because Alt+digit
 * types a symbol on macOS and some layouts. Ignored while a modal dialog is open: it owns the keyboard.
 */
export function useScreenShortcuts(navigate: (screen: ScreenId) => void) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const digit = /^Digit([1-9])$/.exec(event.code)?.[1];
      const screen = digit ? SCREEN_IDS[Number(digit) - 1] : undefined;
      if (!screen || document.querySelector('[aria-modal="true"]')) return;
      event.preventDefault();
      navigate(screen);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
}
