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
