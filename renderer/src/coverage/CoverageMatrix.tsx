import { type KeyboardEvent, type UIEvent, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Coverage, CoverageRow } from '../../../shared/evidence/coverage.js';
import { type Framework, tagKey } from '../../../shared/frameworks/framework.js';
import { routeHash } from '../routing/route.js';
import { formatUkDate } from '../../../shared/dates/weeks.js';
import { cellIndex, cellLevel, describeCell, entryLabel, plural } from './coverageCells.js';

import type { OpenCell } from './CellEvidence.js';

interface CoverageMatrixProps {
  framework: Framework;
  coverage: Coverage;
  openCell: OpenCell | null;
  onOpenCell(cell: OpenCell): void;
  /** Where a row's heading links to; the portfolio's evidence page for it when not given. */
  rowHref?: (row: CoverageRow) => string;
  /** Sign-offs to mark on the rows, by the row's tag key. */
  signOffs?: ReadonlyMap<string, readonly SignOffMark[]>;
}

/** Set when a matrix has been put on the page (before the browser paints it). */
export const coverageDrawnMark = 'reflective-portfolio:coverage-drawn';
/** Set once the browser has painted a new matrix. */
export const coveragePaintedMark = 'reflective-portfolio:coverage-painted';

/** Width of one week's column in CSS pixels (kept in step with .coverage-grid in evidence.css). */
export const columnWidth = 56;
const overscan = 3;

/** Columns are drawn in blocks of this many, so scrolling redraws once a block, not once a frame. */
const block = 8;

/** "3 passages", "1 whole week", or both on two lines. */
function Total({ row }: { row: CoverageRow }) {
  const wholeWeeks = row.cells.filter((cell) => cell.wholeEntry).length;
  return (
    <>
      {row.passages > 0 ? <span className="coverage-grid__count">{plural(row.passages, 'passage')}</span> : null}
      {wholeWeeks > 0 ? <span className="coverage-grid__count">{plural(wholeWeeks, 'whole week')}</span> : null}
    </>
  );
}

/** A mentor's sign-off of a row, as the matrix marks it. */
export interface SignOffMark {
  name: string;
  /** The date signed (YYYY-MM-DD). */
  date: string;
}

/** "✓ Signed off by Ann Smith, 7 October 2019" under a row's name, one line per sign-off. */
function SignOffMarks({ marks }: { marks: readonly SignOffMark[] }) {
  return (
    <>
      {marks.map((mark, index) => {
        const words = `Signed off by ${mark.name}, ${formatUkDate(mark.date)}`;
        return (
          <span key={`${mark.name}-${mark.date}-${index}`} className="signoff-mark" title={words} data-testid="signoff-mark">
            <span className="signoff-mark__tick" aria-hidden="true">
              ✓
            </span>{' '}
            {words}
          </span>
        );
      })}
    </>
  );
}

/** "LO3" for an outcome row; "LO3 P5" for a criterion row. */
export function rowCode(framework: Framework, row: CoverageRow): string {
  if (row.level === 'outcome') return row.code;
  const outcome = framework.outcomes.find((candidate) => candidate.id === row.tag.outcome);
  return `${outcome?.code ?? ''} ${row.code}`.trim();
}

/**
 * The matrix as a grid: one tab stop, arrow keys move between cells (Home/End, Ctrl+Home/End,
 * Page Up/Down jump), Enter or Space opens a cell's passages. Only the columns in view (and a few
 * either side) are drawn, so thousands of weeks scroll smoothly.
 */
export function CoverageMatrix({ framework, coverage, openCell, onOpenCell, rowHref, signOffs }: CoverageMatrixProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // Starts scrolled to the latest weeks (where a writer is working now), so the first drawing is the one shown.
  const [view, setView] = useState(() => ({ left: Math.max(0, coverage.columns.length * columnWidth - 900), width: 900 }));
  const [focus, setFocus] = useState<OpenCell>({ row: 0, column: Math.max(0, coverage.columns.length - 1) });
  const wantFocus = useRef(false);
  const cells = useMemo(() => cellIndex(coverage), [coverage]);
  const columnCount = coverage.columns.length;
  const rowCount = coverage.rows.length;

  const first = Math.max(0, Math.floor((view.left / columnWidth - overscan) / block) * block);
  const last = Math.min(columnCount, Math.ceil(((view.left + view.width) / columnWidth + overscan) / block) * block);
  const labels = useMemo(() => coverage.columns.map(entryLabel), [coverage]);
  const focusColumn = Math.min(focus.column, columnCount - 1);
  // The columns in view, and always the focused cell's column, so scrolling never drops keyboard focus.
  const slots = useMemo(() => {
    const drawn = Array.from({ length: Math.max(0, last - first) }, (_, index) => first + index);
    if (focusColumn >= 0 && (focusColumn < first || focusColumn >= last)) drawn.push(focusColumn);
    drawn.sort((a, b) => a - b);
    const result: Array<{ kind: 'column'; column: number } | { kind: 'gap'; from: number; width: number }> = [];
    let next = 0;
    for (const column of drawn) {
      if (column > next) result.push({ kind: 'gap', from: next, width: (column - next) * columnWidth });
      result.push({ kind: 'column', column });
      next = column + 1;
    }
    if (columnCount > next) result.push({ kind: 'gap', from: next, width: (columnCount - next) * columnWidth });
    return result;
  }, [first, last, focusColumn, columnCount]);

  const measure = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    // The sticky row-header and total columns cover the start of the scrolled area.
    const sticky = element.querySelector<HTMLElement>('.coverage-grid__total')?.getBoundingClientRect().right ?? 0;
    const start = element.getBoundingClientRect().left;
    const stickyWidth = Math.max(0, sticky - start);
    setView((previous) => {
      const next = { left: element.scrollLeft, width: Math.max(0, element.clientWidth - stickyWidth) };
      return previous.left === next.left && previous.width === next.width ? previous : next;
    });
  }, []);

  // Open at the latest weeks, where a writer is working now.
  useLayoutEffect(() => {
    performance.mark(coverageDrawnMark);
    // A task queued from the next animation frame runs once that frame has been painted.
    requestAnimationFrame(() => setTimeout(() => performance.mark(coveragePaintedMark), 0));
    const element = scroller.current;
    if (element) element.scrollLeft = element.scrollWidth;
    setFocus({ row: 0, column: Math.max(0, coverage.columns.length - 1) });
    measure();
  }, [coverage, measure]);

  useEffect(() => {
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [measure]);

  const frame = useRef(0);
  const onScroll = (_event: UIEvent<HTMLDivElement>) => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(measure);
  };

  /** Scrolls so the focused column is visible, then moves keyboard focus onto its cell once drawn. */
  const moveFocus = (next: OpenCell) => {
    const element = scroller.current;
    if (element) {
      const visibleFrom = element.scrollLeft;
      const visibleTo = visibleFrom + view.width - columnWidth;
      const position = next.column * columnWidth;
      if (position < visibleFrom) element.scrollLeft = position;
      else if (position > visibleTo) element.scrollLeft = position - view.width + columnWidth;
      measure();
    }
    wantFocus.current = true;
    setFocus(next);
  };

  useEffect(() => {
    if (!wantFocus.current) return;
    const cell = scroller.current?.querySelector<HTMLElement>(`[data-cell="${focus.row}:${focus.column}"]`);
    if (cell) {
      wantFocus.current = false;
      cell.focus({ preventScroll: true });
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const at = event.target instanceof HTMLElement ? /^(\d+):(\d+)$/.exec(event.target.dataset['cell'] ?? '') : null;
    if (!at) return;
    const pageColumns = Math.max(1, Math.floor(view.width / columnWidth) - 1);
    let row = Number(at[1]);
    let column = Number(at[2]);
    const here = { row, column };
    switch (event.key) {
      case 'ArrowRight':
        column += 1;
        break;
      case 'ArrowLeft':
        column -= 1;
        break;
      case 'ArrowDown':
        row += 1;
        break;
      case 'ArrowUp':
        row -= 1;
        break;
      case 'PageDown':
        column += pageColumns;
        break;
      case 'PageUp':
        column -= pageColumns;
        break;
      case 'Home':
        column = 0;
        if (event.ctrlKey) row = 0;
        break;
      case 'End':
        column = columnCount - 1;
        if (event.ctrlKey) row = rowCount - 1;
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        onOpenCell(here);
        return;
      default:
        return;
    }
    event.preventDefault();
    moveFocus({ row: Math.min(rowCount - 1, Math.max(0, row)), column: Math.min(columnCount - 1, Math.max(0, column)) });
  };

  if (columnCount === 0 || rowCount === 0) {
    return rowCount === 0 ? <p className="muted">This framework has no outcomes yet.</p> : null;
  }


  return (
    <div className="coverage-scroller" ref={scroller} onScroll={onScroll} data-testid="coverage-matrix">
      <table
        role="grid"
        className="coverage-grid"
        aria-rowcount={rowCount + 1}
        aria-colcount={columnCount + 2}
        aria-label={`Coverage of ${framework.title}: outcomes by week`}
        aria-describedby="coverage-grid-help"
        onKeyDown={onKeyDown}
        onClick={(event) => {
          // One handler for every cell: the cell says where it is.
          const at = event.target instanceof HTMLElement ? /^(\d+):(\d+)$/.exec(event.target.closest<HTMLElement>('[data-cell]')?.dataset['cell'] ?? '') : null;
          if (!at) return;
          const cell = { row: Number(at[1]), column: Number(at[2]) };
          setFocus(cell);
          onOpenCell(cell);
        }}
        style={{ width: `calc(var(--coverage-head) + var(--coverage-total) + ${columnCount * columnWidth}px)` }}
      >
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="coverage-grid__head" aria-colindex={1}>
              Outcome
            </th>
            <th scope="col" className="coverage-grid__total" aria-colindex={2}>
              All entries
            </th>
            {slots.map((slot) => {
              if (slot.kind === 'gap') return <td key={`gap-${slot.from}`} className="coverage-grid__spacer" style={{ width: slot.width }} aria-hidden="true" />;
              const { column } = slot;
              const label = labels[column];
              return (
                <th
                  key={column}
                  scope="col"
                  className={`coverage-grid__week${label?.reflection ? ' coverage-grid__week--reflection' : ''}`}
                  aria-colindex={column + 3}
                  aria-label={label?.sentence}
                  title={label?.reflection ? label.sentence : undefined}
                >
                  <span>{label?.dayMonth}</span>
                  <span className="coverage-grid__year">{label?.year}</span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {coverage.rows.map((row, rowIndex) => {
            const code = rowCode(framework, row);
            const empty = row.entries === 0;
            return (
              <tr
                key={`${row.tag.outcome}/${row.tag.criterion ?? ''}`}
                aria-rowindex={rowIndex + 2}
                className={`coverage-grid__row coverage-grid__row--${row.level}${empty ? ' coverage-grid__row--empty' : ''}${row.archived ? ' coverage-grid__row--archived' : ''}`}
              >
                <th scope="row" className="coverage-grid__head" aria-colindex={1}>
                  <a href={rowHref ? rowHref(row) : routeHash({ view: 'evidence', frameworkId: framework.id, outcomeId: row.tag.outcome, criterionId: row.tag.criterion })} title={row.title}>
                    <span className="coverage-grid__code">{code}</span> <span className="coverage-grid__title">{row.title}</span>
                  </a>
                  {row.archived ? <span className="muted"> (archived)</span> : null}
                  {signOffs?.get(tagKey(row.tag)) ? <SignOffMarks marks={signOffs.get(tagKey(row.tag)) ?? []} /> : null}
                </th>
                <td className="coverage-grid__total" aria-colindex={2}>
                  {empty ? <span className="badge badge--warning">No evidence</span> : <Total row={row} />}
                </td>
                {slots.map((slot) => {
                  if (slot.kind === 'gap') return <td key={`gap-${slot.from}`} className="coverage-grid__spacer" aria-hidden="true" />;
                  const { column } = slot;
                  const cell = cells[rowIndex]?.get(column);
                  const level = cellLevel(cell);
                  const isFocus = focus.row === rowIndex && focusColumn === column;
                  const isOpen = openCell?.row === rowIndex && openCell.column === column;
                  return (
                    <td
                      key={column}
                      role="gridcell"
                      aria-colindex={column + 3}
                      tabIndex={isFocus ? 0 : -1}
                      data-cell={`${rowIndex}:${column}`}
                      className={`coverage-cell coverage-cell--${level}${isOpen ? ' coverage-cell--open' : ''}`}
                      aria-label={`${code}, ${labels[column]?.sentence ?? ''}: ${describeCell(cell)}`}
                      aria-selected={isOpen ? true : undefined}
                    >
                      {cell ? (
                        <span aria-hidden="true">
                          {cell.passages > 0 ? cell.passages : ''}
                          {cell.wholeEntry ? <span className="coverage-cell__whole">W</span> : null}
                        </span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p id="coverage-grid-help" className="visually-hidden">
        Use the arrow keys to move between weeks and outcomes, and Enter to list the passages in a cell.
      </p>
    </div>
  );
}
