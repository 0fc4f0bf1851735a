import { useEffect, useId, useMemo, useState, type ChangeEvent } from 'react';
import { MAX_BULK_IDS, parseDeliveryIds } from '../../../../shared/delivery-ids';
import type { BulkLookupResults } from '../../../../shared/deliveries';
import type { AppErrorShape } from '../../../../shared/errors';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { SelectField } from '../../../components/SelectField';
import { describeError } from '../../../errors/describe-error';
import { toAppError } from '../../../errors/to-app-error';
import { useT } from '../../../i18n/use-t';
import { downloadCsv } from '../../../components/download-csv';
import { useJobProgress } from '../../../stores/jobs-store';
import { BulkResultsTable } from './BulkResultsTable';
import { bucketOf, bulkCounts, bulkCsv, BULK_FILTERS, inInputOrder, type BulkFilter } from './bulk-results';
import type { ClientTarget } from './target';

/**
 * Bulk lookup: ids pasted or read from a CSV, looked up in main as a job (progress, cancel), unknown ids listed as
 * results, everything exportable as CSV.
 */
export function BulkLookupPanel({ target }: { target: ClientTarget }) {
  const t = useT();
  const textareaId = useId();
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState<number[]>([]);
  const [jobId, setJobId] = useState<string | null>(null);
  const [results, setResults] = useState<BulkLookupResults | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [filter, setFilter] = useState<BulkFilter>('all');
  const progress = useJobProgress(jobId);
  const parsed = useMemo(() => parseDeliveryIds(text), [text]);
  const running = jobId !== null && (!progress || progress.state === 'running');
  const tooMany = parsed.ids.length > MAX_BULK_IDS;

  // Results are read once the job has ended (finished, cancelled or failed): what was found so far is kept.
  useEffect(() => {
    if (!jobId || !progress || progress.state === 'running') return;
    call('deliveries.bulkResults', { jobId }).then(setResults, (failure) => setError(toAppError(failure)));
  }, [jobId, progress?.state]);

  const start = async () => {
    setError(null);
    setResults(null);
    try {
      const { jobId: started } = await call('deliveries.bulkLookup', { ...target, ids: parsed.ids });
      setSubmitted(parsed.ids);
      setJobId(started);
    } catch (failure) {
      setError(toAppError(failure));
    }
  };

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
  };

  const ordered = useMemo(() => (results ? inInputOrder(results.items, submitted) : []), [results, submitted]);
  const visible = filter === 'all' ? ordered : ordered.filter((item) => bucketOf(item) === filter);
  const counts = bulkCounts(ordered);
  const sample = parsed.invalid.slice(0, 3).join(', ');

  return (
    <div>
      <div className="field">
        <label htmlFor={textareaId} className="field-label">
          {t('deliveries.bulk.ids')}
        </label>
        <textarea
          id={textareaId}
          className="input textarea"
          rows={6}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-describedby={`${textareaId}-hint ${textareaId}-parsed`}
          spellCheck={false}
        />
        <p id={`${textareaId}-hint`} className="field-hint">
          {t('deliveries.bulk.idsHint')}
        </p>
        <p id={`${textareaId}-parsed`} className="field-hint" aria-live="polite">
          {parsed.ids.length === 0 && parsed.invalid.length === 0
            ? t('deliveries.bulk.none')
            : t('deliveries.bulk.parsed', {
                ids: t('deliveries.bulk.idsCount', { count: parsed.ids.length }),
                invalid: parsed.invalid.length ? t('deliveries.bulk.invalidCount', { count: parsed.invalid.length, sample }) : '',
                duplicates: parsed.duplicates ? t('deliveries.bulk.duplicateCount', { count: parsed.duplicates }) : '',
              })}
        </p>
        {tooMany && <p className="field-error">{t('deliveries.bulk.tooMany', { max: MAX_BULK_IDS })}</p>}
      </div>
      <div className="field">
        <label htmlFor={`${textareaId}-file`} className="field-label">
          {t('deliveries.bulk.file')}
        </label>
        <input id={`${textareaId}-file`} type="file" accept=".csv,.txt,text/csv,text/plain" onChange={(event) => void readFile(event)} />
      </div>
      <div className="button-row">
        {running ? (
          <button type="button" className="button" onClick={() => void call('jobs.cancel', { jobId: jobId! }).catch(() => undefined)}>
            {t('deliveries.bulk.cancel')}
          </button>
        ) : (
          <button type="button" className="button button-primary" disabled={parsed.ids.length === 0 || tooMany} onClick={() => void start()}>
            {t('deliveries.bulk.start')}
          </button>
        )}
      </div>
      {error && <ErrorMessage error={error} />}
      {jobId && (
        <div role="status" aria-live="polite" className="progress-block">
          <progress
            max={progress?.total || submitted.length || 1}
            value={progress?.done ?? 0}
            aria-label={t('deliveries.bulk.progressLabel')}
          />
          <p>
            {t('deliveries.bulk.progress', { done: progress?.done ?? 0, total: progress?.total || submitted.length })}{' '}
            {progress?.state === 'failed' && progress.error
              ? t('deliveries.bulk.state.failed', { reason: describeError(progress.error, t) })
              : t(`deliveries.bulk.state.${progress?.state ?? 'running'}`)}
          </p>
        </div>
      )}
      {results && (
        <section aria-labelledby={`${textareaId}-results`}>
          <h2 id={`${textareaId}-results`}>{t('deliveries.bulk.table')}</h2>
          <p data-testid="bulk-summary">
            {t('deliveries.bulk.summary', { found: counts.found, unknown: counts.unknown, errors: counts.errors })}{' '}
            {results.rateLimited > 0 && t('deliveries.bulk.rateLimited', { count: results.rateLimited })}
          </p>
          <div className="toolbar">
            <SelectField
              id={`${textareaId}-filter`}
              label={t('deliveries.bulk.filter')}
              value={filter}
              onChange={setFilter}
              options={BULK_FILTERS.map((value) => ({ value, label: t(`deliveries.bulk.filter.${value}`) }))}
            />
            <button type="button" className="button" onClick={() => downloadCsv(`deliveries-${new Date().toISOString().slice(0, 10)}.csv`, bulkCsv(ordered, t))}>
              {t('deliveries.bulk.export')}
            </button>
          </div>
          <BulkResultsTable items={visible} />
        </section>
      )}
    </div>
  );
}
