import { useCallback, useState } from 'react';
import type { AccountView } from '../../../../shared/accounts';
import type { Chat2DeskWebhookView } from '../../../../shared/webhooks';
import { call } from '../../../bridge/client';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { describeError } from '../../../errors/describe-error';
import { toAppError } from '../../../errors/to-app-error';
import { useT } from '../../../i18n/use-t';
import { useNoticeStore } from '../../../stores/notice-store';
import { useLoad } from '../../deliveries/common/use-load';
import { useWebhookCatalogue } from '../use-catalogue';
import { Chat2DeskWebhookDialog } from './Chat2DeskWebhookDialog';

type Open = { kind: 'add' } | { kind: 'edit'; webhook: Chat2DeskWebhookView } | { kind: 'delete'; webhook: Chat2DeskWebhookView } | null;

/** Spec A6: every webhook with its state, the free allowance of 5 counted up front, and the retry policy explained. */
export function Chat2DeskWebhooks({ account }: { account: AccountView }) {
  const t = useT();
  const announce = useNoticeStore((state) => state.announce);
  const catalogue = useWebhookCatalogue();
  const [open, setOpen] = useState<Open>(null);
  const list = useLoad(useCallback(() => call('webhooks.chatDeskList', { accountId: account.id }), [account.id]));
  const channels = useLoad(useCallback(() => call('deliveries.chatDeskChannels', { accountId: account.id }), [account.id]));
  const close = () => setOpen(null);
  const data = list.data;
  const used = data ? data.webhooks.length : 0;

  const toggle = async (webhook: Chat2DeskWebhookView) => {
    try {
      await call('webhooks.chatDeskSetEnabled', { accountId: account.id, webhookId: webhook.id, enabled: !webhook.enabled });
      await list.reload();
    } catch (failure) {
      announce(describeError(toAppError(failure), t), 'error');
    }
  };

  return (
    <>
      <div className="toolbar">
        <div role="status" data-testid="c2d-allowance">
          {data && (
            <p className="counts">
              {t('webhooks.c2d.allowance', { used, limit: data.freeLimit })}{' '}
              {data.freeSlotsLeft > 0 ? t('webhooks.c2d.allowanceLeft', { count: data.freeSlotsLeft }) : ''}
            </p>
          )}
          {list.loading && !data && <p>{t('webhooks.loading')}</p>}
        </div>
        <div className="button-row">
          <button type="button" className="button" onClick={() => void list.reload()}>
            {t('webhooks.load')}
          </button>
          <button type="button" className="button button-primary" onClick={() => setOpen({ kind: 'add' })}>
            {t('webhooks.add')}
          </button>
        </div>
      </div>
      {data && data.freeSlotsLeft === 0 && <p className="message message-warning">{t('webhooks.c2d.allowanceFull')}</p>}
      {list.error && <ErrorMessage error={list.error} />}
      {data && data.webhooks.length === 0 && <p>{t('webhooks.none')}</p>}
      {data && data.webhooks.length > 0 && (
        <div className="table-scroll">
          <table className="table" aria-label={t('screen.webhooks.title')}>
            <thead>
              <tr>
                <th scope="col">{t('webhooks.c2d.name')}</th>
                <th scope="col">{t('webhooks.col.url')}</th>
                <th scope="col">{t('webhooks.col.events')}</th>
                <th scope="col">{t('webhooks.c2d.channels')}</th>
                <th scope="col">{t('webhooks.col.status')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.webhooks.map((webhook) => (
                <tr key={webhook.id}>
                  <th scope="row">{webhook.name}</th>
                  <td className="mono">{webhook.url ?? t('common.none')}</td>
                  <td>
                    <span title={webhook.events.join(', ')}>{t('webhooks.c2d.eventCount', { count: webhook.events.length })}</span>
                    <br />
                    <span className="mono muted">{webhook.events.slice(0, 4).join(', ')}{webhook.events.length > 4 ? ', …' : ''}</span>
                  </td>
                  <td className="mono">{webhook.channels ? webhook.channels.join(', ') : t('webhooks.c2d.allChannels')}</td>
                  <td>
                    <span className={`badge ${webhook.enabled ? 'badge-ok' : 'badge-failed'}`}>
                      <span aria-hidden="true">{webhook.enabled ? '✓ ' : '✕ '}</span>
                      {webhook.enabled ? t('webhooks.c2d.enabled') : t('webhooks.c2d.disabled')}
                    </span>
                    {webhook.errors.length > 0 && <p className="cell-error">{t('webhooks.c2d.errors', { errors: webhook.errors.join('; ') })}</p>}
                  </td>
                  <td>
                    <span className="row-actions">
                      <button type="button" className="button" aria-label={t('webhooks.edit', { name: webhook.name })} onClick={() => setOpen({ kind: 'edit', webhook })}>
                        {t('common.edit')}
                      </button>
                      <button type="button" className="button" onClick={() => void toggle(webhook)}>
                        {webhook.enabled ? t('webhooks.c2d.disable', { name: webhook.name }) : t('webhooks.c2d.enable', { name: webhook.name })}
                      </button>
                      <button type="button" className="button button-danger-quiet" aria-label={t('webhooks.delete', { name: webhook.name })} onClick={() => setOpen({ kind: 'delete', webhook })}>
                        {t('common.remove')}
                      </button>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="card" aria-labelledby="c2d-policy">
        <h2 id="c2d-policy">{t('webhooks.c2d.policy.title')}</h2>
        <p>{t('webhooks.c2d.policy')}</p>
      </section>
      {(open?.kind === 'add' || open?.kind === 'edit') && catalogue && (
        <Chat2DeskWebhookDialog
          accountId={account.id}
          editing={open.kind === 'edit' ? open.webhook : null}
          events={catalogue.chat2desk.events}
          channels={channels.data ?? []}
          atFreeLimit={!!data && open.kind === 'add' && data.freeSlotsLeft === 0}
          onClose={close}
          onSaved={() => {
            announce(t('webhooks.saved'));
            void list.reload();
          }}
        />
      )}
      {open?.kind === 'delete' && (
        <ConfirmDialog
          title={t('webhooks.deleteTitle', { name: open.webhook.name })}
          body={t('webhooks.deleteBody', { url: open.webhook.url ?? '' })}
          confirmLabel={t('webhooks.deleteConfirm')}
          onConfirm={async () => {
            await call('webhooks.chatDeskDelete', { accountId: account.id, webhookId: open.webhook.id });
            announce(t('webhooks.deleted'));
            await list.reload();
          }}
          onClose={close}
        />
      )}
    </>
  );
}
