import { useState, type FormEvent } from 'react';
import type { WizardProgress } from '../../../../shared/auth';
import { GREENAPI_DEFAULT_HOSTS } from '../../../../shared/providers';
import { call } from '../../../bridge/client';
import { SecretField } from '../../../components/SecretField';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/use-t';
import { fieldProblem } from '../field-messages';
import { StartStepFooter } from './StartStepFooter';
import { useStepCall } from './use-step-call';

type Fields = { label: string; idInstance: string; apiTokenInstance: string; apiUrl: string; mediaUrl: string };

/** GREEN-API: an instance created in the personal account, added here by its credentials (specs/greenapi.md §1). */
export function AddGreenApiStep({
  accountId,
  onAdded,
  onResumeOther,
}: {
  accountId: string;
  onAdded: (progress: WizardProgress) => void;
  /** Main refused because another setup is not finished: resume that one instead. */
  onResumeOther: (progress: WizardProgress) => void;
}) {
  const t = useT();
  const [fields, setFields] = useState<Fields>({ label: '', idInstance: '', apiTokenInstance: '', ...GREENAPI_DEFAULT_HOSTS });
  const { busy, error, run, clear } = useStepCall();
  const set = (key: keyof Fields) => (value: string) => setFields({ ...fields, [key]: value });
  const problem = (path: string) => fieldProblem(error, path, t) ?? undefined;
  const hasFieldProblems = (error?.code === 'invalid_input' || error?.code === 'conflict') && (error.details?.fields?.length ?? 0) > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const progress = await run(() => call('auth.wizardAddExisting', { accountId, ...fields }));
    if (progress) onAdded(progress);
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <p>{t('authorize.wizard.add.intro')}</p>
      <div className="field-grid">
        <TextField id="wizard-label" label={t('authorize.wizard.add.label')} value={fields.label} onChange={set('label')} error={problem('label')} />
        <TextField id="wizard-id" label="idInstance" value={fields.idInstance} onChange={set('idInstance')} error={problem('idInstance')} inputMode="numeric" required />
        <SecretField id="wizard-token" label="apiTokenInstance" value={fields.apiTokenInstance} onChange={set('apiTokenInstance')} error={problem('apiTokenInstance')} required />
        <TextField id="wizard-api-url" label="apiUrl" type="url" value={fields.apiUrl} onChange={set('apiUrl')} error={problem('apiUrl')} required />
        <TextField id="wizard-media-url" label="mediaUrl" type="url" value={fields.mediaUrl} onChange={set('mediaUrl')} error={problem('mediaUrl')} required />
      </div>
      <StartStepFooter error={error} hasFieldProblems={hasFieldProblems} submit={t('authorize.wizard.add.submit')} busy={busy} onResumeOther={onResumeOther} onDiscarded={clear} />
    </form>
  );
}
