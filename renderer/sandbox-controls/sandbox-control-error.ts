import type { AppErrorShape } from '../../shared/errors';
import { describeError } from '../errors/describe-error';
import type { Translate } from '../i18n/translate';

/**
 * A control's refusal in words: the sandbox's own refusals (not running, no such instance, out of bounds) have
 * sentences of their own, since the general ones speak of providers and other windows; anything else is worded
 * as usual.
 */
export function sandboxControlError(error: AppErrorShape, t: Translate): string {
  if (error.code === 'invalid_input') return t('sandboxControls.error.invalid_input');
  if (error.details?.operation === 'sandboxControls' && (error.code === 'conflict' || error.code === 'not_found')) {
    return t(`sandboxControls.error.${error.code}`);
  }
  return describeError(error, t);
}
