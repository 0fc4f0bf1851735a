import { call } from '../../../bridge/client';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useT } from '../../../i18n/use-t';
import { useNoticeStore } from '../../../stores/notice-store';
import type { ClientTarget } from './target';

/** §6.4: deleting is for everyone and final, and allowed only in documented conditions: say them before asking. */
export function DeleteDeliveryDialog({ target, deliveryId, onClose, onDeleted }: { target: ClientTarget; deliveryId: number; onClose: () => void; onDeleted: () => void }) {
  const t = useT();
  const announce = useNoticeStore((state) => state.announce);
  return (
    <ConfirmDialog
      title={t('deliveries.delete.title', { id: String(deliveryId) })}
      body={t('deliveries.delete.body')}
      confirmLabel={t('deliveries.delete.confirm')}
      onConfirm={async () => {
        await call('deliveries.delete', { ...target, deliveryId });
        onDeleted();
        announce(t('deliveries.delete.done', { id: String(deliveryId) }));
      }}
      onClose={onClose}
    />
  );
}
