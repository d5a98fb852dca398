import type { PortfolioData } from '../../shared/portfolio/portfolioData.js';
import { weeklyLog } from '../fixtures/weeklyLogBuilder.js';

/** The state the crash child saves as its n-th save: big enough that a kill often lands mid-write. */
export function stateNumber(base: PortfolioData, n: number): PortfolioData {
  const filler = 'The co-production workshop gave everyone an even platform. '.repeat(40 + (n % 17) * 10);
  const entries = Array.from({ length: 24 }, (_, k) => {
    const monday = new Date(Date.UTC(2019, 0, 7 + 7 * k));
    return weeklyLog({ weekStart: monday.toISOString().slice(0, 10), thisWeek: [`Save ${n}, week ${k}. ${filler}`, { idea: `idea-${k}`, text: `Idea from save ${n}` }] });
  });
  return { ...base, settings: { ideaNumberStart: n }, entries };
}
