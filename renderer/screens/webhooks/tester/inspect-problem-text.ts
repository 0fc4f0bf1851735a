import type { InspectProblem } from '../../../../shared/webhook-tester';
import { fieldIssueText } from '../../../errors/field-problem-text';
import type { MessageKey } from '../../../i18n/catalog';
import type { Translate } from '../../../i18n/translate';

/** The JSON kinds zod names in `expected`, with words of their own; any other is shown as zod wrote it. */
const JSON_KINDS = new Set(['string', 'number', 'int', 'boolean', 'object', 'array', 'null']);

/**
 * One problem the payload checker found, in the user's language: the checker's own codes and the zod codes a
 * payload meets are worded for a payload ("missing", "expected a number"); any other zod code in the general
 * words of a field, and a code this build does not know as the code itself.
 */
export function inspectProblemText(problem: InspectProblem, t: Translate): string {
  const params = problem.params ?? {};
  switch (problem.code) {
    case 'not_json':
      return notJsonText(problem, t);
    case 'no_provider_field':
    case 'customer_id_missing':
    case 'callback_status_missing':
      return t(`webhooks.tester.problem.${problem.code}`);
    case 'unknown_event':
      return t('webhooks.tester.problem.unknown_event', { value: String(params.value ?? '') });
    case 'invalid_type':
    case 'invalid_union':
      if (params.received === 'undefined') return t('webhooks.tester.problem.missing');
      if (problem.code === 'invalid_union') return t('webhooks.tester.problem.noForm');
      return t('webhooks.tester.problem.expected', { kind: kindText(String(params.expected ?? ''), t) });
    case 'invalid_value':
      return t('webhooks.tester.problem.oneOf', { values: String(params.values ?? '') });
    case 'custom':
      return t('webhooks.tester.problem.custom');
    default:
      return fieldIssueText({ path: problem.path, message: problem.code, code: problem.code, params }, t);
  }
}

/** Where the problem is: its path in the payload, or the body as a whole. */
export function problemPlace(problem: InspectProblem, t: Translate): string {
  return problem.path || t('webhooks.tester.problem.body');
}

function notJsonText(problem: InspectProblem, t: Translate): string {
  const { line, column, found } = problem.params ?? {};
  if (typeof line !== 'number' || typeof column !== 'number') return t('webhooks.tester.notJson');
  if (typeof found !== 'string') return t('webhooks.tester.notJson.end', { line, column });
  return t('webhooks.tester.notJson.at', { line, column, found: visible(found) });
}

/** A character as it can be read: a space, a control or an invisible mark (a BOM) by its code point. */
function visible(char: string): string {
  return /^[\p{C}\p{Z}]$/u.test(char) ? `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : char;
}

function kindText(kind: string, t: Translate): string {
  if (!JSON_KINDS.has(kind)) return kind;
  // Typed so that a kind without a `webhooks.tester.kind.<kind>` message is a compile error.
  const key: MessageKey = `webhooks.tester.kind.${kind as 'string' | 'number' | 'int' | 'boolean' | 'object' | 'array' | 'null'}`;
  return t(key);
}
