import type { ReactNode } from 'react';
import { useT } from '../../../i18n/use-t';

/** A webhook row's Edit and Remove buttons, named after the webhook for screen readers; `children` go between them. */
export function WebhookRowActions({ name, onEdit, onDelete, children }: { name: string; onEdit: () => void; onDelete: () => void; children?: ReactNode }) {
  const t = useT();
  return (
    <span className="row-actions">
      <button type="button" className="button" aria-label={t('webhooks.edit', { name })} onClick={onEdit}>
        {t('common.edit')}
      </button>
      {children}
      <button type="button" className="button button-danger-quiet" aria-label={t('webhooks.delete', { name })} onClick={onDelete}>
        {t('common.remove')}
      </button>
    </span>
  );
}
