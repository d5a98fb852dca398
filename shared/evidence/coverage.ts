import type { CalendarDate } from '../dates/weeks.js';
import { type EvidenceTag, type Framework, type TagKey, tagKey } from '../frameworks/framework.js';
import { byDate } from '../portfolio/entrySummary.js';
import type { EntryKind, EntryRecord } from '../portfolio/weeklyLog.js';

export interface DateRange {
  /** First week included; null for no lower limit. */
  from: CalendarDate | null;
  /** Last week included; null for no upper limit. */
  to: CalendarDate | null;
}

export interface CoverageColumn {
  entryId: string;
  kind: EntryKind;
  weekStart: CalendarDate;
  date: CalendarDate;
  /** A reflection's title ('' for a weekly log). */
  title: string;
}

/** How much evidence one entry holds for one row. Cells with nothing are left out. */
export interface CoverageCell {
  /** Index into `columns`. */
  column: number;
  passages: number;
  words: number;
  /** The whole entry is tagged with this row's outcome (or, on an outcome row, one of its criteria). */
  wholeEntry: boolean;
}

export interface CoverageRow {
  tag: EvidenceTag;
  level: 'outcome' | 'criterion';
  code: string;
  title: string;
  archived: boolean;
  cells: CoverageCell[];
  passages: number;
  words: number;
  /** Entries with any evidence for this row. */
  entries: number;
}

export interface Coverage {
  frameworkId: string;
  range: DateRange;
  /** Entries in the range, oldest first. */
  columns: CoverageColumn[];
  /** Outcomes in the framework's order, each followed by its criteria. Archived ones appear only if they hold evidence. */
  rows: CoverageRow[];
}

type Entry = Pick<EntryRecord, 'id' | 'kind' | 'weekStart' | 'date' | 'title' | 'tags' | 'summary'>;

export function inRange(weekStart: CalendarDate, range: DateRange): boolean {
  return (range.from === null || weekStart >= range.from) && (range.to === null || weekStart <= range.to);
}

interface RowSpec {
  tag: EvidenceTag;
  level: 'outcome' | 'criterion';
  code: string;
  title: string;
  archived: boolean;
  /** Tag keys whose passages count towards the row. */
  keys: ReadonlySet<TagKey>;
}

function rowSpecs(framework: Framework): RowSpec[] {
  const specs: RowSpec[] = [];
  for (const outcome of framework.outcomes) {
    const outcomeTag = { framework: framework.id, outcome: outcome.id, criterion: null };
    const criteria = outcome.criteria.map((criterion) => ({ criterion, tag: { framework: framework.id, outcome: outcome.id, criterion: criterion.id } }));
    specs.push({
      tag: outcomeTag,
      level: 'outcome',
      code: outcome.code,
      title: outcome.title,
      archived: framework.archived || outcome.archived,
      keys: new Set([tagKey(outcomeTag), ...criteria.map(({ tag }) => tagKey(tag))]),
    });
    for (const { criterion, tag } of criteria) {
      specs.push({ tag, level: 'criterion', code: criterion.code, title: criterion.text, archived: framework.archived || outcome.archived || criterion.archived, keys: new Set([tagKey(tag)]) });
    }
  }
  return specs;
}

/**
 * Outcomes × entries for one framework: a pure function of the index (each entry's summary holds
 * its tagged-passage counts), so it never reads an entry's text.
 */
export function coverage(framework: Framework, entries: readonly Entry[], range: DateRange): Coverage {
  const inPeriod = byDate(entries.filter((entry) => inRange(entry.weekStart, range)));
  const specs = rowSpecs(framework);
  const rowsByKey = new Map<TagKey, number[]>();
  specs.forEach((spec, index) => {
    for (const key of spec.keys) rowsByKey.set(key, [...(rowsByKey.get(key) ?? []), index]);
  });
  const prefix = `${framework.id}/`;
  const rows: CoverageRow[] = specs.map((spec) => ({ tag: spec.tag, level: spec.level, code: spec.code, title: spec.title, archived: spec.archived, cells: [], passages: 0, words: 0, entries: 0 }));

  inPeriod.forEach((entry, column) => {
    const touched = new Map<number, CoverageCell>();
    const cellOf = (row: number) => {
      let cell = touched.get(row);
      if (!cell) {
        cell = { column, passages: 0, words: 0, wholeEntry: false };
        touched.set(row, cell);
      }
      return cell;
    };
    for (const count of entry.summary.evidence) {
      if (!count.tag.startsWith(prefix)) continue;
      for (const row of rowsByKey.get(count.tag) ?? []) {
        const cell = cellOf(row);
        cell.passages += count.passages;
        cell.words += count.words;
      }
    }
    for (const tag of entry.tags) {
      if (tag.framework !== framework.id) continue;
      for (const row of rowsByKey.get(tagKey(tag)) ?? []) cellOf(row).wholeEntry = true;
    }
    for (const [row, cell] of touched) {
      const target = rows[row] as CoverageRow;
      target.cells.push(cell);
      target.passages += cell.passages;
      target.words += cell.words;
      target.entries += 1;
    }
  });

  return {
    frameworkId: framework.id,
    range,
    columns: inPeriod.map((entry) => ({ entryId: entry.id, kind: entry.kind, weekStart: entry.weekStart, date: entry.date, title: entry.title })),
    rows: rows.filter((row) => !row.archived || row.entries > 0),
  };
}
