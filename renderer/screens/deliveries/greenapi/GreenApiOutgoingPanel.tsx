import { useCallback, useState, type FormEvent } from 'react';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { TextField } from '../../../components/TextField';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { useAction } from '../../../components/use-action';
import { journalStatusText } from './journal-status';
import type { InstanceTarget } from './target';

/** §6 lastOutgoingMessages (1 request/s): recent outgoing messages with their statuses, counted by status. */
export function GreenApiOutgoingPanel({ target }: { target: InstanceTarget }) {
  const t = useT();
  const format = useFormat();
  const [minutes, setMinutes] = useState('1440');
  const load = useAction(useCallback((value: number) => call('deliveries.greenapiOutgoing', { ...target, minutes: value }), [target]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void load.run(Number(minutes) || 1440);
  };
  const entries = load.result ?? [];
  const counts = Object.entries(
    entries.reduce<Record<string, number>>((acc, entry) => ({ ...acc, [entry.statusMessage ?? '?']: (acc[entry.statusMessage ?? '?'] ?? 0) + 1 }), {}),
  )
    .map(([status, count]) => `${status} ${format.number(count)}`)
    .join(', ');

  return (
    <div>
      <form className="inline-form" onSubmit={submit} noValidate>
        <TextField id="ga-minutes" label={t('deliveries.ga.minutes')} hint={t('deliveries.ga.minutesHint')} value={minutes} onChange={setMinutes} inputMode="numeric" />
        <button type="submit" className="button button-primary" disabled={load.busy} aria-busy={load.busy}>
          {t('deliveries.ga.load')}
        </button>
      </form>
      {load.error && <ErrorMessage error={load.error} />}
      {load.result && entries.length === 0 && <p role="status">{t('deliveries.ga.outgoingEmpty')}</p>}
      {entries.length > 0 && (
        <>
          <p role="status">{t('deliveries.ga.statusCounts', { counts })}</p>
          <div className="table-scroll">
            <table className="table" aria-label={t('deliveries.ga.outgoingTable')}>
              <thead>
                <tr>
                  <th scope="col">{t('deliveries.ga.entry.time')}</th>
                  <th scope="col">{t('deliveries.ga.chatId')}</th>
                  <th scope="col">{t('deliveries.ga.entry.status')}</th>
                  <th scope="col">{t('deliveries.ga.entry.text')}</th>
                  <th scope="col">{t('deliveries.ga.idMessage')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.idMessage}>
                    <td>{format.dateTime(new Date(entry.timestamp * 1000).toISOString())}</td>
                    <td className="mono">{entry.chatId}</td>
                    <td>{journalStatusText(entry.statusMessage, t)}</td>
                    <td>{entry.textMessage ?? entry.caption ?? entry.fileName ?? t('common.none')}</td>
                    <td className="mono">{entry.idMessage}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
