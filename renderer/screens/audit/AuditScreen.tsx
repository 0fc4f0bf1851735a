import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared/audit';
import type { AppErrorShape } from '../../../shared/errors';
import { call } from '../../bridge/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { toAppError } from '../../errors/to-app-error';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { downloadCsv } from '../../components/download-csv';

const PAGE = 100;

/** The append-only audit log: read in pages, exported whole. */
export function AuditScreen() {
  const t = useT();
  const format = useFormat();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const load = async (offset: number) => {
    try {
      const page = await call('audit.list', { limit: PAGE, offset });
      setEntries((current) => (offset === 0 ? page.entries : [...current, ...page.entries]));
      setTotal(page.total);
      setError(null);
    } catch (failure) {
      setError(toAppError(failure));
    }
  };
  useEffect(() => {
    void load(0);
  }, []);

  const exportCsv = async () => {
    try {
      const { filename, csv } = await call('audit.exportCsv', {});
      downloadCsv(filename, csv);
    } catch (failure) {
      setError(toAppError(failure));
    }
  };

  return (
    <>
      <div className="screen-toolbar">
        <p>{t('audit.intro')}</p>
        <button type="button" className="button" onClick={() => void exportCsv()} disabled={total === 0}>
          {t('audit.export')}
        </button>
      </div>
      {error && <ErrorMessage error={error} />}
      {total === 0 && !error ? (
        <p className="muted">{t('audit.empty')}</p>
      ) : (
        <>
          <p className="muted">{t('audit.count', { shown: entries.length, count: total })}</p>
          <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t('screen.audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.column.time')}</th>
                <th scope="col">{t('audit.column.who')}</th>
                <th scope="col">{t('audit.column.what')}</th>
                <th scope="col">{t('audit.column.target')}</th>
                <th scope="col">{t('audit.column.result')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, index) => (
                <tr key={`${entry.at}-${index}`}>
                  <td>
                    <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
                  </td>
                  <td>{entry.actor}</td>
                  <td>
                    <code>{entry.call}</code>
                  </td>
                  <td>{entry.targetName ?? entry.target ?? '—'}</td>
                  <td>{entry.result === 'ok' ? t('audit.resultOk') : (entry.message ?? entry.result)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          {entries.length < total && (
            <button type="button" className="button" onClick={() => void load(entries.length)}>
              {t('audit.loadMore')}
            </button>
          )}
        </>
      )}
    </>
  );
}
