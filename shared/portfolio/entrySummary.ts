import { countWords, plainText, walkNodes } from '../document/editorJson.js';
import { type WeeklyLog, ideaNodeType, planNodeType, weeklyLogSectionIds } from './weeklyLog.js';

export interface ItemInEntry {
  id: string;
  /** The item's words; an idea's first line. */
  text: string;
}

/** Facts derived from one entry's text; recomputed whenever the entry changes, never stored. */
export interface EntrySummary {
  ideas: ItemInEntry[];
  plans: ItemInEntry[];
  words: number;
}

const cache = new WeakMap<WeeklyLog, EntrySummary>();

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}

export function summariseEntry(entry: WeeklyLog): EntrySummary {
  const cached = cache.get(entry);
  if (cached) return cached;
  const ideas: ItemInEntry[] = [];
  const plans: ItemInEntry[] = [];
  let words = 0;
  for (const sectionId of weeklyLogSectionIds) {
    const doc = entry.sections[sectionId];
    words += countWords(plainText(doc));
    walkNodes(doc, (node) => {
      const id = node.attrs?.['id'];
      if (typeof id !== 'string' || id === '') return;
      if (node.type === ideaNodeType) ideas.push({ id, text: firstLine(plainText(node)) });
      else if (node.type === planNodeType && sectionId === 'nextWeekPlans') {
        const text = plainText(node);
        if (text !== '') plans.push({ id, text });
      }
    });
  }
  const summary = { ideas, plans, words };
  cache.set(entry, summary);
  return summary;
}

export function byWeek(entries: readonly WeeklyLog[]): WeeklyLog[] {
  return [...entries].sort((a, b) => (a.weekStart < b.weekStart ? -1 : a.weekStart > b.weekStart ? 1 : 0));
}
