import type { WizardLogEntry } from '../../../../shared/auth';
import { useT } from '../../../i18n/use-t';
import { answerText, stepOutcomeText } from './wizard-answers';

/** A finished step and what the provider answered, worded when shown so that switching the language re-words it. */
export function StepAnswer({ entry }: { entry: WizardLogEntry }) {
  const t = useT();
  return (
    <>
      <strong>{stepOutcomeText(entry, t)}</strong>
      {entry.answers.map((answer, index) => (
        <span key={index}> {answerText(answer, t)}</span>
      ))}
    </>
  );
}
