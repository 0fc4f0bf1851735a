import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { FleetColumn } from '../../../shared/fleet';
import { useT } from '../../i18n/use-t';
import { columnTitle } from './columns';
import { useFleetStore } from './fleet-store';

const MIN_WIDTH = 60;
const MAX_WIDTH = 800;
const clamp = (width: number) => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(width)));

/**
 * A column header: a button that sorts (ascending, descending, off) and an edge that resizes — by dragging, or
 * with the arrow keys once focused (Shift for bigger steps). The width is remembered in main.
 */
export function ColumnHeader({ column, width }: { column: FleetColumn; width: number }) {
  const t = useT();
  const sort = useFleetStore((state) => state.sort);
  const toggleSort = useFleetStore((state) => state.toggleSort);
  const saveView = useFleetStore((state) => state.saveView);
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);
  const title = columnTitle(column, t);
  const direction = sort?.column === column ? sort.direction : null;

  const setWidth = (next: number) => saveView({ widths: { ...useFleetStore.getState().view.widths, [column]: clamp(next) } });
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startWidth: width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current) setWidth(drag.current.startWidth + event.clientX - drag.current.startX);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 40 : 10;
    if (event.key === 'ArrowLeft') setWidth(width - step);
    else if (event.key === 'ArrowRight') setWidth(width + step);
    else return;
    event.preventDefault();
  };

  return (
    <div
      role="columnheader"
      className="fleet-cell fleet-header"
      aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined}
    >
      <button type="button" className="sort-button" onClick={() => toggleSort(column)} title={t('instances.sortBy', { column: title })}>
        {title}
        <span aria-hidden="true" className="sort-mark">
          {direction === 'asc' ? ' ▲' : direction === 'desc' ? ' ▼' : ''}
        </span>
      </button>
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label={t('instances.resizeColumn', { column: title })}
        aria-valuenow={width}
        aria-valuemin={MIN_WIDTH}
        aria-valuemax={MAX_WIDTH}
        tabIndex={0}
        className="column-resizer"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (drag.current = null)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
