import type { Coverage, CoverageCell, CoverageRow } from '../../../shared/evidence/coverage.js';

/** Each row's cells by column, for looking a cell up while drawing only the visible columns. */
export function cellIndex(coverage: Coverage): Map<number, CoverageCell>[] {
  return coverage.rows.map((row) => new Map(row.cells.map((cell) => [cell.column, cell] as const)));
}

/** How strongly a cell is shaded: 0 (nothing) to 3 (four passages or more). */
export function cellLevel(cell: CoverageCell | undefined): 0 | 1 | 2 | 3 {
  if (!cell) return 0;
  const weight = cell.passages + (cell.wholeEntry ? 1 : 0);
  if (weight >= 4) return 3;
  if (weight >= 2) return 2;
  return weight >= 1 ? 1 : 0;
}

export function plural(count: number, one: string, many: string = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** "2 passages, 154 words; whole week tagged" or "no evidence". */
export function describeCell(cell: CoverageCell | undefined): string {
  if (!cell || (cell.passages === 0 && !cell.wholeEntry)) return 'no evidence';
  const parts: string[] = [];
  if (cell.passages > 0) parts.push(`${plural(cell.passages, 'passage')}, ${plural(cell.words, 'word')}`);
  if (cell.wholeEntry) parts.push('whole week tagged');
  return parts.join('; ');
}

/** Rows with no evidence at all in the range, to name above the matrix. */
export function rowsWithoutEvidence(coverage: Coverage): CoverageRow[] {
  return coverage.rows.filter((row) => row.entries === 0 && !row.archived);
}

const monthsShort = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthsLong = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface WeekLabel {
  /** "23 Nov" */
  dayMonth: string;
  /** "2026" */
  year: string;
  /** "week commencing Monday 23 November 2026" */
  sentence: string;
}

/**
 * A column's labels straight from its YYYY-MM-DD Monday: the matrix draws hundreds of these on
 * every scroll step, so no date library is called (the same words as shared/dates/weeks.ts).
 */
export function weekLabel(weekStart: string): WeekLabel {
  const year = weekStart.slice(0, 4);
  const month = Number(weekStart.slice(5, 7)) - 1;
  const day = Number(weekStart.slice(8, 10));
  return { dayMonth: `${day} ${monthsShort[month] ?? ''}`, year, sentence: `week commencing Monday ${day} ${monthsLong[month] ?? ''} ${year}` };
}

/** What a coverage column or a piece of evidence comes from. */
export interface EntryColumn {
  kind: 'weekly-log' | 'reflection';
  weekStart: string;
  date: string;
  title: string;
}

/** "10 Oct 2019" for a reflection's date. */
export function shortDate(date: string): string {
  return `${Number(date.slice(8, 10))} ${monthsShort[Number(date.slice(5, 7)) - 1] ?? ''} ${date.slice(0, 4)}`;
}

/** A weekly log's column is labelled by its week; a reflection's by its date, and its title is in the sentence. */
export function entryLabel(column: EntryColumn): WeekLabel & { reflection: boolean } {
  if (column.kind === 'weekly-log') return { ...weekLabel(column.weekStart), reflection: false };
  const year = column.date.slice(0, 4);
  const month = Number(column.date.slice(5, 7)) - 1;
  const day = Number(column.date.slice(8, 10));
  return {
    dayMonth: `${day} ${monthsShort[month] ?? ''}`,
    year,
    sentence: `reflection “${column.title || 'Untitled reflection'}” of ${day} ${monthsLong[month] ?? ''} ${year}`,
    reflection: true,
  };
}
