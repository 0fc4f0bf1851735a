import type { AppErrorShape, FieldIssue } from '../../shared/errors';
import type { Translate } from '../i18n/translate';
import { fieldIssueText } from './field-problem-text';

/** Field problems as main sent them, keyed by their path inside the form (`hosts.rest`, `instances.0.idInstance`). */
export type FieldProblems = Readonly<Record<string, FieldIssue>>;
/** The same problems in words, ready to show next to their fields. */
export type FieldErrors = Readonly<Record<string, string>>;

/**
 * `invalid_input` names each field by its path in the call's input (`draft.hosts.rest`, `patch.name`); the form
 * knows its fields without the `draft`/`patch` root. Problems stay as main sent them (code, params and English):
 * they are worded when shown (translateFieldErrors), so a change of language re-words them. Other errors carry
 * no field problems.
 */
export function fieldErrorsOf(error: AppErrorShape, root: string): FieldProblems {
  if (error.code !== 'invalid_input') return {};
  const problems: Record<string, FieldIssue> = {};
  for (const issue of error.details?.fields ?? []) {
    const path = issue.path === root ? '' : issue.path.startsWith(`${root}.`) ? issue.path.slice(root.length + 1) : issue.path;
    problems[path] ??= issue;
  }
  return problems;
}

export function translateFieldErrors(problems: FieldProblems, t: Translate): FieldErrors {
  return Object.fromEntries(Object.entries(problems).map(([path, issue]) => [path, fieldIssueText(issue, t)]));
}
