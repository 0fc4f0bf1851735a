import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useT } from '../../../i18n/use-t';
import { useNoticeStore } from '../../../stores/notice-store';

/** "Delete webhook <name>?" naming the address that stops getting events; "deleted" is announced, then the list reloads. */
export function DeleteWebhookDialog({ name, url, remove, onDeleted, onClose }: {
  name: string;
  url: string;
  remove: () => Promise<unknown>;
  onDeleted: () => Promise<void>;
  onClose: () => void;
}) {
  const t = useT();
  const announce = useNoticeStore((state) => state.announce);
  return (
    <ConfirmDialog
      title={t('webhooks.deleteTitle', { name })}
      body={t('webhooks.deleteBody', { url })}
      confirmLabel={t('webhooks.deleteConfirm')}
      onConfirm={async () => {
        await remove();
        announce(t('webhooks.deleted'));
        await onDeleted();
      }}
      onClose={onClose}
    />
  );
}
