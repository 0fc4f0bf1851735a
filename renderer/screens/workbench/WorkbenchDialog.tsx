import { useState } from 'react';
import type { z } from 'zod';
import type { AccountView } from '../../../shared/accounts';
import type { WorkbenchResponseSchema } from '../../../shared/chatti-workbench';
import type { AppErrorShape } from '../../../shared/errors';
import { call } from '../../bridge/client';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { toAppError } from '../../errors/to-app-error';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { parseWorkbenchForm, type FormProblem, type WorkbenchRequest } from './parse-request';

type Response = z.infer<typeof WorkbenchResponseSchema>;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** One request at a time against the account's API; the form keeps what was typed whatever the answer. */
export function WorkbenchDialog({ account, onClose }: { account: AccountView; onClose: () => void }) {
  const t = useT();
  const format = useFormat();
  const [form, setForm] = useState({ method: 'GET' as WorkbenchRequest['method'], path: '', query: '', body: '' });
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [sending, setSending] = useState(false);
  const [response, setResponse] = useState<Response | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const problem = (field: FormProblem['field']) => {
    const found = problems.find((p) => p.field === field);
    return found ? t(found.key, found.params) : undefined;
  };

  const send = async () => {
    const parsed = parseWorkbenchForm(form);
    setProblems(parsed.ok ? [] : parsed.problems);
    if (!parsed.ok) return;
    setSending(true);
    setError(null);
    try {
      setResponse(await call('workbench.send', { accountId: account.id, request: parsed.request }));
    } catch (failure) {
      setResponse(null);
      setError(toAppError(failure));
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog title={t('workbench.title', { name: account.name })} description={t('workbench.description')} onClose={onClose} size="large">
      <form
        className="workbench-form"
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <div className="field-row">
          <SelectField
            id="workbench-method"
            label={t('workbench.method')}
            value={form.method}
            options={METHODS.map((method) => ({ value: method, label: method }))}
            onChange={(method) => setForm({ ...form, method })}
          />
          <TextField id="workbench-path" label={t('workbench.path')} hint={t('workbench.pathHint')} value={form.path} onChange={(path) => setForm({ ...form, path })} required />
        </div>
        <label className="field-label" htmlFor="workbench-query">
          {t('workbench.query')}
        </label>
        <textarea
          id="workbench-query"
          className="input textarea"
          rows={3}
          value={form.query}
          aria-describedby="workbench-query-hint"
          aria-invalid={Boolean(problem('query'))}
          onChange={(event) => setForm({ ...form, query: event.target.value })}
        />
        <p id="workbench-query-hint" className="field-hint">
          {problem('query') ?? t('workbench.queryHint')}
        </p>
        <label className="field-label" htmlFor="workbench-body">
          {t('workbench.body')}
        </label>
        <textarea
          id="workbench-body"
          className="input textarea"
          rows={5}
          spellCheck={false}
          value={form.body}
          aria-invalid={Boolean(problem('body'))}
          aria-describedby={problem('body') ? 'workbench-body-error' : undefined}
          onChange={(event) => setForm({ ...form, body: event.target.value })}
        />
        {problem('body') && (
          <p id="workbench-body-error" className="field-error">
            {problem('body')}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={sending} aria-busy={sending}>
          {sending ? t('workbench.sending') : t('workbench.send')}
        </button>
      </form>
      <div aria-live="polite">
        {error && <ErrorMessage error={error} />}
        {response?.problem && <ErrorMessage error={response.problem} />}
        {response && (
          <section aria-label={t('workbench.response')} className="workbench-response" data-testid="workbench-response">
            <p>
              <strong>{t('workbench.status', { status: response.status, latency: format.milliseconds(response.latencyMs) })}</strong>
            </p>
            <details>
              <summary>{t('workbench.headers')}</summary>
              <pre tabIndex={0} aria-label={t('workbench.headers')}>{Object.entries(response.headers).map(([name, value]) => `${name}: ${value}`).join('\n')}</pre>
            </details>
            {response.body.kind === 'empty' ? (
              <p>{t('workbench.emptyBody')}</p>
            ) : (
              // Focusable so a keyboard user can scroll a long body.
              <pre className="workbench-body" tabIndex={0} aria-label={t('workbench.response')}>{response.body.kind === 'json' ? JSON.stringify(response.body.value, null, 2) : response.body.text}</pre>
            )}
          </section>
        )}
      </div>
    </Dialog>
  );
}
