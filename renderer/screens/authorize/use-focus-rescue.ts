import { useEffect, type RefObject } from 'react';

/**
 * Live sessions replace their buttons as their state moves on (a "Try again" that worked is gone). When the
 * focused control disappears, focus would fall to the page body, outside the dialog, where Esc and Tab no longer
 * reach it: this puts it back on `container` (give it tabIndex -1) as soon as the content changes.
 */
export function useFocusRescue(container: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new MutationObserver(() => {
      const active = document.activeElement;
      if (!active || active === document.body || !active.isConnected) element.focus({ preventScroll: true });
    });
    observer.observe(element, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [container]);
}
