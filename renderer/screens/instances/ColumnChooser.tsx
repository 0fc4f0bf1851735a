import { FLEET_COLUMNS, type FleetColumn } from '../../../shared/fleet';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/use-t';
import { columnTitle } from './columns';
import { useFleetStore } from './fleet-store';

/** Which columns show and in what order: shown ones first (movable), hidden ones after. Saved in main as it changes. */
export function ColumnChooser({ onClose }: { onClose: () => void }) {
  const t = useT();
  const view = useFleetStore((state) => state.view);
  const saveView = useFleetStore((state) => state.saveView);
  const shown = view.columns;
  const hidden = FLEET_COLUMNS.filter((column) => !shown.includes(column));

  const toggle = (column: FleetColumn, on: boolean) => {
    const columns = on ? [...shown, column] : shown.filter((c) => c !== column);
    // At least one column stays: a table of nothing but checkboxes helps nobody.
    if (columns.length > 0) saveView({ columns });
  };
  const move = (index: number, by: -1 | 1) => {
    const columns = [...shown];
    [columns[index], columns[index + by]] = [columns[index + by]!, columns[index]!];
    saveView({ columns });
  };

  return (
    <Dialog title={t('instances.columnsTitle')} description={t('instances.columnsHint')} onClose={onClose}>
      <ul className="column-list">
        {[...shown, ...hidden].map((column) => {
          const index = shown.indexOf(column);
          const title = columnTitle(column, t);
          return (
            <li key={column} className="column-list-item">
              <label className="checkbox">
                <input type="checkbox" checked={index !== -1} onChange={(event) => toggle(column, event.target.checked)} disabled={index !== -1 && shown.length === 1} />
                {title}
              </label>
              {index !== -1 && (
                <span className="column-moves">
                  <button type="button" className="icon-button" aria-label={t('instances.moveUp', { column: title })} disabled={index === 0} onClick={() => move(index, -1)}>
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('instances.moveDown', { column: title })}
                    disabled={index === shown.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={onClose}>
          {t('instances.done')}
        </button>
        <button type="button" className="button" onClick={() => saveView({ widths: {} })} disabled={Object.keys(view.widths).length === 0}>
          {t('instances.resetWidths')}
        </button>
      </div>
    </Dialog>
  );
}
