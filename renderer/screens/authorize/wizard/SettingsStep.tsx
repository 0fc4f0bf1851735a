import { useEffect, useState } from 'react';
import type { CallOutput } from '../../../../shared/contract';
import type { WizardProgress } from '../../../../shared/auth';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/use-t';
import { fieldProblem } from '../field-messages';
import { useStepCall } from './use-step-call';

type Recommended = CallOutput<'auth.wizardRecommended'>;

/**
 * 1.3.13's recommended settings next to the instance's current ones; only what differs is sent (setSettings
 * restarts the instance). The operator may give the webhook URL, or keep the current one.
 */
export function SettingsStep({ onDone }: { onDone: (progress: WizardProgress) => void }) {
  const t = useT();
  const [recommended, setRecommended] = useState<Recommended | null>(null);
  const [webhookUrl, setWebhookUrl] = useState('');
  const load = useStepCall();
  const apply = useStepCall();

  useEffect(() => {
    void load.run(() => call('auth.wizardRecommended', {})).then((result) => {
      if (!result) return;
      setRecommended(result);
      setWebhookUrl(result.webhookUrl ?? '');
    });
    // Loaded once per visit of the step.
  }, []);

  const submit = async (skip: boolean) => {
    const progress = await apply.run(() =>
      skip ? call('auth.wizardAdvance', { from: 'settings', outcome: 'skipped' }) : call('auth.wizardApplySettings', { webhookUrl }),
    );
    if (progress) onDone(progress);
  };

  return (
    <div>
      <p>{t('authorize.wizard.settings.intro')}</p>
      {load.error && <ErrorMessage error={load.error} />}
      {recommended && (
        <div className="table-scroll">
          <table className="table settings-table">
            <caption className="visually-hidden">{t('authorize.wizard.settings.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('authorize.wizard.settings.setting')}</th>
                <th scope="col">{t('authorize.wizard.settings.current')}</th>
                <th scope="col">{t('authorize.wizard.settings.recommended')}</th>
              </tr>
            </thead>
            <tbody>
              {recommended.rows.map((row) => (
                <tr key={row.key} className={row.current === row.recommended ? '' : 'settings-differs'}>
                  <th scope="row" className="mono">
                    {row.key}
                  </th>
                  <td className="mono">{row.current ?? t('common.none')}</td>
                  <td className="mono">
                    {row.recommended}
                    {row.current !== row.recommended && <span className="visually-hidden"> {t('authorize.wizard.settings.willChange')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="field-hint">{t('authorize.wizard.settings.ambiguity')}</p>
      <TextField
        id="wizard-webhook-url"
        label={t('authorize.wizard.settings.webhookUrl')}
        type="url"
        value={webhookUrl}
        onChange={setWebhookUrl}
        hint={t('authorize.wizard.settings.webhookUrlHint')}
        error={fieldProblem(apply.error, 'webhookUrl', t) ?? undefined}
      />
      {apply.error && !fieldProblem(apply.error, 'webhookUrl', t) && <ErrorMessage error={apply.error} />}
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={apply.busy || !recommended} aria-busy={apply.busy} onClick={() => void submit(false)}>
          {t('authorize.wizard.settings.apply')}
        </button>
        <button type="button" className="button" disabled={apply.busy} onClick={() => void submit(true)}>
          {t('authorize.wizard.skip')}
        </button>
      </div>
    </div>
  );
}
