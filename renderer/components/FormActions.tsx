import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';

/**
 * A form's closing row: its submit button, disabled and marked busy while the form is being sent (so a second press
 * cannot send it twice), then any secondary buttons, then Cancel when the form can be left.
 */
export function FormActions({ submit, busy = false, busyLabel, onCancel, className, children }: {
  /** The submit button's text. */
  submit: string;
  busy?: boolean;
  /** The submit button's text while busy; without it the text stays the same. */
  busyLabel?: string;
  /** Shown as a Cancel button when given. */
  onCancel?: () => void;
  /** Added to the row's own class (a dialog's `dialog-actions`). */
  className?: string;
  /** Secondary buttons, between submit and Cancel. */
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <div className={className ? `button-row ${className}` : 'button-row'}>
      <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
        {busy && busyLabel ? busyLabel : submit}
      </button>
      {children}
      {onCancel && (
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
    </div>
  );
}
