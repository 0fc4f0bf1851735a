import type { WizardAnswer, WizardLogEntry, WizardProgress } from '../../../../shared/auth';
import { describeError } from '../../../errors/describe-error';
import type { Translate } from '../../../i18n/translate';

type LoggedStep = Exclude<WizardProgress['step'], 'done'> | 'create';

/** One thing the provider answered at a wizard step, in the user's language. */
export function answerText(answer: WizardAnswer, t: Translate): string {
  switch (answer.code) {
    case 'instanceCreated':
      return t('authorize.wizard.answer.instanceCreated', { instanceId: answer.instanceId, customerId: answer.customerId });
    case 'tokenAdded':
      return t('authorize.wizard.answer.tokenAdded', { label: answer.label });
    case 'tokenNotAdded':
      return t('authorize.wizard.answer.tokenNotAdded', { reason: describeError(answer.error, t) });
    case 'instanceAdded':
      return t('authorize.wizard.answer.instanceAdded', { idInstance: answer.idInstance });
    case 'stateReached':
      return t('authorize.wizard.answer.stateReached', { state: t(`authorize.link.${answer.state}`) });
    case 'settingsChanged':
      return t('authorize.wizard.answer.settingsChanged', { count: answer.keys.length, keys: answer.keys.join(', ') });
    case 'settingsUnchanged':
      return t('authorize.wizard.answer.settingsUnchanged');
    case 'authorized': {
      const method = t(`authorize.method.${answer.method}`);
      return answer.phone ? t('authorize.wizard.answer.authorizedPhone', { method, phone: answer.phone }) : t('authorize.wizard.answer.authorized', { method });
    }
    case 'webhookCreated':
      return t('authorize.wizard.answer.webhookCreated', { webhookId: answer.webhookId, types: answer.types.join(', ') });
    case 'testSent':
      return t('authorize.wizard.answer.testSent', { deliveryId: answer.deliveryId, status: deliveryStatus(answer) });
  }
}

/** The status as the platform gave it: its number and its own short description (§6.10). */
export const deliveryStatus = ({ statusId, statusDescription }: { statusId: number; statusDescription: string | null }) =>
  statusDescription ? `${statusId} ${statusDescription}` : String(statusId);

/** A step's name; the log and the progress name only steps that have one ("done" is where none is left). */
export const stepName = (step: string, t: Translate): string => t(`authorize.wizard.step.${step as LoggedStep}`);

/** "Create: done." — the step and how it ended, before what the provider answered. */
export function stepOutcomeText(entry: WizardLogEntry, t: Translate): string {
  return t('authorize.wizard.stepOutcome', { step: stepName(entry.step, t), outcome: t(`authorize.wizard.outcome.${entry.outcome}`) });
}
