import { describe, expect, it } from 'vitest';
import {
  formatUkDate,
  formatWeekCommencingLong,
  formatWeekCommencingShort,
  isCalendarDate,
  isWeekStart,
  shiftWeeks,
  thisWeek,
  weekCommencing,
  weeksBetween,
} from '../../shared/dates/weeks.js';

describe('weeks commencing Monday', () => {
  it('finds the Monday of the week a day falls in', () => {
    expect(weekCommencing('2019-10-10')).toBe('2019-10-07');
    expect(weekCommencing('2019-10-07')).toBe('2019-10-07');
  });

  it('puts a Sunday in the week that began the Monday before', () => {
    expect(weekCommencing('2019-10-13')).toBe('2019-10-07');
  });

  it('follows ISO weeks across the new year', () => {
    expect(weekCommencing('2021-01-01')).toBe('2020-12-28');
    expect(weekCommencing('2026-01-01')).toBe('2025-12-29');
  });

  it('keeps Mondays as Mondays across the clocks changing', () => {
    expect(shiftWeeks('2019-10-21', 1)).toBe('2019-10-28');
    expect(shiftWeeks('2019-03-25', -1)).toBe('2019-03-18');
  });

  it('works out this week from the clock', () => {
    expect(thisWeek(new Date(2026, 10, 23, 10, 0))).toBe('2026-11-23');
    expect(thisWeek(new Date(2026, 10, 29, 23, 59))).toBe('2026-11-23');
  });

  it('lists every week between two dates, oldest first', () => {
    expect(weeksBetween('2019-09-30', '2019-10-16')).toEqual(['2019-09-30', '2019-10-07', '2019-10-14']);
  });

  it('accepts only real calendar dates and Mondays as week starts', () => {
    expect(isCalendarDate('2019-02-29')).toBe(false);
    expect(isCalendarDate('2020-02-29')).toBe(true);
    expect(isCalendarDate('7/10/2019')).toBe(false);
    expect(isWeekStart('2019-10-07')).toBe(true);
    expect(isWeekStart('2019-10-08')).toBe(false);
  });
});

describe('UK date formats', () => {
  it('labels a week the way a UK practitioner writes it', () => {
    expect(formatWeekCommencingShort('2019-10-07')).toBe('w/c 7 Oct 2019');
  });

  it('writes the week heading in full', () => {
    expect(formatWeekCommencingLong('2019-10-07')).toBe('Week commencing Monday 7 October 2019');
  });

  it('writes a date day first with the month in words', () => {
    expect(formatUkDate('2019-09-02')).toBe('2 September 2019');
  });
});
