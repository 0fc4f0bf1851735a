import { useT } from '../../../i18n/use-t';

/** §6.1 / §6.9 channels, in the order the documents list them. */
export const CHANNELS = ['whatsapp', 'tdlib', 'telegram', 'max', 'notify', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];
export type Cascade = { order: Channel[]; enabled: Channel[] };

export const DEFAULT_CASCADE: Cascade = { order: [...CHANNELS], enabled: [] };
/** The channels to send, in attempt order. */
export const cascadeRouting = (cascade: Cascade): Channel[] => cascade.order.filter((channel) => cascade.enabled.includes(channel));

/**
 * The ordered cascade: tick the channels to use and move them up or down; the platform tries them in that order and
 * moves on when one cannot deliver. Buttons, not drag and drop, so it works from the keyboard and a screen reader.
 */
export function CascadeEditor({ value, onChange, error }: { value: Cascade; onChange: (value: Cascade) => void; error?: string }) {
  const t = useT();
  const name = (channel: Channel) => t(`deliveries.channel.${channel}`);
  const move = (index: number, by: -1 | 1) => {
    const order = [...value.order];
    [order[index], order[index + by]] = [order[index + by]!, order[index]!];
    onChange({ ...value, order });
  };
  const toggle = (channel: Channel, on: boolean) =>
    onChange({ ...value, enabled: on ? [...value.enabled, channel] : value.enabled.filter((item) => item !== channel) });
  const routing = cascadeRouting(value);

  return (
    <fieldset className="fieldset" id="test-dispatchRouting">
      <legend>{t('deliveries.test.cascade')}</legend>
      <p className="field-hint">{t('deliveries.test.cascadeHint')}</p>
      <ol className="cascade">
        {value.order.map((channel, index) => (
          <li key={channel} className="cascade-item">
            <label className="checkbox">
              <input type="checkbox" checked={value.enabled.includes(channel)} onChange={(event) => toggle(channel, event.target.checked)} />
              {name(channel)}
            </label>
            <span className="row-actions">
              <button type="button" className="button button-quiet" disabled={index === 0} aria-label={t('deliveries.test.moveUp', { channel: name(channel) })} onClick={() => move(index, -1)}>
                <span aria-hidden="true">↑</span>
              </button>
              <button
                type="button"
                className="button button-quiet"
                disabled={index === value.order.length - 1}
                aria-label={t('deliveries.test.moveDown', { channel: name(channel) })}
                onClick={() => move(index, 1)}
              >
                <span aria-hidden="true">↓</span>
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p className="field-hint" aria-live="polite">
        {routing.length ? t('deliveries.test.order', { order: routing.map(name).join(' → ') }) : t('deliveries.test.orderDefault')}
      </p>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
