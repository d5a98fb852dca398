import { countWords, plainText, walkNodes } from '../document/editorJson.js';
import { countEvidence, passagesInSections } from '../evidence/passages.js';
import { type EntryKind, type EntrySections, type EntrySummary, ideaNodeType, planNodeType } from './weeklyLog.js';

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}

/**
 * The word count and tagged evidence of an entry's text and, for a weekly log, its ideas and plans
 * in document order (ideas are numbered and plans reviewed week by week, so only weekly logs have them).
 */
export function summariseSections(sections: Readonly<EntrySections>, kind: EntryKind): EntrySummary {
  const summary: EntrySummary = { ideas: [], plans: [], words: 0, evidence: countEvidence(passagesInSections(sections)) };
  for (const [sectionId, doc] of Object.entries(sections)) {
    summary.words += countWords(plainText(doc));
    if (kind !== 'weekly-log') continue;
    walkNodes(doc, (node) => {
      const id = node.attrs?.['id'];
      if (typeof id !== 'string' || id === '') return;
      if (node.type === ideaNodeType) summary.ideas.push({ id, text: firstLine(plainText(node)) });
      else if (node.type === planNodeType && sectionId === 'nextWeekPlans') {
        const text = plainText(node);
        if (text !== '') summary.plans.push({ id, text });
      }
    });
  }
  return summary;
}

/** Entries in date order; a weekly log comes before reflections dated on its Monday. */
export function byDate<T extends { date: string; kind: string }>(entries: readonly T[]): T[] {
  const rank = (entry: T) => (entry.kind === 'weekly-log' ? 0 : 1);
  return [...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : rank(a) - rank(b)));
}

/** Only the weekly logs: ideas, plans and their reviews belong to them. */
export function weeklyLogsOnly<T extends { kind: string }>(entries: readonly T[]): T[] {
  return entries.filter((entry) => entry.kind === 'weekly-log');
}

export function byWeek<T extends { weekStart: string }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => (a.weekStart < b.weekStart ? -1 : a.weekStart > b.weekStart ? 1 : 0));
}
