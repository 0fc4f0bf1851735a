import type { ReactNode } from 'react';

/** A group of controls under its legend, described by a hint; the group's problem, if any, closes it. */
export function HintedFieldset({ hintId, legend, hint, error, children }: {
  /** The hint's id (the fieldset is described by it). */
  hintId: string;
  legend: string;
  hint: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="fieldset" aria-describedby={hintId}>
      <legend>{legend}</legend>
      <p id={hintId} className="field-hint">
        {hint}
      </p>
      {children}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
