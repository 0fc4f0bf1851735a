import type { ReactNode } from 'react';

/** One event a webhook can subscribe to: a checkbox named by the event, and what it delivers as its description. */
export function EventChoice({ id, name, checked, onChange, badge, children }: {
  /** The description's id (the checkbox is described by it). */
  id: string;
  name: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** After the name, inside the label (Chat2Desk: "per channel"). */
  badge?: ReactNode;
  /** What the event delivers. */
  children: ReactNode;
}) {
  return (
    <div className="choice">
      <label className="checkbox">
        <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} aria-describedby={id} />
        <span className="mono">{name}</span>
        {badge}
      </label>
      <p id={id} className="field-hint">
        {children}
      </p>
    </div>
  );
}

/** `list` with `item` added (on) or removed (off): a checkbox list's new selection. */
export function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list, item] : list.filter((value) => value !== item);
}
