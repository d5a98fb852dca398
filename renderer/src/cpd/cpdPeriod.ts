import { addDays, format, parseISO, subYears } from 'date-fns';
import { type CalendarDate, formatUkDate } from '../../../shared/dates/weeks.js';

/** The dates CPD is totalled between, both included; null for no limit. */
export interface CpdPeriod {
  from: CalendarDate | null;
  to: CalendarDate | null;
}

export type QuickPeriod = 'last-12-months' | 'last-3-years' | 'all-time';

export const quickPeriodLabels: Record<QuickPeriod, string> = {
  'last-12-months': 'Last 12 months',
  'last-3-years': 'Last 3 years (NMC revalidation)',
  'all-time': 'All time',
};

export const quickPeriods = Object.keys(quickPeriodLabels) as QuickPeriod[];

/** The years ending today: from the day after the same date that many years ago, to today. */
function yearsEndingOn(today: CalendarDate, years: number): CpdPeriod {
  return { from: format(addDays(subYears(parseISO(today), years), 1), 'yyyy-MM-dd'), to: today };
}

export function quickPeriod(choice: QuickPeriod, today: CalendarDate): CpdPeriod {
  switch (choice) {
    case 'last-12-months':
      return yearsEndingOn(today, 1);
    case 'last-3-years':
      return yearsEndingOn(today, 3);
    case 'all-time':
      return { from: null, to: null };
  }
}

export function sameCpdPeriod(a: CpdPeriod, b: CpdPeriod): boolean {
  return a.from === b.from && a.to === b.to;
}

/** "from 21 May 2023 to 20 May 2026", "from 21 May 2023 onwards", "up to 20 May 2026", "at any time". */
export function describeCpdPeriod({ from, to }: CpdPeriod): string {
  if (from && to) return `from ${formatUkDate(from)} to ${formatUkDate(to)}`;
  if (from) return `from ${formatUkDate(from)} onwards`;
  if (to) return `up to ${formatUkDate(to)}`;
  return 'at any time';
}
