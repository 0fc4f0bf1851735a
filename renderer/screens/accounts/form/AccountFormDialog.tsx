import { useMemo, useRef, useState, type FormEvent } from 'react';
import type { AccountView, ConnectionTestResult } from '../../../../shared/accounts';
import type { AppErrorShape } from '../../../../shared/errors';
import type { ProviderId } from '../../../../shared/providers';
import { call } from '../../../bridge/client';
import { Dialog } from '../../../components/Dialog';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormActions } from '../../../components/FormActions';
import { TextField } from '../../../components/TextField';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { fieldErrorsOf, translateFieldErrors, type FieldErrors, type FieldProblems } from '../../../errors/field-errors';
import { toAppError } from '../../../errors/to-app-error';
import { useT } from '../../../i18n/use-t';
import { useAccountsStore } from '../../../stores/accounts-store';
import { useNoticeStore } from '../../../stores/notice-store';
import { ConnectionReport } from '../ConnectionReport';
import { emptyForm, formFromView, formToDraft, formToPatch, type AccountForm } from './account-form';
import { Chat2deskFields } from './Chat2deskFields';
import { ChatpushFields } from './ChatpushFields';
import { ChattiFields } from './ChattiFields';
import { fieldId, fieldLabel } from './field-labels';
import { GreenapiFields } from './GreenapiFields';
import { ProviderPicker } from './ProviderPicker';

type AccountFormDialogProps = {
  /** The account to edit, or null to add one. */
  editing: AccountView | null;
  onClose: () => void;
};

type TestState =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; result: ConnectionTestResult }
  /** `error` null: the problems are in the fields. */
  | { kind: 'failed'; error: AppErrorShape | null };

/**
 * Add or edit an account. Whatever goes wrong (a save refused, a test failing) the form keeps what was typed;
 * problems are shown next to their fields and summed up at the top.
 */
export function AccountFormDialog({ editing, onClose }: AccountFormDialogProps) {
  const t = useT();
  const create = useAccountsStore((state) => state.create);
  const update = useAccountsStore((state) => state.update);
  const announce = useNoticeStore((state) => state.announce);
  const [form, setForm] = useState<AccountForm>(() => (editing ? formFromView(editing) : emptyForm('greenapi')));
  // Field problems and failures are kept as main sent them and worded at render, so a language switch re-words them.
  const [rawErrors, setRawErrors] = useState<FieldProblems>({});
  const [formError, setFormError] = useState<AppErrorShape | null>(null);
  const [saving, setSaving] = useState(false);
  const [test, setTest] = useState<TestState>({ kind: 'idle' });
  // What was typed for each provider, so a look at another provider and back loses nothing.
  const drafts = useRef<Partial<Record<ProviderId, AccountForm>>>({});

  const chooseProvider = (provider: ProviderId) => {
    drafts.current[form.provider] = form;
    setForm({ ...(drafts.current[provider] ?? emptyForm(provider)), name: form.name });
    setRawErrors({});
    setTest({ kind: 'idle' });
  };

  const change = (next: AccountForm) => {
    // Row errors are keyed by index: once a list grows or shrinks they would point at the wrong rows.
    const before = listLengths(form);
    const after = listLengths(next);
    const resized = Object.keys(before).filter((name) => before[name] !== after[name]);
    if (resized.length) setRawErrors((current) => withoutPrefixes(current, resized));
    setForm(next);
  };

  // Memoised: the error summary takes focus whenever this object changes.
  const errors = useMemo(() => translateFieldErrors(rawErrors, t), [rawErrors, t]);

  /** Field problems go next to their fields; anything else is one message. Nothing typed is lost. */
  const showFailure = (error: AppErrorShape, root: 'draft' | 'patch'): AppErrorShape | null => {
    const fields = fieldErrorsOf(error, root);
    setRawErrors(fields);
    return Object.keys(fields).length ? null : error;
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setFormError(null);
    try {
      const saved = editing ? await update(editing.id, formToPatch(form)) : await create(formToDraft(form));
      announce(t(editing ? 'accounts.updated' : 'accounts.added', { name: saved.name }));
      onClose();
    } catch (failure) {
      setFormError(showFailure(toAppError(failure), editing ? 'patch' : 'draft'));
      setSaving(false);
    }
  };

  const runTest = async () => {
    setTest({ kind: 'running' });
    try {
      // A new account sends its blank secrets too, so main names each missing one; an edit leaves them out to
      // test with the stored ones.
      const patch = editing ? formToPatch(form) : formToDraft(form);
      const result = await call('accounts.testDraft', editing ? { patch, existingId: editing.id } : { patch });
      setRawErrors({});
      setTest({ kind: 'done', result });
    } catch (failure) {
      setTest({ kind: 'failed', error: showFailure(toAppError(failure), 'patch') });
    }
  };

  const title = editing ? t('accounts.editTitle', { name: editing.name }) : t('accounts.addTitle');
  return (
    <Dialog title={title} onClose={onClose} size="large">
      <form className="form account-form" onSubmit={save} noValidate>
        <ErrorSummary errors={errors} labelOf={(path) => fieldLabel(form.provider, path, t)} idOf={fieldId} />
        {!editing && <ProviderPicker value={form.provider} onChange={chooseProvider} />}
        <TextField
          id={fieldId('name')}
          label={t('account.name')}
          value={form.name}
          onChange={(name) => change({ ...form, name })}
          error={errors.name}
          placeholder={t('account.namePlaceholder')}
          required
        />
        {providerFields(form, change, errors, editing)}

        <section className="test-panel" aria-labelledby="form-test-title">
          <h3 id="form-test-title">{t('test.title')}</h3>
          <p className="field-hint">{t(editing ? 'test.formHintEditing' : 'test.formHint')}</p>
          <button
            type="button"
            className="button"
            onClick={runTest}
            disabled={test.kind === 'running'}
            aria-busy={test.kind === 'running'}
          >
            {test.kind === 'running' ? t('test.running') : t('test.run')}
          </button>
          <div aria-live="polite">
            {test.kind === 'done' && <ConnectionReport result={test.result} />}
            {test.kind === 'failed' && test.error && <ErrorMessage error={test.error} />}
            {test.kind === 'failed' && !test.error && <p className="message message-error">{t('test.fixFieldsFirst')}</p>}
          </div>
        </section>

        {formError && <ErrorMessage error={formError} />}
        <FormActions
          submit={editing ? t('common.saveChanges') : t('accounts.addSubmit')}
          busy={saving}
          busyLabel={t('common.saving')}
          onCancel={onClose}
          className="dialog-actions"
        />
      </form>
    </Dialog>
  );
}

/** Each provider's credential fields; the discriminant picks the component and narrows the types with it. */
function providerFields(form: AccountForm, onChange: (next: AccountForm) => void, errors: FieldErrors, editing: AccountView | null) {
  const common = { onChange, errors };
  switch (form.provider) {
    case 'chatpush':
      return <ChatpushFields {...common} form={form} saved={editing?.provider === 'chatpush' ? editing : null} />;
    case 'greenapi':
      return <GreenapiFields {...common} form={form} saved={editing?.provider === 'greenapi' ? editing : null} />;
    case 'chat2desk':
      return <Chat2deskFields {...common} form={form} saved={editing?.provider === 'chat2desk' ? editing : null} />;
    case 'chatti':
      return <ChattiFields {...common} form={form} saved={editing?.provider === 'chatti' ? editing : null} />;
  }
}

const listLengths = (form: AccountForm): Record<string, number> =>
  Object.fromEntries(Object.entries(form).flatMap(([name, value]) => (Array.isArray(value) ? [[name, value.length]] : [])));
const withoutPrefixes = (errors: FieldProblems, names: string[]) =>
  Object.fromEntries(Object.entries(errors).filter(([path]) => !names.some((name) => path === name || path.startsWith(`${name}.`))));
