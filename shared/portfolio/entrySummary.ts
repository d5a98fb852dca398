import { countWords, plainText, walkNodes } from '../document/editorJson.js';
import { countEvidence, passagesInSections } from '../evidence/passages.js';
import { type EntrySummary, type WeeklyLogSections, ideaNodeType, planNodeType, weeklyLogSectionIds } from './weeklyLog.js';

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}

/** The ideas, plans and word count of an entry's text, in document order. */
export function summariseSections(sections: WeeklyLogSections): EntrySummary {
  const summary: EntrySummary = { ideas: [], plans: [], words: 0, evidence: countEvidence(passagesInSections(sections)) };
  for (const sectionId of weeklyLogSectionIds) {
    const doc = sections[sectionId];
    summary.words += countWords(plainText(doc));
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

export function byWeek<T extends { weekStart: string }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => (a.weekStart < b.weekStart ? -1 : a.weekStart > b.weekStart ? 1 : 0));
}
