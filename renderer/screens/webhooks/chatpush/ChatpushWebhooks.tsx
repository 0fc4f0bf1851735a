import { useCallback, useMemo, useState } from 'react';
import type { AccountView } from '../../../../shared/accounts';
import { chatpushHasIndividualWebhooks, type ChatpushWebhookScope, type ChatpushWebhookView } from '../../../../shared/webhooks';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { SelectField } from '../../../components/SelectField';
import { useT } from '../../../i18n/use-t';
import { useLoad } from '../../deliveries/common/use-load';
import { DeleteWebhookDialog } from '../common/DeleteWebhookDialog';
import type { WebhookOpen } from '../common/webhook-open';
import { WebhookListToolbar } from '../common/WebhookListToolbar';
import { WebhookRowActions } from '../common/WebhookRowActions';
import { webhookFieldErrors } from '../field-errors';
import { useWebhookCatalogue } from '../use-catalogue';
import { ChatpushWebhookDialog } from './ChatpushWebhookDialog';

type ChatpushAccountView = Extract<AccountView, { provider: 'chatpush' }>;

/** §5.1 webhooks of the developer or (Jetapi) of one client token: list, create, edit (PUT / PATCH), delete. */
export function ChatpushWebhooks({ account }: { account: ChatpushAccountView }) {
  const t = useT();
  const catalogue = useWebhookCatalogue();
  const [chosenScope, setScopeKey] = useState('developer');
  const [open, setOpen] = useState<WebhookOpen<ChatpushWebhookView>>(null);
  // §1.2: individual webhooks are Jetapi's; a Chategy account lists the developer ones only (a scope chosen before
  // the brand changed falls back to them).
  const individual = chatpushHasIndividualWebhooks(account.brand);
  const scopeKey = individual && account.clientTokens.some((entry) => entry.id === chosenScope) ? chosenScope : 'developer';
  const scope = useMemo<ChatpushWebhookScope>(() => (scopeKey === 'developer' ? { kind: 'developer' } : { kind: 'individual', tokenId: scopeKey }), [scopeKey]);
  const list = useLoad(useCallback(() => call('webhooks.chatpushList', { accountId: account.id, scope }), [account.id, scope]));
  const scopes = [
    { value: 'developer', label: t('webhooks.cp.scope.developer') },
    ...(individual ? account.clientTokens : []).map((entry, index) => ({ value: entry.id, label: t('webhooks.cp.scope.individual', { label: entry.label || String(index + 1) }) })),
  ];
  const scopeError = list.error ? webhookFieldErrors(list.error, t).scope : undefined;
  const close = () => setOpen(null);

  return (
    <>
      <div className="pickers">
        <SelectField id="cp-webhook-scope" label={t('webhooks.cp.scope')} hint={t('webhooks.cp.scopeHint')} value={scopeKey} onChange={setScopeKey} options={scopes} />
      </div>
      {!individual && (
        <p className="message message-info" data-testid="cp-no-individual">
          {t('webhooks.cp.noIndividual')}
        </p>
      )}
      <WebhookListToolbar
        status={
          <p className="counts" role="status">
            {list.loading ? t('webhooks.loading') : list.data && list.data.length === 0 ? t('webhooks.none') : ''}
          </p>
        }
        onLoad={() => void list.reload()}
        onAdd={() => setOpen({ kind: 'add' })}
      />
      {list.error &&
        (scopeError ? (
          <p className="message message-error" role="alert">
            {scopeError}
          </p>
        ) : (
          <ErrorMessage error={list.error} />
        ))}
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
                    <WebhookRowActions name={`#${webhook.id}`} onEdit={() => setOpen({ kind: 'edit', webhook })} onDelete={() => setOpen({ kind: 'delete', webhook })} />
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
          onSaved={() => void list.reload()}
        />
      )}
      {open?.kind === 'delete' && (
        <DeleteWebhookDialog
          name={`#${open.webhook.id}`}
          url={open.webhook.url}
          remove={() => call('webhooks.chatpushDelete', { accountId: account.id, scope, webhookId: open.webhook.id })}
          onDeleted={list.reload}
          onClose={close}
        />
      )}
    </>
  );
}
