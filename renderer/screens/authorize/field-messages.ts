import type { z } from 'zod';
import type { AppErrorShape } from '../../../shared/errors';
import { fieldIssueOf } from '../../../shared/field-problems';
import { fieldIssueText } from '../../errors/field-problem-text';
import { providerName } from '../../i18n/provider-names';
import type { Translate } from '../../i18n/translate';

/** The first problem of a value against a schema, worded; null when it is valid. */
export function firstProblem(schema: z.ZodType, value: unknown, t: Translate): string | null {
  const first = schema.safeParse(value).error?.issues[0];
  return first ? fieldIssueText(fieldIssueOf(first), t) : null;
}

/** `invalid_input` (or a `conflict` naming its field, such as an instance already added) from main: the first problem for `path`, worded. */
export function fieldProblem(error: AppErrorShape | null, path: string, t: Translate): string | null {
  if (error?.code !== 'invalid_input' && error?.code !== 'conflict') return null;
  const issue = error.details?.fields?.find((field) => field.path === path || field.path.endsWith(`.${path}`));
  return issue ? fieldIssueText(issue, t) : null;
}

/**
 * A provider's 422 naming one of its own fields (`providerPaths`, in the provider's spelling: `confirmation_code`,
 * `api_token`): its words, to show under the input they are about, where the operator corrects and sends again.
 */
export function providerFieldProblem(error: AppErrorShape | null, providerPaths: readonly string[], t: Translate): string | null {
  if (error?.code !== 'provider_validation') return null;
  const issues = (error.details?.fields ?? []).filter((field) => providerPaths.includes(field.path));
  if (issues.length === 0) return null;
  const provider = error.details?.provider ? providerName(error.details.provider) : t('error.theProvider');
  return t('authorize.refusedField', { provider, reason: issues.map((issue) => fieldIssueText(issue, t)).join('; ') });
}
