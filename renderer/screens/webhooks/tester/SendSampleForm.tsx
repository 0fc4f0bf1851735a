import { useCallback, useId, useState, type FormEvent } from 'react';
import type { AccountView } from '../../../../shared/accounts';
import type { TesterProvider, TesterSendInput } from '../../../../shared/webhook-tester';
import { call } from '../../../bridge/client';
import { SecretField } from '../../../components/SecretField';
import { SelectField } from '../../../components/SelectField';
import { providerName } from '../../../i18n/provider-names';
import { useT } from '../../../i18n/use-t';
import { useAction } from '../../deliveries/common/use-action';
import { WebhookUrlField } from '../../deliveries/common/WebhookUrlField';
import { webhookFieldErrors } from '../field-errors';
import { ExchangeView } from './ExchangeView';
import { testerErrorText } from './tester-errors';

type Samples = Record<TesterProvider, string[]>;
type GreenApiAuth = 'none' | 'instance' | 'given';

/**
 * Send one sample to a receiver. What the provider needs to sign or authorize it comes from an account (Chat2Desk's
 * API token, a GREEN-API instance's webhookUrlToken) and stays in main.
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
  // Accounts may arrive after the form opened (the demo adds them one by one): default to the first Chat2Desk one.
  const signer = chat2deskAccounts.some((account) => account.id === chosenSigner) ? chosenSigner : (chat2deskAccounts[0]?.id ?? '');
  const send = useAction(useCallback((input: TesterSendInput) => call('webhooks.testerSend', input), []));
  const errors = webhookFieldErrors(send.error, t);

  const input = (): TesterSendInput => {
    const type = types[provider];
    if (provider === 'chatpush') return { provider, type, variant, url };
    if (provider === 'chat2desk') return { provider, type, url, accountId: signer };
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
          options={samples[provider].map((value) => ({ value, label: value }))}
        />
      </div>
      {provider === 'chatpush' && (
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
      {provider === 'chat2desk' &&
        (chat2deskAccounts.length ? (
          <SelectField
            id="tester-signer"
            label={t('webhooks.tester.signWith')}
            hint={t('webhooks.tester.signHint')}
            value={signer}
            onChange={setSigner}
            options={chat2deskAccounts.map((account) => ({ value: account.id, label: account.name }))}
          />
        ) : (
          <p className="message message-info">{t('webhooks.tester.noChat2Desk')}</p>
        ))}
      <WebhookUrlField id="tester-url" label={t('webhooks.tester.url')} hint={t('webhooks.urlHint')} value={url} onChange={setUrl} error={errors.url} required />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={send.busy || (provider === 'chat2desk' && !signer)} aria-busy={send.busy}>
          {send.busy ? t('webhooks.tester.sending') : t('webhooks.tester.send')}
        </button>
      </div>
      {send.error && send.error.code !== 'invalid_input' && (
        <p className="message message-error" role="alert">
          {testerErrorText(send.error, t)}
        </p>
      )}
      {send.result && !send.error && <ExchangeView exchange={send.result} />}
    </form>
  );
}
