import type { ReactNode } from 'react';
import { useT } from '../../../i18n/use-t';

/** Above a webhook list: its status line (a live region the provider's list words), then Load and Add webhook. */
export function WebhookListToolbar({ status, onLoad, onAdd }: { status: ReactNode; onLoad: () => void; onAdd: () => void }) {
  const t = useT();
  return (
    <div className="toolbar">
      {status}
      <div className="button-row">
        <button type="button" className="button" onClick={onLoad}>
          {t('webhooks.load')}
        </button>
        <button type="button" className="button button-primary" onClick={onAdd}>
          {t('webhooks.add')}
        </button>
      </div>
    </div>
  );
}
