import type { ReactNode } from 'react';

export type TextFieldProps = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown under the field and announced with it. */
  error?: string | undefined;
  hint?: ReactNode;
  /** In a table the column header says what the field is; the label stays for screen readers. */
  hideLabel?: boolean;
  readOnly?: boolean;
  type?: 'text' | 'password' | 'url';
  placeholder?: string;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'url';
  /** Announced (aria-required), not starred: optional fields say "(optional)" in their label instead. */
  required?: boolean;
};

/** A labelled input with its hint and error tied to it (aria-describedby, aria-invalid). */
export function TextField(props: TextFieldProps) {
  const { id, label, value, onChange, error, hint, hideLabel, readOnly, type = 'text' } = props;
  const { placeholder, autoComplete, inputMode, required } = props;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        readOnly={readOnly}
        placeholder={placeholder}
        autoComplete={autoComplete ?? 'off'}
        inputMode={inputMode}
        spellCheck={false}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
