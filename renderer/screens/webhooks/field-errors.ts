import type { AppErrorShape } from '../../../shared/errors';
import { fieldErrorsOf, translateFieldErrors, type FieldErrors } from '../../errors/field-errors';
import type { Translate } from '../../i18n/translate';

/**
 * Field problems of a webhook form, by the form's own field names (`url`, `types`, `events`…): list entries
 * (`types.0`) are shown on their list.
 */
export function webhookFieldErrors(error: AppErrorShape | null, t: Translate): FieldErrors {
  if (!error) return {};
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(translateFieldErrors(fieldErrorsOf(error, ''), t))) {
    const field = path.split('.')[0]!;
    errors[field] ??= message;
  }
  return errors;
}
