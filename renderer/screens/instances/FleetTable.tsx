import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { FleetColumn, InstanceRow } from '../../../shared/fleet';
import { useT } from '../../i18n/use-t';
import { cellContent, DEFAULT_WIDTHS, SELECT_COLUMN_WIDTH, type CellFormat } from './columns';
import { ColumnHeader } from './ColumnHeader';
import { rowAt, useFleetStore } from './fleet-store';
import { useDayFormat } from './day-format';
import { useMoneyFormat } from './money-format';

/** Fixed row height: what makes the window arithmetic exact. */
export const ROW_HEIGHT = 36;
/** Rows rendered beyond each edge of the viewport, so a fast wheel does not show blanks. */
const OVERSCAN = 8;
/**
 * Rows are keyed by their slot in a ring larger than any window, not by their index: a row scrolled out hands its
 * DOM nodes to the row scrolled in (React updates text instead of building elements), which keeps each frame short.
 */
const SLOTS = 256;

/**
 * The fleet as a virtualized ARIA table: only the rows in view (plus a margin) exist in the DOM, positioned inside
 * a spacer as tall as all of them; rows come a page at a time from main. aria-rowcount and aria-rowindex tell
 * screen readers where they are in the whole list.
 */
export function FleetTable() {
  const t = useT();
  const money = useMoneyFormat();
  const day = useDayFormat();
  const total = useFleetStore((state) => state.total);
  const pages = useFleetStore((state) => state.pages);
  const revision = useFleetStore((state) => state.revision);
  const view = useFleetStore((state) => state.view);
  const selection = useFleetStore((state) => state.selection);
  const ensureRows = useFleetStore((state) => state.ensureRows);
  const toggleRow = useFleetStore((state) => state.toggleRow);
  const selectAllMatching = useFleetStore((state) => state.selectAllMatching);
  const clearSelection = useFleetStore((state) => state.clearSelection);

  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A new query starts at the top.
  const filter = useFleetStore((state) => state.filter);
  const sort = useFleetStore((state) => state.sort);
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [filter, sort]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total - 1, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  useEffect(() => {
    if (total > 0) ensureRows(first, last);
  }, [first, last, total, revision, pages, ensureRows]);

  const columns = view.columns;
  const widths = columns.map((column) => view.widths[column] ?? DEFAULT_WIDTHS[column]);
  const template = `${SELECT_COLUMN_WIDTH}px ${widths.map((w) => `${w}px`).join(' ')}`;
  const fullWidth = SELECT_COLUMN_WIDTH + widths.reduce((a, b) => a + b, 0);
  const format = useMemo<CellFormat>(() => ({ t, money, day }), [t, money, day]);

  // Scroll events arrive faster than frames; one state update per frame is all the eye can see.
  const frame = useRef<number | null>(null);
  const onScroll = () => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      if (scroller.current) setScrollTop(scroller.current.scrollTop);
    });
  };

  const allSelected = total > 0 && selection.size >= total;
  const indices = [];
  for (let index = first; index <= last; index++) indices.push(index);

  return (
    <div
      className="fleet-table"
      role="table"
      aria-label={t('instances.tableLabel')}
      aria-rowcount={total + 1}
      aria-colcount={columns.length + 1}
      style={{ '--fleet-columns': template } as CSSProperties}
    >
      <div ref={scroller} className="fleet-scroll" onScroll={onScroll} data-testid="fleet-scroll">
        <div role="rowgroup" className="fleet-head" style={{ width: fullWidth }}>
          <div role="row" aria-rowindex={1} className="fleet-row">
            <div role="columnheader" className="fleet-cell fleet-check">
              <input
                type="checkbox"
                aria-label={t('instances.selectAllMatching')}
                checked={allSelected}
                ref={(input) => {
                  if (input) input.indeterminate = selection.size > 0 && !allSelected;
                }}
                onChange={() => (allSelected ? clearSelection() : void selectAllMatching())}
                disabled={total === 0}
              />
            </div>
            {columns.map((column, index) => (
              <ColumnHeader key={column} column={column} width={widths[index]!} />
            ))}
          </div>
        </div>
        <div role="rowgroup" className="fleet-body" style={{ height: total * ROW_HEIGHT, width: fullWidth }}>
          {indices.map((index) => {
            const row = rowAt(pages, index);
            return (
              <FleetRow
                key={index % SLOTS}
                index={index}
                row={row}
                columns={columns}
                selected={row ? selection.has(row.key) : false}
                onToggle={toggleRow}
                format={format}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

type FleetRowProps = {
  index: number;
  row: InstanceRow | undefined;
  columns: readonly FleetColumn[];
  selected: boolean;
  onToggle: (key: string) => void;
  format: CellFormat;
};

/** One row, placed absolutely at its index; a row whose page is still on its way shows a placeholder. */
const FleetRow = memo(function FleetRow({ index, row, columns, selected, onToggle, format }: FleetRowProps) {
  const style = { transform: `translateY(${index * ROW_HEIGHT}px)` };
  if (!row) {
    // The same cells as a loaded row, so the row that replaces it only fills them in.
    return (
      <div role="row" aria-rowindex={index + 2} className="fleet-row fleet-row-loading" style={style}>
        <div role="cell" className="fleet-cell fleet-check" />
        {columns.map((column, i) => (
          <div role="cell" key={column} className={`fleet-cell fleet-cell-${column} muted`}>
            {i === 0 ? format.t('instances.loadingRow') : null}
          </div>
        ))}
      </div>
    );
  }
  return (
    <div role="row" aria-rowindex={index + 2} className={`fleet-row${selected ? ' fleet-row-selected' : ''}`} style={style}>
      <div role="cell" className="fleet-cell fleet-check">
        <input type="checkbox" checked={selected} onChange={() => onToggle(row.key)} aria-label={format.t('instances.selectRow', { id: row.instanceId })} />
      </div>
      {columns.map((column) => (
        <div role="cell" key={column} className={`fleet-cell fleet-cell-${column}`}>
          {cellContent(column, row, format)}
        </div>
      ))}
    </div>
  );
});
