import { useState } from 'react';
import { CHATPUSH_CHANNELS } from '../../../../shared/instance-settings';
import { HintedFieldset } from '../../../components/HintedFieldset';
import { SelectField } from '../../../components/SelectField';
import { useT } from '../../../i18n/use-t';

type Channel = (typeof CHATPUSH_CHANNELS)[number];

/** The ordered cascade: add a channel, move it up or down, remove it — every step a named button, so keyboards work. */
export function RoutingEditor({ value, onChange, error }: { value: Channel[]; onChange: (value: Channel[]) => void; error?: string }) {
  const t = useT();
  const left = CHATPUSH_CHANNELS.filter((channel) => !value.includes(channel));
  const [adding, setAdding] = useState<Channel>(left[0] ?? 'whatsapp');
  const next = left.includes(adding) ? adding : left[0];
  const move = (index: number, by: -1 | 1) => {
    const copy = [...value];
    [copy[index], copy[index + by]] = [copy[index + by]!, copy[index]!];
    onChange(copy);
  };
  return (
    // The problem is announced at the top of the group, above the list it is about, rather than closing it.
    <HintedFieldset hintId="cp-routing-hint" legend={t('settings.cp.routing')} hint={t('settings.cp.routingHint')}>
      {error && (
        <p className="message message-error" role="alert">
          {error}
        </p>
      )}
      {value.length === 0 ? (
        <p className="muted">{t('settings.cp.routingEmpty')}</p>
      ) : (
        <ol data-testid="routing">
          {value.map((channel, index) => (
            <li key={channel}>
              <span className="mono">{channel}</span>{' '}
              <button type="button" className="button" onClick={() => move(index, -1)} disabled={index === 0} aria-label={t('settings.cp.up', { channel })}>
                ↑
              </button>{' '}
              <button type="button" className="button" onClick={() => move(index, 1)} disabled={index === value.length - 1} aria-label={t('settings.cp.down', { channel })}>
                ↓
              </button>{' '}
              <button type="button" className="button" onClick={() => onChange(value.filter((other) => other !== channel))} aria-label={t('settings.cp.remove', { channel })}>
                ×
              </button>
            </li>
          ))}
        </ol>
      )}
      {next && (
        <div className="field-with-action">
          <SelectField id="cp-routing-add" label={t('settings.cp.addChannel')} value={next} onChange={setAdding} options={left.map((channel) => ({ value: channel, label: channel }))} />
          <button type="button" className="button" onClick={() => onChange([...value, next])}>
            {t('settings.cp.add')}
          </button>
        </div>
      )}
    </HintedFieldset>
  );
}
