import type { GreenApiJournalEntryView } from '../../../../shared/deliveries';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { journalStatusText } from './journal-status';

export function JournalEntryCard({ entry }: { entry: GreenApiJournalEntryView }) {
  const t = useT();
  const format = useFormat();
  const none = t('common.none');
  return (
    <section className="card" aria-label={entry.idMessage} data-testid="journal-entry">
      <h2 className="mono">{entry.idMessage}</h2>
      <dl className="facts">
        <dt>{t('deliveries.ga.entry.status')}</dt>
        <dd>{journalStatusText(entry.statusMessage, t)}</dd>
        <dt>{t('deliveries.ga.entry.type')}</dt>
        <dd>{entry.type}</dd>
        <dt>{t('deliveries.ga.chatId')}</dt>
        <dd className="mono">{entry.chatId}</dd>
        <dt>{t('deliveries.ga.entry.time')}</dt>
        <dd>{format.dateTime(new Date(entry.timestamp * 1000).toISOString())}</dd>
        <dt>{t('deliveries.ga.entry.typeMessage')}</dt>
        <dd className="mono">{entry.typeMessage}</dd>
        <dt>{t('deliveries.ga.entry.text')}</dt>
        <dd>{entry.textMessage ?? entry.caption ?? entry.fileName ?? none}</dd>
        {entry.sendByApi !== null && (
          <>
            <dt>{t('deliveries.ga.entry.byApi')}</dt>
            <dd>{entry.sendByApi ? t('deliveries.yes') : t('deliveries.no')}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
