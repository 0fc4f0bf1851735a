import type { AppErrorShape } from '../../../shared/errors';
import { describeError } from '../../errors/describe-error';
import type { Translate } from '../../i18n/translate';

/**
 * A per-row failure in words, with the provider's own field messages added: a Chategy/Jetapi 422 says only
 * "Unprocessable Entity" in its message and puts the reason ("not enough money") under `errors.base`.
 */
export function rowErrorText(error: AppErrorShape, t: Translate): string {
  const said = (error.details?.fields ?? []).map((issue) => (issue.path === 'base' || !issue.path ? issue.message : `${issue.path}: ${issue.message}`));
  return [describeError(error, t), ...said.map((text) => `— ${text}`)].join(' ');
}
