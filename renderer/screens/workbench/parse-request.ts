import type { z } from 'zod';
import type { WorkbenchRequestSchema } from '../../../shared/chatti-workbench';

export type WorkbenchRequest = z.input<typeof WorkbenchRequestSchema>;
export type FormProblem = { field: 'query' | 'body'; key: 'workbench.badQueryLine' | 'workbench.badJson'; params: Record<string, string | number> };

/**
 * The form's text fields as a request: `name=value` lines become the query (a name given twice becomes a list),
 * the body must be JSON. Problems name the line or the parser's reason; nothing typed is thrown away.
 */
export function parseWorkbenchForm(form: { method: WorkbenchRequest['method']; path: string; query: string; body: string }):
  | { ok: true; request: WorkbenchRequest }
  | { ok: false; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const query: Record<string, string | string[]> = {};
  form.query.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const at = line.indexOf('=');
    if (at <= 0) return void problems.push({ field: 'query', key: 'workbench.badQueryLine', params: { line: index + 1 } });
    const name = line.slice(0, at).trim();
    const value = line.slice(at + 1).trim();
    const existing = query[name];
    query[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  });
  let body: unknown;
  if (form.body.trim()) {
    try {
      body = JSON.parse(form.body);
    } catch (error) {
      problems.push({ field: 'body', key: 'workbench.badJson', params: { reason: error instanceof Error ? error.message : String(error) } });
    }
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    request: {
      method: form.method,
      path: form.path.trim(),
      ...(Object.keys(query).length ? { query } : {}),
      ...(body !== undefined ? { body } : {}),
    },
  };
}
