import { useState, type FormEvent } from 'react';
import type { ChatpushCreateForm, WizardProgress } from '../../../../shared/auth';
import { call } from '../../../bridge/client';
import { SecretField } from '../../../components/SecretField';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/use-t';
import { fieldProblem, providerFieldProblem } from '../field-messages';
import { StartStepFooter } from './StartStepFooter';
import { useStepCall } from './use-step-call';

/** §6.1 / §6.9 channels, in the platform's spelling. */
const CHANNELS = ['whatsapp', 'tdlib', 'telegram', 'max', 'sms', 'notify'] as const;
/** The form's fields as the platform's 422 names them (an email already in use comes back as `email`). */
const PROVIDER_FIELDS: Record<string, string> = { email: 'email', phone: 'phone', password: 'password', externalId: 'external_id', dispatchRouting: 'dispatch_routing' };

/** Chategy/Jetapi §2 Create: the documented fields; main checks them by the platform's rules and names each one. */
export function CreateChatpushStep({
  accountId,
  onCreated,
  onResumeOther,
}: {
  accountId: string;
  onCreated: (progress: WizardProgress) => void;
  /** Main refused because another setup is not finished: resume that one instead. */
  onResumeOther: (progress: WizardProgress) => void;
}) {
  const t = useT();
  const [form, setForm] = useState<ChatpushCreateForm>({ email: '', phone: '', password: '', externalId: '', dispatchRouting: ['whatsapp'], renewSubscription: true });
  const { busy, error, run, clear } = useStepCall();
  const set = <K extends keyof ChatpushCreateForm>(key: K) => (value: ChatpushCreateForm[K]) => setForm({ ...form, [key]: value });
  const problem = (path: string) => fieldProblem(error, path, t) ?? providerFieldProblem(error, [PROVIDER_FIELDS[path] ?? path], t) ?? undefined;
  const hasFieldProblems =
    (error?.code === 'invalid_input' && (error.details?.fields?.length ?? 0) > 0) || Object.keys(PROVIDER_FIELDS).some((path) => providerFieldProblem(error, [PROVIDER_FIELDS[path]!], t));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const progress = await run(() => call('auth.wizardCreate', { accountId, form }));
    if (progress) onCreated(progress);
  };
  const toggle = (channel: string, on: boolean) =>
    set('dispatchRouting')(on ? [...form.dispatchRouting, channel] : form.dispatchRouting.filter((item) => item !== channel));

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <p>{t('authorize.wizard.create.intro')}</p>
      <div className="field-grid">
        <TextField id="wizard-email" label={t('authorize.wizard.create.email')} value={form.email} onChange={set('email')} error={problem('email')} autoComplete="email" required />
        <TextField id="wizard-phone" label={t('authorize.wizard.create.phone')} value={form.phone} onChange={set('phone')} error={problem('phone')} inputMode="numeric" autoComplete="tel" hint={t('authorize.wizard.create.phoneHint')} required />
        <SecretField id="wizard-password" label={t('authorize.wizard.create.password')} value={form.password} onChange={set('password')} error={problem('password')} hint={t('authorize.wizard.create.passwordHint')} required />
        <TextField id="wizard-external" label={t('authorize.wizard.create.externalId')} value={form.externalId} onChange={set('externalId')} error={problem('externalId')} hint={t('authorize.wizard.create.externalIdHint')} />
      </div>
      <fieldset className="fieldset">
        <legend>{t('authorize.wizard.create.routing')}</legend>
        <div className="checkbox-row">
          {CHANNELS.map((channel) => (
            <label key={channel} className="checkbox">
              <input type="checkbox" checked={form.dispatchRouting.includes(channel)} onChange={(event) => toggle(channel, event.target.checked)} />
              {channel}
            </label>
          ))}
        </div>
        {problem('dispatchRouting') && <p className="field-error">{problem('dispatchRouting')}</p>}
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" checked={form.renewSubscription} onChange={(event) => set('renewSubscription')(event.target.checked)} />
        {t('authorize.wizard.create.renew')}
      </label>
      <StartStepFooter error={error} hasFieldProblems={hasFieldProblems} submit={t('authorize.wizard.create.submit')} busy={busy} onResumeOther={onResumeOther} onDiscarded={clear} />
    </form>
  );
}
