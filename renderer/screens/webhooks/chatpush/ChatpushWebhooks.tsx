import { useCallback, useMemo, useState } from 'react';
import type { AccountView } from '../../../../shared/accounts';
import type { ChatpushWebhookScope, ChatpushWebhookView } from '../../../../shared/webhooks';
import { call } from '../../../bridge/client';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { SelectField } from '../../../components/SelectField';
import { useT } from '../../../i18n/use-t';
import { useNoticeStore } from '../../../stores/notice-store';
import { useLoad } from '../../deliveries/common/use-load';
import { useWebhookCatalogue } from '../use-catalogue';
import { ChatpushWebhookDialog } from './ChatpushWebhookDialog';

type ChatpushAccountView = Extract<AccountView, { provider: 'chatpush' }>;
type Open = { kind: 'add' } | { kind: 'edit'; webhook: ChatpushWebhookView } | { kind: 'delete'; webhook: ChatpushWebhookView } | null;

/** §5.1 webhooks of the developer or of one client token: list, create, edit (PUT / PATCH), delete. */
export function ChatpushWebhooks({ account }: { account: ChatpushAccountView }) {
  const t = useT();
  const announce = useNoticeStore((state) => state.announce);
  const catalogue = useWebhookCatalogue();
  const [scopeKey, setScopeKey] = useState('developer');
  const [open, setOpen] = useState<Open>(null);
  const scope = useMemo<ChatpushWebhookScope>(() => (scopeKey === 'developer' ? { kind: 'developer' } : { kind: 'individual', tokenId: scopeKey }), [scopeKey]);
  const list = useLoad(useCallback(() => call('webhooks.chatpushList', { accountId: account.id, scope }), [account.id, scope]));
  const scopes = [
    { value: 'developer', label: t('webhooks.cp.scope.developer') },
    ...account.clientTokens.map((entry, index) => ({ value: entry.id, label: t('webhooks.cp.scope.individual', { label: entry.label || String(index + 1) }) })),
  ];
  const close = () => setOpen(null);

  return (
    <>
      <div className="pickers">
        <SelectField id="cp-webhook-scope" label={t('webhooks.cp.scope')} hint={t('webhooks.cp.scopeHint')} value={scopeKey} onChange={setScopeKey} options={scopes} />
      </div>
      <div className="toolbar">
        <p className="counts" role="status">
          {list.loading ? t('webhooks.loading') : list.data && list.data.length === 0 ? t('webhooks.none') : ''}
        </p>
        <div className="button-row">
          <button type="button" className="button" onClick={() => void list.reload()}>
            {t('webhooks.load')}
          </button>
          <button type="button" className="button button-primary" onClick={() => setOpen({ kind: 'add' })}>
            {t('webhooks.add')}
          </button>
        </div>
      </div>
      {list.error && <ErrorMessage error={list.error} />}
      {list.data && list.data.length > 0 && (
        <div className="table-scroll">
          <table className="table" aria-label={t('screen.webhooks.title')}>
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">{t('webhooks.col.url')}</th>
                <th scope="col">{t('webhooks.col.events')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((webhook) => (
                <tr key={webhook.id}>
                  <th scope="row" className="mono">
                    {webhook.id}
                  </th>
                  <td className="mono">{webhook.url}</td>
                  <td className="mono">{webhook.types.join(', ')}</td>
                  <td>
                    <span className="row-actions">
                      <button type="button" className="button" aria-label={t('webhooks.edit', { name: `#${webhook.id}` })} onClick={() => setOpen({ kind: 'edit', webhook })}>
                        {t('common.edit')}
                      </button>
                      <button type="button" className="button button-danger-quiet" aria-label={t('webhooks.delete', { name: `#${webhook.id}` })} onClick={() => setOpen({ kind: 'delete', webhook })}>
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
      <section className="card" aria-labelledby="cp-payload-note">
        <h2 id="cp-payload-note">{t('webhooks.cp.payloadNote.title')}</h2>
        <p>{t('webhooks.cp.payloadNote')}</p>
        {catalogue && (
          <dl className="facts">
            {catalogue.chatpush.types.map((entry) => (
              <div key={entry.type} className="facts-row">
                <dt className="mono">{entry.type}</dt>
                <dd>{entry.payloadTypes.join(', ')}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      {(open?.kind === 'add' || open?.kind === 'edit') && catalogue && (
        <ChatpushWebhookDialog
          accountId={account.id}
          scope={scope}
          editing={open.kind === 'edit' ? open.webhook : null}
          types={catalogue.chatpush.types}
          onClose={close}
          onSaved={() => {
            announce(t('webhooks.saved'));
            void list.reload();
          }}
        />
      )}
      {open?.kind === 'delete' && (
        <ConfirmDialog
          title={t('webhooks.deleteTitle', { name: `#${open.webhook.id}` })}
          body={t('webhooks.deleteBody', { url: open.webhook.url })}
          confirmLabel={t('webhooks.deleteConfirm')}
          onConfirm={async () => {
            await call('webhooks.chatpushDelete', { accountId: account.id, scope, webhookId: open.webhook.id });
            announce(t('webhooks.deleted'));
            await list.reload();
          }}
          onClose={close}
        />
      )}
    </>
  );
}
