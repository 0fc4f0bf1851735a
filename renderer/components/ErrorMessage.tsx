import type { AppErrorShape } from '../../shared/errors';
import { describeError } from '../errors/describe-error';
import { useT } from '../i18n/use-t';

/**
 * A failed call, worded at render time (not when it failed) so that switching the language re-words it.
 */
export function ErrorMessage({ error }: { error: AppErrorShape }) {
  const t = useT();
  return (
    <p className="message message-error" role="alert">
      {describeError(error, t)}
    </p>
  );
}
