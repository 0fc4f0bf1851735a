import type { FormEvent, ReactNode } from 'react';
import { Dialog } from '../../../components/Dialog';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { FormActions } from '../../../components/FormActions';
import type { FieldErrors } from '../../../errors/field-errors';
import { useT } from '../../../i18n/use-t';
import { useNoticeStore } from '../../../stores/notice-store';
import { useAction } from '../../../components/use-action';
import { webhookFieldErrors } from '../field-errors';

/**
 * The add / edit dialog around one provider's webhook fields: saving, busy, the error (field problems go to the
 * fields, anything else above them), "saved" announced. A failure keeps the dialog open with what was typed.
 */
export function WebhookFormDialog({ title, editing, save, onSaved, onClose, notice, children }: {
  title: string;
  /** An existing webhook (the button says Save) rather than a new one (Create). */
  editing: boolean;
  save: () => Promise<unknown>;
  onSaved: () => void;
  onClose: () => void;
  /** Shown first, before any error (Chat2Desk: the free allowance is used up). */
  notice?: ReactNode;
  children: (errors: FieldErrors) => ReactNode;
}) {
  const t = useT();
  const announce = useNoticeStore((state) => state.announce);
  const saving = useAction(async () => {
    await save();
    return true;
  });
  const { busy, error } = saving;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!(await saving.run())) return;
    announce(t('webhooks.saved'));
    onSaved();
    onClose();
  };

  return (
    <Dialog title={title} onClose={onClose} size="large">
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {notice}
        {error && error.code !== 'invalid_input' && <ErrorMessage error={error} />}
        {children(webhookFieldErrors(error, t))}
        <FormActions submit={editing ? t('webhooks.save') : t('webhooks.create')} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
