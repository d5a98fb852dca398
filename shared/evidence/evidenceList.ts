import type { CalendarDate } from '../dates/weeks.js';
import { type EvidenceTag, type Framework, type TagKey, tagKey } from '../frameworks/framework.js';
import { byWeek } from '../portfolio/entrySummary.js';
import { type EntryRecord, type WeeklyLogSectionId, type WeeklyLogSections, weeklyLogSectionIds } from '../portfolio/weeklyLog.js';
import { type DateRange, inRange } from './coverage.js';
import { passagesInSections } from './passages.js';

/** One quoted passage, or a whole entry tagged as evidence. */
export type EvidenceItem =
  | {
      kind: 'passage';
      entryId: string;
      weekStart: CalendarDate;
      section: WeeklyLogSectionId;
      tag: EvidenceTag;
      /** Which passage with this tag in this section: what a jump to it names. */
      occurrence: number;
      text: string;
      words: number;
    }
  | { kind: 'whole-entry'; entryId: string; weekStart: CalendarDate; tag: EvidenceTag; words: number };

export interface EvidenceQuery {
  framework: string;
  outcome: string;
  /** Null: the outcome and every one of its criteria. */
  criterion: string | null;
  range: DateRange;
  /** Only this entry (a coverage cell). */
  entryId?: string;
}

type Entry = Pick<EntryRecord, 'id' | 'weekStart' | 'tags' | 'summary'>;

/** The tag keys an evidence query accepts. */
export function queryKeys(framework: Framework, query: EvidenceQuery): Set<TagKey> {
  const outcomeTag = { framework: query.framework, outcome: query.outcome, criterion: query.criterion };
  if (query.criterion !== null) return new Set([tagKey(outcomeTag)]);
  const outcome = framework.outcomes.find((candidate) => candidate.id === query.outcome);
  return new Set([
    tagKey({ ...outcomeTag, criterion: null }),
    ...(outcome?.criteria ?? []).map((criterion) => tagKey({ ...outcomeTag, criterion: criterion.id })),
  ]);
}

/** The entries whose summary says they hold evidence for the query: only their text needs reading. */
export function entriesWithEvidence<T extends Entry>(framework: Framework, entries: readonly T[], query: EvidenceQuery): T[] {
  const keys = queryKeys(framework, query);
  return byWeek(
    entries.filter(
      (entry) =>
        (query.entryId === undefined || entry.id === query.entryId) &&
        inRange(entry.weekStart, query.range) &&
        (entry.summary.evidence.some((count) => keys.has(count.tag)) || entry.tags.some((tag) => keys.has(tagKey(tag)))),
    ),
  );
}

/** An entry's evidence for the query, whole-entry tags first, then passages in section order. */
export function evidenceInEntry(framework: Framework, entry: Entry, sections: Partial<WeeklyLogSections>, query: EvidenceQuery): EvidenceItem[] {
  const keys = queryKeys(framework, query);
  const items: EvidenceItem[] = [];
  for (const tag of entry.tags) {
    if (keys.has(tagKey(tag))) items.push({ kind: 'whole-entry', entryId: entry.id, weekStart: entry.weekStart, tag, words: entry.summary.words });
  }
  const passages = passagesInSections(sections).filter((passage) => keys.has(passage.key));
  passages.sort((a, b) => weeklyLogSectionIds.indexOf(a.section) - weeklyLogSectionIds.indexOf(b.section));
  for (const passage of passages) {
    items.push({ kind: 'passage', entryId: entry.id, weekStart: entry.weekStart, section: passage.section, tag: passage.tag, occurrence: passage.occurrence, text: passage.text, words: passage.words });
  }
  return items;
}
