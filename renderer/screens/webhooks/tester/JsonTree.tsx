import { useT } from '../../../i18n/use-t';

/** How deep the tree starts open: the envelope and the first level of the payload. */
const OPEN_DEPTH = 2;

/**
 * A JSON value as nested lists: objects and arrays fold (details/summary, keyboard-operable), scalars show as JSON
 * (strings quoted, so `"1"` and `1` differ as they do on the wire).
 */
export function JsonTree({ value, label }: { value: unknown; label: string }) {
  const t = useT();
  return (
    <ul className="json-tree" aria-label={label || t('webhooks.tester.tree')} data-testid="json-tree">
      <Node name={null} value={value} depth={0} />
    </ul>
  );
}

function Node({ name, value, depth }: { name: string | null; value: unknown; depth: number }) {
  const key = name === null ? null : <span className="json-key">{name}: </span>;
  if (value === null || typeof value !== 'object') {
    return (
      <li>
        {key}
        <span className="json-value">{JSON.stringify(value)}</span>
      </li>
    );
  }
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
  const shape = Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`;
  return (
    <li>
      <details open={depth < OPEN_DEPTH}>
        <summary>
          {key}
          <span className="muted">{shape}</span>
        </summary>
        <ul>
          {entries.map(([childName, child]) => (
            <Node key={childName} name={childName} value={child} depth={depth + 1} />
          ))}
        </ul>
      </details>
    </li>
  );
}
