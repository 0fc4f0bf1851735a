import { Fragment } from 'react';
import type { ConnectionTestResult } from '../../../shared/accounts';
import { StatusBadge } from '../../components/StatusBadge';
import { describeError } from '../../errors/describe-error';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { checkTitle, factLabel, factValue } from './fact-text';

/**
 * Every check of a connection test: what was tried, whether it worked, how long it took, what was learnt.
 * `subject` names the account, so several reports on one page are distinct landmarks.
 */
export function ConnectionReport({ result, subject }: { result: ConnectionTestResult; subject?: string }) {
  const t = useT();
  const format = useFormat();
  const failed = result.checks.filter((check) => !check.ok).length;
  return (
    <section className="test-report" aria-label={subject ? t('test.reportLabelNamed', { name: subject }) : t('test.reportLabel')} data-testid="connection-report">
      <p className="test-summary">
        <StatusBadge ok={result.ok} />{' '}
        {result.ok
          ? t('test.allPassed', { count: result.checks.length })
          : t('test.someFailed', { count: result.checks.length, failed })}{' '}
        <time dateTime={result.testedAt}>{t('test.testedAt', { time: format.dateTime(result.testedAt) })}</time>
      </p>
      {result.checks.length === 0 ? (
        <p>{t('test.noChecks')}</p>
      ) : (
        <ul className="check-list">
          {result.checks.map((check, index) => (
            <li key={`${check.kind}-${check.label}-${index}`} className="check">
              <p className="check-title">
                <StatusBadge ok={check.ok} /> <strong>{checkTitle(check, t)}</strong>{' '}
                <span className="muted">{format.milliseconds(check.latencyMs)}</span>
              </p>
              {check.facts.length > 0 && (
                <dl className="facts">
                  {check.facts.map((fact) => (
                    <Fragment key={fact.key}>
                      <dt>{factLabel(fact.key, t)}</dt>
                      <dd>{factValue(fact, t, format)}</dd>
                    </Fragment>
                  ))}
                </dl>
              )}
              {check.error && <p className="check-error">{describeError(check.error, t)}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

