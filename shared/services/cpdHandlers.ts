import type { ApiHandlers, CpdLine, CpdSummary } from '../api/contract.js';
import { ok } from '../api/result.js';
import type { CalendarDate } from '../dates/weeks.js';
import { byDate } from '../portfolio/entrySummary.js';
import type { PortfolioData } from '../portfolio/portfolioData.js';
import { cpdActivityTypes } from '../portfolio/weeklyLog.js';
import type { PortfolioHost } from '../store/portfolioStore.js';
import { templateName } from '../templates/templateLibrary.js';
import { portfolioUnavailable } from './unavailable.js';

/** CPD time recorded on entries dated from `from` to `to` (both included; null for no limit), with totals. */
export function cpdSummary(data: PortfolioData, from: CalendarDate | null, to: CalendarDate | null): CpdSummary {
  const lines: CpdLine[] = [];
  const byType = Object.fromEntries([...cpdActivityTypes, 'unspecified'].map((type) => [type, 0])) as CpdSummary['byType'];
  let totalMinutes = 0;
  let participatoryMinutes = 0;
  for (const entry of byDate(data.entries)) {
    const { cpd } = entry;
    if (!cpd || (from !== null && entry.date < from) || (to !== null && entry.date > to)) continue;
    lines.push({
      entryId: entry.id,
      kind: entry.kind,
      date: entry.date,
      weekStart: entry.weekStart,
      title: entry.title,
      templateName: templateName(data.templates, entry.template),
      minutes: cpd.minutes,
      participatory: cpd.participatory,
      activityType: cpd.activityType,
    });
    totalMinutes += cpd.minutes;
    if (cpd.participatory) participatoryMinutes += cpd.minutes;
    byType[cpd.activityType ?? 'unspecified'] += cpd.minutes;
  }
  return { from, to, lines, totalMinutes, participatoryMinutes, byType };
}

export function createCpdHandlers(host: PortfolioHost): Pick<ApiHandlers, 'cpd.summary'> {
  return {
    'cpd.summary': async ({ from, to }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      return ok(cpdSummary(store.read(), from, to));
    },
  };
}
