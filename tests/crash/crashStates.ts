import type { PortfolioData } from '../../shared/portfolio/portfolioData.js';
import type { WeeklyLogSections } from '../../shared/portfolio/weeklyLog.js';
import type { PortfolioStore } from '../../shared/store/portfolioStore.js';
import { entryRecord, weeklyLog } from '../fixtures/weeklyLogBuilder.js';

const weeks = 24;
const weekStartOf = (k: number) => new Date(Date.UTC(2019, 0, 7 + 7 * k)).toISOString().slice(0, 10);

/** The text of week k in the crash child's n-th save: big enough that a kill often lands mid-write. */
export function sectionsAt(n: number, k: number): WeeklyLogSections {
  const filler = 'The co-production workshop gave everyone an even platform. '.repeat(40 + (n % 17) * 10);
  return weeklyLog({ weekStart: weekStartOf(k), thisWeek: [`Save ${n}, week ${k}. ${filler}`, { idea: `idea-${k}`, text: `Idea from save ${n}` }] }).sections;
}

/** Saves state n: every week's text and the settings change together, in one save. */
export function saveState(store: PortfolioStore, n: number): Promise<void> {
  const records = Array.from({ length: weeks }, (_, k) => entryRecord({ weekStart: weekStartOf(k) }));
  return store.update(
    (data: PortfolioData) => ({ ...data, settings: { ideaNumberStart: n }, entries: records.map((record, k) => data.entries[k] ?? record) }),
    records.map((record, k) => ({ entryId: record.id, sections: sectionsAt(n, k) })),
  );
}

/** Reads the whole state back through a store and says which n it is, or throws if it is no saved state. */
export async function savedStateNumber(store: PortfolioStore): Promise<number> {
  const data = store.read();
  const n = data.settings.ideaNumberStart;
  if (n === 1 && data.entries.length === 0) return 1;
  if (data.entries.length !== weeks) throw new Error(`state ${n} has ${data.entries.length} weeks`);
  for (const [k, record] of data.entries.entries()) {
    const sections = await store.sections(record.id);
    if (JSON.stringify(sections) !== JSON.stringify(sectionsAt(n, k))) throw new Error(`week ${k} does not hold save ${n}'s text`);
    if (record.summary.ideas[0]?.text !== `Idea from save ${n}`) throw new Error(`week ${k}'s summary does not match save ${n}`);
  }
  return n;
}
