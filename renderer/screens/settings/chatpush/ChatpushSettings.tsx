import { useCallback, useState, type FormEvent } from 'react';
import type { AccountView } from '../../../../shared/accounts';
import type { ChatpushInstanceChanges } from '../../../../shared/instance-settings';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { FormActions } from '../../../components/FormActions';
import { SecretField } from '../../../components/SecretField';
import { TextField } from '../../../components/TextField';
import { fieldErrorsOf, translateFieldErrors } from '../../../errors/field-errors';
import { useT } from '../../../i18n/use-t';
import { useNoticeStore } from '../../../stores/notice-store';
import { EntryPicker } from '../../deliveries/common/AccountPicker';
import { useAction } from '../../../components/use-action';
import { useLoad } from '../../deliveries/common/use-load';
import { RoutingEditor } from './RoutingEditor';

type Instance = { id: number; externalId: string | null; renewSubscription: boolean | null };
type Routing = NonNullable<ChatpushInstanceChanges['dispatchRouting']>;

/** Chategy/Jetapi: an instance's fields, saved with the developer update call (§2 Update). */
export function ChatpushSettings({ account }: { account: AccountView }) {
  const t = useT();
  const list = useLoad(useCallback(() => call('instancesettings.chatpushList', { accountId: account.id }), [account.id]));
  const [instanceId, setInstanceId] = useState('');
  const instances = list.data ?? [];
  const current = instances.find((instance) => String(instance.id) === instanceId) ?? instances[0];

  if (list.loading && !list.data) return <p role="status">{t('common.loading')}</p>;
  if (list.error) return <ErrorMessage error={list.error} onRetry={() => void list.reload()} />;
  if (!current) return <p className="message message-info">{t('settings.cp.noInstances')}</p>;
  return (
    <>
      <div className="pickers">
        <EntryPicker
          id="settings-cp-instance"
          label={t('settings.cp.instance')}
          entries={instances.map((instance) => ({ id: String(instance.id), label: t('settings.cp.instanceLabel', { id: String(instance.id), external: instance.externalId ? ` · ${instance.externalId}` : '' }) }))}
          value={String(current.id)}
          onChange={setInstanceId}
        />
      </div>
      <ChatpushInstanceForm
        key={current.id}
        accountId={account.id}
        instance={current}
        onSaved={(saved) => list.setData(instances.map((instance) => (instance.id === saved.id ? { ...instance, ...saved } : instance)))}
      />
    </>
  );
}

function ChatpushInstanceForm({ accountId, instance, onSaved }: { accountId: string; instance: Instance; onSaved: (instance: Instance & { whatsappPhone: string | null }) => void }) {
  const t = useT();
  const announce = useNoticeStore((state) => state.announce);
  const [renew, setRenew] = useState(instance.renewSubscription ?? true);
  const [externalId, setExternalId] = useState(instance.externalId ?? '');
  const [routing, setRouting] = useState<Routing>([]);
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const saving = useAction((changes: ChatpushInstanceChanges) => call('instancesettings.chatpushSave', { accountId, instanceId: instance.id, changes }));
  const { busy, error } = saving;
  const errors = error ? translateFieldErrors(fieldErrorsOf(error, 'changes'), t) : {};

  /** Only what the user changed: the write-only fields when filled in, the others when they differ. */
  const changes = (): ChatpushInstanceChanges => ({
    ...(renew !== (instance.renewSubscription ?? true) ? { renewSubscription: renew } : {}),
    ...(externalId.trim() !== (instance.externalId ?? '') ? { externalId: externalId.trim() } : {}),
    ...(routing.length ? { dispatchRouting: routing } : {}),
    ...(email.trim() ? { email: email.trim() } : {}),
    ...(phone.trim() ? { phone: phone.trim() } : {}),
    ...(password ? { password } : {}),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = changes();
    if (!Object.keys(wanted).length) return announce(t('settings.cp.nothing'));
    const saved = await saving.run(wanted);
    if (!saved) return;
    setPassword('');
    announce(t('settings.cp.saved', { id: String(instance.id) }));
    onSaved(saved);
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-label={t('settings.cp.instance')}>
      <p className="field-hint">{t('settings.cp.intro')}</p>
      {error && !Object.keys(errors).length && <ErrorMessage error={error} />}
      <div className="choice">
        <label className="checkbox">
          <input type="checkbox" checked={renew} onChange={(event) => setRenew(event.target.checked)} aria-describedby="cp-renew-hint" />
          {t('settings.cp.renew')}
        </label>
        <p id="cp-renew-hint" className="field-hint">
          {t('settings.cp.renewHint')}
        </p>
      </div>
      <TextField id="cp-external-id" label={t('settings.cp.externalId')} hint={t('settings.cp.externalIdHint')} value={externalId} onChange={setExternalId} error={errors.externalId} />
      <RoutingEditor value={routing} onChange={setRouting} error={errors.dispatchRouting} />
      <TextField id="cp-email" label={t('settings.cp.email')} value={email} onChange={setEmail} error={errors.email} autoComplete="off" />
      <TextField id="cp-phone" label={t('settings.cp.phone')} hint={t('settings.cp.phoneHint')} value={phone} onChange={setPhone} error={errors.phone} />
      <SecretField id="cp-password" label={t('settings.cp.password')} hint={t('settings.cp.passwordHint')} value={password} onChange={setPassword} error={errors.password} />
      <FormActions submit={t('settings.cp.save')} busy={busy} />
    </form>
  );
}
