import { useCallback, useState } from 'react';
import type { AccountView } from '../../../../shared/accounts';
import type { Chat2DeskWebhookView } from '../../../../shared/webhooks';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { describeError } from '../../../errors/describe-error';
import { toAppError } from '../../../errors/to-app-error';
import { useT } from '../../../i18n/use-t';
import { useNoticeStore } from '../../../stores/notice-store';
import { useLoad } from '../../deliveries/common/use-load';
import { DeleteWebhookDialog } from '../common/DeleteWebhookDialog';
import type { WebhookOpen } from '../common/webhook-open';
import { WebhookListToolbar } from '../common/WebhookListToolbar';
import { WebhookRowActions } from '../common/WebhookRowActions';
import { useWebhookCatalogue } from '../use-catalogue';
import { Chat2DeskWebhookDialog } from './Chat2DeskWebhookDialog';

/** Spec A6: every webhook with its state, the free allowance of 5 counted up front, and the retry policy explained. */
export function Chat2DeskWebhooks({ account }: { account: AccountView }) {
  const t = useT();
  const announce = useNoticeStore((state) => state.announce);
  const catalogue = useWebhookCatalogue();
  const [open, setOpen] = useState<WebhookOpen<Chat2DeskWebhookView>>(null);
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
      <WebhookListToolbar
        status={
          <div role="status" data-testid="c2d-allowance">
            {data && (
              <p className="counts">
                {t('webhooks.c2d.allowance', { used, limit: data.freeLimit })}{' '}
                {data.freeSlotsLeft > 0 ? t('webhooks.c2d.allowanceLeft', { count: data.freeSlotsLeft }) : ''}
              </p>
            )}
            {list.loading && !data && <p>{t('webhooks.loading')}</p>}
          </div>
        }
        onLoad={() => void list.reload()}
        onAdd={() => setOpen({ kind: 'add' })}
      />
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
                    <WebhookRowActions name={webhook.name} onEdit={() => setOpen({ kind: 'edit', webhook })} onDelete={() => setOpen({ kind: 'delete', webhook })}>
                      <button type="button" className="button" onClick={() => void toggle(webhook)}>
                        {webhook.enabled ? t('webhooks.c2d.disable', { name: webhook.name }) : t('webhooks.c2d.enable', { name: webhook.name })}
                      </button>
                    </WebhookRowActions>
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
          onSaved={() => void list.reload()}
        />
      )}
      {open?.kind === 'delete' && (
        <DeleteWebhookDialog
          name={open.webhook.name}
          url={open.webhook.url ?? ''}
          remove={() => call('webhooks.chatDeskDelete', { accountId: account.id, webhookId: open.webhook.id })}
          onDeleted={list.reload}
          onClose={close}
        />
      )}
    </>
  );
}
