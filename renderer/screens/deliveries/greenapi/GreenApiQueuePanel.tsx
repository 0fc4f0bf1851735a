import { useCallback, useState } from 'react';
import { call } from '../../../bridge/client';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useT } from '../../../i18n/use-t';
import { useNoticeStore } from '../../../stores/notice-store';
import { useAction } from '../../../components/use-action';
import type { InstanceTarget } from './target';

/** §6 showMessagesQueue and clearMessagesQueue, the latter only after a confirmation that gives GREEN-API's advice. */
export function GreenApiQueuePanel({ target }: { target: InstanceTarget }) {
  const t = useT();
  const announce = useNoticeStore((state) => state.announce);
  const [confirming, setConfirming] = useState(false);
  const show = useAction(useCallback(() => call('deliveries.greenapiQueue', target), [target]));
  const items = show.result ?? [];

  return (
    <div>
      <p className="muted">{t('deliveries.ga.queue.about')}</p>
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={show.busy} aria-busy={show.busy} onClick={() => void show.run()}>
          {t('deliveries.ga.queue.show')}
        </button>
        <button type="button" className="button button-danger-quiet" onClick={() => setConfirming(true)}>
          {t('deliveries.ga.queue.clear')}
        </button>
      </div>
      {show.error && <ErrorMessage error={show.error} />}
      {show.result && (
        <p role="status" data-testid="queue-count">
          {items.length === 0 ? t('deliveries.ga.queue.empty') : t('deliveries.ga.queue.count', { count: items.length })}
        </p>
      )}
      {items.length > 0 && (
        <div className="table-scroll">
          <table className="table" aria-label={t('deliveries.ga.queue.table')}>
            <thead>
              <tr>
                <th scope="col">{t('deliveries.ga.entry.typeMessage')}</th>
                <th scope="col">{t('deliveries.ga.chatId')}</th>
                <th scope="col">{t('deliveries.ga.entry.text')}</th>
                <th scope="col">{t('deliveries.ga.idMessage')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, index) => (
                <tr key={`${item.messageIds.join(',')}-${index}`}>
                  <td className="mono">{item.type}</td>
                  <td className="mono">{item.chatId ?? t('common.none')}</td>
                  <td>{item.message ?? t('common.none')}</td>
                  <td className="mono">{item.messageIds.join(', ') || t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('deliveries.ga.queue.clearTitle')}
          body={t('deliveries.ga.queue.clearBody')}
          confirmLabel={t('deliveries.ga.queue.clearConfirm')}
          onConfirm={async () => {
            const { isCleared } = await call('deliveries.greenapiClearQueue', target);
            announce(isCleared ? t('deliveries.ga.queue.cleared') : t('deliveries.ga.queue.notCleared'), isCleared ? 'info' : 'error');
            if (show.result) await show.run();
          }}
          onClose={() => setConfirming(false)}
        />
      )}
    </div>
  );
}
