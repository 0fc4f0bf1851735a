import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../i18n/use-t';
import { focusableIn } from './focusable';
import { MAIN_REGION_ID } from './landmarks';

type DialogProps = {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Where focus goes on open; the first control of the content otherwise. */
  initialFocus?: RefObject<HTMLElement | null>;
  size?: 'small' | 'large';
  /** A line under the title, read by screen readers when the dialog opens. */
  description?: string;
};

/**
 * A modal dialog: the app behind it is inert, Tab cycles inside, Esc closes, and focus goes back to whatever
 * opened it. Rendered next to #root so that `inert` on #root does not reach it.
 */
export function Dialog({ title, onClose, children, initialFocus, size = 'small', description }: DialogProps) {
  const t = useT();
  const titleId = useId();
  const descriptionId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const app = document.getElementById('root');
    app?.setAttribute('inert', '');
    // The first control of the content, not the close button: that is where the work starts.
    const target = initialFocus?.current ?? (body.current && focusableIn(body.current)[0]) ?? panel.current;
    target?.focus();
    return () => {
      app?.removeAttribute('inert');
      // The opener may be gone (the row of a removed account): then the screen's main region takes focus.
      (opener?.isConnected ? opener : document.getElementById(MAIN_REGION_ID))?.focus();
    };
    // Runs once per opening: a later change of initialFocus must not pull focus back.
  }, []);

  // A control that disables itself while it works (a Send button) drops focus to <body>, outside the panel's own
  // key handler: keys arriving there still belong to the topmost dialog, so Esc closes it and Tab comes back in.
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const onStrayKey = (event: globalThis.KeyboardEvent) => {
      const dialogs = document.querySelectorAll('[role="dialog"]');
      if (!panel.current || event.target !== document.body || dialogs[dialogs.length - 1] !== panel.current) return;
      if (event.key === 'Escape') close.current();
      else if (event.key === 'Tab') {
        event.preventDefault();
        (focusableIn(panel.current)[0] ?? panel.current).focus();
      }
    };
    document.addEventListener('keydown', onStrayKey);
    return () => document.removeEventListener('keydown', onStrayKey);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !panel.current) return;
    const focusable = focusableIn(panel.current);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return event.preventDefault();
    if (event.shiftKey && (document.activeElement === first || document.activeElement === panel.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div className="dialog-backdrop">
      <div
        ref={panel}
        className={`dialog dialog-${size}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <header className="dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-button" aria-label={t('common.close')} onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        </header>
        {description && (
          <p id={descriptionId} className="dialog-description">
            {description}
          </p>
        )}
        <div ref={body} className="dialog-body">
          {children}
        </div>
      </div>
    </div>,
    document.body,
  );
}
