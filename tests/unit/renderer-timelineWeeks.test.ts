import { describe, expect, test } from 'vitest';
import { weeksBetween } from '../../shared/dates/weeks.js';
import { describeTimelineWeek, groupWeeksByYear, timelineRange } from '../../renderer/src/week/timelineWeeks.js';

describe('the week timeline', () => {
  test('with no logs it shows this week and the eleven before it', () => {
    expect(timelineRange(null, '2026-11-23', '2026-11-23')).toEqual({ first: '2026-09-07', last: '2026-11-23' });
  });

  test('it reaches back to the first week with a log', () => {
    expect(timelineRange('2019-10-07', '2026-11-23', '2026-11-23')).toEqual({ first: '2019-10-07', last: '2026-11-23' });
  });

  test('a later open week extends it forward, and an earlier one back', () => {
    expect(timelineRange(null, '2026-11-23', '2027-01-04').last).toBe('2027-01-04');
    expect(timelineRange('2020-01-06', '2026-11-23', '2019-10-07').first).toBe('2019-10-07');
  });

  test('a reflection dated ahead of this week stretches the timeline to its week', () => {
    expect(timelineRange(null, '2026-11-23', '2026-11-23', '2027-02-01').last).toBe('2027-02-01');
    expect(timelineRange(null, '2026-11-23', '2026-11-23', '2026-10-05').last).toBe('2026-11-23');
  });

  test('weeks are grouped by the year of their Monday, newest first', () => {
    const years = groupWeeksByYear({ first: '2019-12-23', last: '2020-01-13' });
    expect(years).toEqual([
      { year: 2020, weeks: ['2020-01-13', '2020-01-06'] },
      { year: 2019, weeks: ['2019-12-30', '2019-12-23'] },
    ]);
  });

  test('grouping gives exactly the weeks the shared calendar gives, across leap years and clock changes', () => {
    const range = { first: '1975-03-03', last: '2026-11-23' };
    const grouped = groupWeeksByYear(range).flatMap((year) => year.weeks);
    expect(grouped).toEqual(weeksBetween(range.first, range.last).reverse());
  });

  test('2,520 weeks are grouped in a few milliseconds', () => {
    const started = performance.now();
    const years = groupWeeksByYear({ first: '1978-08-14', last: '2026-11-23' });
    const elapsed = performance.now() - started;
    expect(years.reduce((sum, year) => sum + year.weeks.length, 0)).toBe(2520);
    expect(elapsed).toBeLessThan(50);
  });

  test('each week says whether it has a log, and how much is in it', () => {
    expect(describeTimelineWeek(undefined)).toBe('No log');
    expect(describeTimelineWeek({ weekStart: '2019-10-07', ideaCount: 3, planCount: 4, words: 420 })).toBe('3 ideas · 420 words');
    expect(describeTimelineWeek({ weekStart: '2019-10-07', ideaCount: 1, planCount: 0, words: 1 })).toBe('1 idea · 1 word');
    expect(describeTimelineWeek({ weekStart: '2019-10-07', ideaCount: 0, planCount: 0, words: 1200 })).toBe('1,200 words');
  });
});
