import { useEffect, useRef } from 'react';
import type { FieldErrors } from '../errors/field-errors';
import { useT } from '../i18n/use-t';

type ErrorSummaryProps = {
  errors: FieldErrors;
  /** What the field is called, in words (`Instance 2 · idInstance`). */
  labelOf: (path: string) => string;
  /** The input's element id, to move focus there. */
  idOf: (path: string) => string;
};

/**
 * Every field problem in one list at the top of the form, each a button to the field. Problems whose field is
 * not on screen (a whole list, say) are still shown here.
 */
export function ErrorSummary({ errors, labelOf, idOf }: ErrorSummaryProps) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  // A new set of problems takes focus, so keyboard users start from the list rather than hunt for it.
  useEffect(() => {
    if (Object.keys(errors).length) box.current?.focus();
  }, [errors]);
  if (!entries.length) return null;
  return (
    <div ref={box} tabIndex={-1} className="message message-error error-summary" role="alert">
      <p className="error-summary-title">{t('form.fixFields', { count: entries.length })}</p>
      <ul>
        {entries.map(([path, message]) => (
          <li key={path}>
            <button type="button" className="link-button" onClick={() => document.getElementById(idOf(path))?.focus()}>
              {labelOf(path)}
            </button>
            {': '}
            {message}
          </li>
        ))}
      </ul>
    </div>
  );
}
