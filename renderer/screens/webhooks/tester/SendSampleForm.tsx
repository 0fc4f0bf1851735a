import { useCallback, useId, useState, type FormEvent } from 'react';
import type { AccountView } from '../../../../shared/accounts';
import { CHATPUSH_STATUS_CALLBACK, type TesterProvider, type TesterSendInput } from '../../../../shared/webhook-tester';
import { call } from '../../../bridge/client';
import { SecretField } from '../../../components/SecretField';
import { SelectField } from '../../../components/SelectField';
import { providerName } from '../../../i18n/provider-names';
import { useT } from '../../../i18n/use-t';
import { useAction } from '../../../components/use-action';
import { WebhookUrlField } from '../../deliveries/common/WebhookUrlField';
import { webhookFieldErrors } from '../field-errors';
import { ExchangeView } from './ExchangeView';
import { testerErrorText } from './tester-errors';

type Samples = Record<TesterProvider, string[]>;
type GreenApiAuth = 'none' | 'instance' | 'given';
/** The signer picker's value for "a token typed here" (account ids are never this). */
const TYPED_TOKEN = '(typed)';
/** The fields shown next to an input of their own. */
const PLACED_FIELDS = new Set(['url', 'authorization', 'signer']);

/**
 * Send one sample to a receiver. What the provider needs to sign or authorize it comes from an account (Chat2Desk's
 * API token, a GREEN-API instance's webhookUrlToken) and stays in main, or is typed for this send: main uses it and
 * forgets it, and it never comes back.
 */
export function SendSampleForm({ samples, accounts }: { samples: Samples; accounts: readonly AccountView[] }) {
  const t = useT();
  const id = useId();
  const [provider, setProvider] = useState<TesterProvider>('chat2desk');
  const [types, setTypes] = useState<Record<TesterProvider, string>>({ chatpush: samples.chatpush[0] ?? '', greenapi: samples.greenapi[0] ?? '', chat2desk: samples.chat2desk[0] ?? '' });
  const [variant, setVariant] = useState<'developer' | 'individual'>('developer');
  const [url, setUrl] = useState('');
  const greenInstances = accounts.flatMap((account) =>
    account.provider === 'greenapi' ? account.instances.map((entry) => ({ value: `${account.id}|${entry.id}`, label: `${account.name}: ${entry.label || entry.idInstance}` })) : [],
  );
  const chat2deskAccounts = accounts.filter((account) => account.provider === 'chat2desk');
  const [instance, setInstance] = useState('');
  const [auth, setAuth] = useState<GreenApiAuth>('none');
  const [authValue, setAuthValue] = useState('');
  const [chosenSigner, setSigner] = useState('');
  const [signToken, setSignToken] = useState('');
  // Accounts may arrive after the form opened (the demo adds them one by one): default to the first Chat2Desk one,
  // or to a typed token when there is none.
  const signer =
    chosenSigner === TYPED_TOKEN || chat2deskAccounts.some((account) => account.id === chosenSigner) ? chosenSigner : (chat2deskAccounts[0]?.id ?? TYPED_TOKEN);
  const callback = provider === 'chatpush' && types.chatpush === CHATPUSH_STATUS_CALLBACK;
  const send = useAction(useCallback((input: TesterSendInput) => call('webhooks.testerSend', input), []));
  const errors = webhookFieldErrors(send.error, t);
  // Problems of fields this form has no input for (the type, the variant) are said under the Send button.
  const unplaced = Object.entries(errors).flatMap(([field, text]) => (PLACED_FIELDS.has(field) ? [] : [text]));

  const input = (): TesterSendInput => {
    const type = types[provider];
    if (provider === 'chatpush') return { provider, type, variant: callback ? null : variant, url };
    if (provider === 'chat2desk') return { provider, type, url, signer: signer === TYPED_TOKEN ? { kind: 'token', apiToken: signToken } : { kind: 'account', accountId: signer } };
    const [accountId, instanceId] = instance.split('|');
    const target = accountId && instanceId ? { accountId, instanceId } : null;
    const authorization =
      auth === 'given' ? { kind: 'given' as const, value: authValue } : auth === 'instance' && target ? { kind: 'instance' as const, ...target } : { kind: 'none' as const };
    return { provider, type, url, instance: target, authorization };
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send.run(input());
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-describedby={`${id}-intro`}>
      <p id={`${id}-intro`} className="muted">
        {t('webhooks.tester.send.intro')}
      </p>
      <div className="field-grid">
        <SelectField
          id="tester-provider"
          label={t('webhooks.tester.provider')}
          value={provider}
          onChange={setProvider}
          options={(Object.keys(samples) as TesterProvider[]).map((value) => ({ value, label: providerName(value) }))}
        />
        <SelectField
          id="tester-type"
          label={t('webhooks.tester.type')}
          value={types[provider]}
          onChange={(type) => setTypes({ ...types, [provider]: type })}
          options={samples[provider].map((value) => ({ value, label: value === CHATPUSH_STATUS_CALLBACK ? t('webhooks.tester.callbackType', { type: value }) : value }))}
        />
      </div>
      {callback && <p className="message message-info">{t('webhooks.tester.callbackNote')}</p>}
      {provider === 'chatpush' && !callback && (
        <SelectField
          id="tester-variant"
          label={t('webhooks.tester.variant')}
          value={variant}
          onChange={setVariant}
          options={(['developer', 'individual'] as const).map((value) => ({ value, label: t(`webhooks.tester.variant.${value}`) }))}
        />
      )}
      {provider === 'greenapi' && (
        <div className="field-grid">
          <SelectField
            id="tester-instance"
            label={t('webhooks.tester.instance')}
            value={instance}
            onChange={setInstance}
            options={[{ value: '', label: t('webhooks.tester.exampleInstance') }, ...greenInstances]}
          />
          <SelectField
            id="tester-auth"
            label={t('webhooks.tester.auth')}
            value={auth}
            onChange={setAuth}
            options={(['none', 'instance', 'given'] as const)
              .filter((value) => value !== 'instance' || instance)
              .map((value) => ({ value, label: t(`webhooks.tester.auth.${value}`) }))}
          />
          {auth === 'given' && (
            <SecretField id="tester-auth-value" label={t('webhooks.tester.auth.value')} hint={t('webhooks.tester.auth.valueHint')} value={authValue} onChange={setAuthValue} error={errors.authorization} required />
          )}
        </div>
      )}
      {provider === 'chat2desk' && (
        <div className="field-grid">
          <SelectField
            id="tester-signer"
            label={t('webhooks.tester.signWith')}
            hint={t('webhooks.tester.signHint')}
            value={signer}
            onChange={setSigner}
            options={[...chat2deskAccounts.map((account) => ({ value: account.id, label: account.name })), { value: TYPED_TOKEN, label: t('webhooks.tester.signWith.typed') }]}
          />
          {signer === TYPED_TOKEN && (
            <SecretField id="tester-sign-token" label={t('webhooks.tester.signToken')} hint={t('webhooks.tester.signTokenHint')} value={signToken} onChange={setSignToken} error={errors.signer} required />
          )}
        </div>
      )}
      <WebhookUrlField id="tester-url" label={t('webhooks.tester.url')} hint={t('webhooks.urlHint')} value={url} onChange={setUrl} error={errors.url} required />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={send.busy} aria-busy={send.busy}>
          {send.busy ? t('webhooks.tester.sending') : t('webhooks.tester.send')}
        </button>
      </div>
      {send.error && send.error.code !== 'invalid_input' && (
        <p className="message message-error" role="alert">
          {testerErrorText(send.error, t)}
        </p>
      )}
      {unplaced.length > 0 && (
        <p className="message message-error" role="alert">
          {unplaced.join(' ')}
        </p>
      )}
      {send.result && !send.error && <ExchangeView exchange={send.result} />}
    </form>
  );
}
