import { useEffect, useState } from 'react';
import type { WizardProgress } from '../../../../shared/auth';
import { call } from '../../../bridge/client';
import { useT } from '../../../i18n/use-t';
import { UnfinishedSetup } from './UnfinishedSetup';
import { stepName } from './wizard-answers';

type UnfinishedRefusalProps = {
  onResume: (progress: WizardProgress) => void;
  /** Discarded here: the form, still filled in, can be sent again. */
  onDiscarded: () => void;
};

/**
 * Main refused to start this wizard because another one is not finished (a setup left open in another window, or
 * the screen's banner missed): which one, and the way out, resume it or discard it.
 */
export function UnfinishedRefusal({ onResume, onDiscarded }: UnfinishedRefusalProps) {
  const t = useT();
  const [unfinished, setUnfinished] = useState<WizardProgress | null>(null);

  useEffect(() => {
    let live = true;
    call('auth.wizard', {}).then(
      (progress) => live && setUnfinished(progress),
      () => live && setUnfinished(null),
    );
    return () => {
      live = false;
    };
  }, []);

  if (!unfinished || unfinished.step === 'done') {
    return (
      <p className="message message-error" role="alert">
        {t('authorize.wizard.refusedUnfinishedGeneric')}
      </p>
    );
  }
  const message = t('authorize.wizard.refusedUnfinished', { name: unfinished.label, step: stepName(unfinished.step, t) });
  return (
    <div className="message message-error" role="alert">
      <UnfinishedSetup progress={unfinished} message={message} onResume={() => onResume(unfinished)} onDiscarded={onDiscarded} />
    </div>
  );
}
