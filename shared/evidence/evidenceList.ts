import type { CalendarDate } from '../dates/weeks.js';
import { type EvidenceTag, type Framework, type TagKey, tagKey } from '../frameworks/framework.js';
import { byDate } from '../portfolio/entrySummary.js';
import type { EntryKind, EntryRecord, EntrySections } from '../portfolio/weeklyLog.js';
import { type DateRange, inRange } from './coverage.js';
import { passagesInSections } from './passages.js';

/** Which entry a piece of evidence is in, as the list names it. */
export interface EvidenceSource {
  entryId: string;
  entryKind: EntryKind;
  weekStart: CalendarDate;
  date: CalendarDate;
  /** A reflection's title ('' for a weekly log). */
  title: string;
}

/** One quoted passage, or a whole entry tagged as evidence. */
export type EvidenceItem =
  | (EvidenceSource & {
      kind: 'passage';
      /** The template section holding it. */
      section: string;
      /** That section's title in the entry's template. */
      sectionTitle: string;
      tag: EvidenceTag;
      /** Which passage with this tag in this section: what a jump to it names. */
      occurrence: number;
      text: string;
      words: number;
    })
  | (EvidenceSource & { kind: 'whole-entry'; tag: EvidenceTag; words: number });

export interface EvidenceQuery {
  framework: string;
  outcome: string;
  /** Null: the outcome and every one of its criteria. */
  criterion: string | null;
  range: DateRange;
  /** Only this entry (a coverage cell). */
  entryId?: string;
}

type Entry = Pick<EntryRecord, 'id' | 'kind' | 'weekStart' | 'date' | 'title' | 'tags' | 'summary'>;

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
  return byDate(
    entries.filter(
      (entry) =>
        (query.entryId === undefined || entry.id === query.entryId) &&
        inRange(entry.weekStart, query.range) &&
        (entry.summary.evidence.some((count) => keys.has(count.tag)) || entry.tags.some((tag) => keys.has(tagKey(tag)))),
    ),
  );
}

/** An entry's evidence for the query, whole-entry tags first, then passages in section order. */
export function evidenceInEntry(
  framework: Framework,
  entry: Entry,
  sections: Readonly<EntrySections>,
  query: EvidenceQuery,
  sectionTitle: (sectionId: string) => string = (sectionId) => sectionId,
): EvidenceItem[] {
  const keys = queryKeys(framework, query);
  const source: EvidenceSource = { entryId: entry.id, entryKind: entry.kind, weekStart: entry.weekStart, date: entry.date, title: entry.title };
  const items: EvidenceItem[] = [];
  for (const tag of entry.tags) {
    if (keys.has(tagKey(tag))) items.push({ ...source, kind: 'whole-entry', tag, words: entry.summary.words });
  }
  // Sections are stored in their template's order, so passages come out in reading order.
  for (const passage of passagesInSections(sections)) {
    if (!keys.has(passage.key)) continue;
    items.push({ ...source, kind: 'passage', section: passage.section, sectionTitle: sectionTitle(passage.section), tag: passage.tag, occurrence: passage.occurrence, text: passage.text, words: passage.words });
  }
  return items;
}
