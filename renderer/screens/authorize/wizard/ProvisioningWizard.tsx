import { useCallback, useState } from 'react';
import type { AccountView } from '../../../../shared/accounts';
import { authMethodsOf, WIZARD_STEPS, type AuthMethod, type WizardAnswer, type WizardProgress } from '../../../../shared/auth';
import { call } from '../../../bridge/client';
import { Dialog } from '../../../components/Dialog';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useT } from '../../../i18n/use-t';
import { AuthTabs } from '../AuthTabs';
import { AddGreenApiStep } from './AddGreenApiStep';
import { CreateChatpushStep } from './CreateChatpushStep';
import { SettingsStep } from './SettingsStep';
import { StepAnswer } from './StepAnswer';
import { TestMessageStep } from './TestMessageStep';
import { useStepCall } from './use-step-call';
import { WaitStep } from './WaitStep';
import { WebhooksStep } from './WebhooksStep';

type ProvisioningWizardProps = {
  account: AccountView;
  kind: 'create' | 'addExisting';
  /** Progress left by a wizard closed half-way: it resumes there. */
  resume: WizardProgress | null;
  sandbox: boolean;
  onClose: () => void;
  /** An instance was added or changed: the screen reloads its list. */
  onChanged: () => void;
  /** Main refused to start this one because another setup is not finished: open that one instead. */
  onResumeOther: (progress: WizardProgress) => void;
};

/**
 * One flow from "created" to "authorized and configured". Each step says what it does, and once it is done what the
 * provider answered (again in the summary); a failed step keeps what was typed; closing half-way keeps the progress
 * in main, and the Authorize screen offers to resume.
 */
export function ProvisioningWizard({ account, kind, resume, sandbox, onClose, onChanged, onResumeOther }: ProvisioningWizardProps) {
  const t = useT();
  const [progress, setProgress] = useState<WizardProgress | null>(resume);
  const finish = useStepCall();
  const steps = WIZARD_STEPS[kind === 'create' ? 'chatpush' : 'greenapi'];
  const currentStep = progress?.step ?? 'create';
  const methods = authMethodsOf(account.capabilities);

  const moved = useCallback(
    (next: WizardProgress) => {
      setProgress(next);
      onChanged();
    },
    [onChanged],
  );
  const { run } = finish;
  const reload = useCallback(() => void run(() => call('auth.wizard', {})).then((next) => next && moved(next)), [run, moved]);
  const advance = useCallback(
    (from: 'authorize', outcome: 'done' | 'skipped', answer?: WizardAnswer) =>
      void run(() => call('auth.wizardAdvance', { from, outcome, ...(answer ? { answer } : {}) })).then((next) => next && moved(next)),
    [run, moved],
  );
  const authorized = useCallback((method: AuthMethod, phone: string | null) => advance('authorize', 'done', { code: 'authorized', method, phone }), [advance]);
  const close = async () => {
    // A finished wizard leaves nothing to resume.
    if (progress?.step === 'done') await run(() => call('auth.wizardDiscard', {}));
    onClose();
  };

  const title = progress ? t('authorize.wizard.titleNamed', { name: progress.label }) : t(kind === 'create' ? 'authorize.wizard.titleCreate' : 'authorize.wizard.titleAdd');
  // The step that just finished, with what the provider answered, above the step that follows it.
  const justFinished = currentStep !== 'done' ? progress?.log.at(-1) : undefined;
  return (
    <Dialog title={title} onClose={() => void close()} size="large">
      <ol className="wizard-steps">
        {steps.map((step) => {
          const logged = progress?.log.find((entry) => entry.step === step);
          const state = step === currentStep ? 'current' : logged ? logged.outcome : 'todo';
          return (
            <li key={step} className={`wizard-step wizard-step-${state}`} aria-current={step === currentStep ? 'step' : undefined}>
              <span className="wizard-step-mark" aria-hidden="true">
                {state === 'done' ? '✓' : state === 'skipped' ? '–' : (steps as readonly string[]).indexOf(step) + 1}
              </span>
              <span>
                {t(`authorize.wizard.step.${step}`)}
                {state === 'done' || state === 'skipped' ? <span className="visually-hidden"> ({t(`authorize.wizard.outcome.${state}`)})</span> : null}
              </span>
            </li>
          );
        })}
      </ol>
      <div className="wizard-body">
        {justFinished && (
          <p className="message message-info wizard-answer" role="status">
            <StepAnswer entry={justFinished} />
          </p>
        )}
        {currentStep === 'create' && kind === 'create' && <CreateChatpushStep accountId={account.id} onCreated={moved} onResumeOther={onResumeOther} />}
        {currentStep === 'create' && kind === 'addExisting' && <AddGreenApiStep accountId={account.id} onAdded={moved} onResumeOther={onResumeOther} />}
        {currentStep === 'wait' && <WaitStep onReady={reload} />}
        {currentStep === 'settings' && <SettingsStep onDone={moved} />}
        {currentStep === 'authorize' && progress && (
          <>
            <p>{t('authorize.wizard.authorize.intro')}</p>
            <AuthTabs methods={methods} target={{ accountId: progress.accountId, instance: progress.instance }} sandbox={sandbox} onAuthorized={authorized} />
            <div className="button-row">
              <button type="button" className="button" onClick={() => advance('authorize', 'skipped')}>
                {t('authorize.wizard.skip')}
              </button>
            </div>
          </>
        )}
        {currentStep === 'webhooks' && progress && <WebhooksStep progress={progress} onDone={moved} />}
        {currentStep === 'testMessage' && progress && <TestMessageStep progress={progress} onDone={moved} />}
        {currentStep === 'done' && progress && (
          <div role="status">
            <p className="message message-info auth-success">{t('authorize.wizard.done', { name: progress.label })}</p>
            <ul className="wizard-log">
              {progress.log.map((entry, index) => (
                <li key={index}>
                  <StepAnswer entry={entry} />
                </li>
              ))}
            </ul>
            <div className="button-row">
              <button type="button" className="button button-primary" onClick={() => void close()}>
                {t('common.close')}
              </button>
            </div>
          </div>
        )}
        {finish.error && <ErrorMessage error={finish.error} />}
      </div>
    </Dialog>
  );
}
