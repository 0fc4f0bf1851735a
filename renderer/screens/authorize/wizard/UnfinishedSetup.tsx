import { useEffect, useRef, useState } from 'react';
import type { WizardProgress } from '../../../../shared/auth';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useT } from '../../../i18n/use-t';
import { useStepCall } from './use-step-call';

type UnfinishedSetupProps = {
  progress: WizardProgress;
  /** What to say about it (where it stopped, or why nothing new was started). */
  message: string;
  /** For the control it blocks (the screen's "New instance…"), to point at this explanation. */
  messageId?: string;
  /** Absent when the account it belongs to is gone: it can then only be discarded. */
  onResume?: () => void;
  onDiscarded: () => void;
};

/**
 * A wizard closed half-way: resume it, or discard its progress. Discarding forgets where it stopped (the instance
 * stays), so it is asked once more, inline, with focus on Cancel.
 */
export function UnfinishedSetup({ progress, message, messageId, onResume, onDiscarded }: UnfinishedSetupProps) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const discard = useStepCall();
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) cancel.current?.focus();
    // Back from the question: focus returns to the button that asked it.
    else if (wasConfirming.current) opener.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const confirmDiscard = async () => {
    const done = await discard.run(() => call('auth.wizardDiscard', {}));
    if (done) onDiscarded();
  };

  return (
    <>
      <p id={messageId}>{message}</p>
      {confirming ? (
        <div className="confirm-inline" role="group" aria-label={t('authorize.wizard.discardConfirm.title')}>
          <p>
            <strong>{t('authorize.wizard.discardConfirm.title')}</strong> {t('authorize.wizard.discardConfirm.body', { name: progress.label })}
          </p>
          {discard.error && <ErrorMessage error={discard.error} />}
          <div className="button-row">
            <button type="button" className="button button-danger" onClick={() => void confirmDiscard()} disabled={discard.busy} aria-busy={discard.busy}>
              {t('authorize.wizard.discardConfirm.button')}
            </button>
            <button type="button" ref={cancel} className="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="button-row">
          {onResume && (
            <button type="button" className="button button-primary" onClick={onResume}>
              {t('authorize.wizard.resumeButton')}
            </button>
          )}
          <button type="button" ref={opener} className="button" onClick={() => setConfirming(true)}>
            {t('authorize.wizard.discard')}
          </button>
        </div>
      )}
    </>
  );
}
