import type { AppErrorShape } from '../../../../shared/errors';
import { describeError } from '../../../errors/describe-error';
import { useT } from '../../../i18n/use-t';

/**
 * A provider's refusal in words, with what it said about each field (Chat2Desk's "Up to 5 simultaneous webhooks…",
 * Jetapi's "types invalid"): the general wording alone would hide the reason.
 */
export function ProviderError({ error }: { error: AppErrorShape }) {
  const t = useT();
  const fields = error.code === 'invalid_input' ? [] : (error.details?.fields ?? []);
  return (
    <div className="message message-error" role="alert">
      <p>{describeError(error, t)}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((field, index) => (
            <li key={`${field.path}-${index}`}>
              {field.path ? <span className="mono">{field.path}: </span> : null}
              {field.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
