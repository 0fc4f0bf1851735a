import { useT } from '../i18n/use-t';

/** Passed / failed in words and a symbol, never by colour alone. */
export function StatusBadge({ ok }: { ok: boolean }) {
  const t = useT();
  return (
    <span className={`badge ${ok ? 'badge-ok' : 'badge-failed'}`}>
      <span aria-hidden="true">{ok ? '✓ ' : '✕ '}</span>
      {ok ? t('status.passed') : t('status.failed')}
    </span>
  );
}
