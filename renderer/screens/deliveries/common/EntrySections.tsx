import { useT } from '../../../i18n/use-t';
import { EntryPicker } from './AccountPicker';
import { Tabs, type Tab } from './Tabs';

/**
 * The delivery tools of one entry of an account (a client token, a GREEN-API instance): the entry picker, then the
 * section tabs. The tabs are keyed by account and entry, so another entry starts with fresh panels.
 */
export function EntrySections<K extends string>({ accountId, picker, entry, onEntryChange, sections, selected, onSelect }: {
  accountId: string;
  picker: { id: string; label: string; hint?: string; entries: readonly { id: string; label: string }[] };
  entry: string;
  onEntryChange: (entryId: string) => void;
  sections: readonly Tab<K>[];
  selected: K;
  onSelect: (key: K) => void;
}) {
  const t = useT();
  return (
    <>
      <div className="pickers">
        <EntryPicker {...picker} value={entry} onChange={onEntryChange} />
      </div>
      <Tabs key={`${accountId}:${entry}`} label={t('deliveries.sections')} selected={selected} onSelect={onSelect} tabs={sections} />
    </>
  );
}
