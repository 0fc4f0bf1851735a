import type { WizardProgress } from '../../../../shared/auth';
import type { AppErrorShape } from '../../../../shared/errors';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { FormActions } from '../../../components/FormActions';
import { useT } from '../../../i18n/use-t';
import { isUnfinishedRefusal } from './unfinished-refusal';
import { UnfinishedRefusal } from './UnfinishedRefusal';

/**
 * The end of a step that starts a setup (create an instance, add an existing one): the request's failure, worded
 * as the way out of an unfinished setup, as a pointer to the fields that carry the problems, or as itself; then submit.
 */
export function StartStepFooter({ error, hasFieldProblems, submit, busy, onResumeOther, onDiscarded }: {
  error: AppErrorShape | null;
  /** The failure names fields, each of which shows its own problem: say so instead of repeating it. */
  hasFieldProblems: boolean;
  submit: string;
  busy: boolean;
  onResumeOther: (progress: WizardProgress) => void;
  onDiscarded: () => void;
}) {
  const t = useT();
  return (
    <>
      {isUnfinishedRefusal(error) ? (
        <UnfinishedRefusal onResume={onResumeOther} onDiscarded={onDiscarded} />
      ) : (
        error && !hasFieldProblems && <ErrorMessage error={error} />
      )}
      {hasFieldProblems && <p className="message message-error" role="alert">{t('authorize.wizard.fixFields')}</p>}
      <FormActions submit={submit} busy={busy} />
    </>
  );
}
