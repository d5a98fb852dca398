import { describe, expect, test } from 'vitest';
import { maxCpdMinutes } from '../../shared/portfolio/weeklyLog.js';
import { formatCpdDuration, formatCpdHoursField, readCpdHours } from '../../renderer/src/cpd/cpdTime.js';

const minutesOf = (text: string) => {
  const reading = readCpdHours(text);
  return reading.ok ? reading.minutes : reading.problem;
};

const problemWith = (text: string) => {
  const reading = readCpdHours(text);
  return reading.ok ? `read as ${reading.minutes} minutes` : reading.problem;
};

describe('reading CPD hours as typed', () => {
  test('whole and decimal hours are read as minutes', () => {
    expect(minutesOf('2')).toBe(120);
    expect(minutesOf('1.5')).toBe(90);
    expect(minutesOf('0.25')).toBe(15);
    expect(minutesOf('.5')).toBe(30);
    expect(minutesOf('  7.5  ')).toBe(450);
  });

  test('a decimal that is not a whole number of minutes is rounded to the nearest minute', () => {
    expect(minutesOf('0.33')).toBe(20);
    expect(minutesOf('1.01')).toBe(61);
  });

  test('hours and minutes with a colon are read exactly', () => {
    expect(minutesOf('1:30')).toBe(90);
    expect(minutesOf('0:20')).toBe(20);
    expect(minutesOf('10:05')).toBe(605);
  });

  test('hours and minutes written with units are read, in short or long words', () => {
    expect(minutesOf('1h 30m')).toBe(90);
    expect(minutesOf('1h30m')).toBe(90);
    expect(minutesOf('1 hour 30 minutes')).toBe(90);
    expect(minutesOf('1 hour and 30 minutes')).toBe(90);
    expect(minutesOf('2 hrs')).toBe(120);
    expect(minutesOf('1.5h')).toBe(90);
    expect(minutesOf('3 Hours')).toBe(180);
  });

  test('minutes alone are read', () => {
    expect(minutesOf('90 min')).toBe(90);
    expect(minutesOf('90m')).toBe(90);
    expect(minutesOf('45 mins')).toBe(45);
    expect(minutesOf('20 minutes')).toBe(20);
  });

  test('an empty field asks for a time and gives examples', () => {
    expect(problemWith('')).toBe('Enter how long the CPD took, for example 1.5 or 1:30 for an hour and a half, or 45 min.');
    expect(problemWith('   ')).toMatch(/^Enter how long the CPD took/);
  });

  test('zero and negative times are refused', () => {
    expect(problemWith('0')).toBe('Enter a time more than zero.');
    expect(problemWith('0:00')).toBe('Enter a time more than zero.');
    expect(problemWith('0 min')).toBe('Enter a time more than zero.');
    expect(problemWith('-1')).toBe('Enter a time more than zero.');
  });

  test('less than a minute is refused rather than rounded to nothing', () => {
    expect(problemWith('0.001')).toBe('That is less than a minute: enter at least 1 minute.');
  });

  test('a comma for part of an hour is refused: the UK writes a full stop', () => {
    expect(problemWith('1,5')).toBe('Use a full stop, not a comma, for part of an hour: 1.5 is an hour and a half.');
  });

  test('minutes after a colon must be two digits from 00 to 59', () => {
    expect(problemWith('1:75')).toBe('After the colon, give minutes from 00 to 59: 1:30 is an hour and a half.');
    expect(problemWith('1:5')).toBe('After the colon, give minutes from 00 to 59: 1:30 is an hour and a half.');
  });

  test('more than one entry may record is refused, saying the limit', () => {
    expect(minutesOf('500')).toBe(maxCpdMinutes);
    expect(problemWith('500:01')).toBe('One entry can record at most 500 hours of CPD.');
    expect(problemWith('600')).toBe('One entry can record at most 500 hours of CPD.');
  });

  test('words that are not a time are refused with examples', () => {
    for (const text of ['an hour', '1h 30', 'half past one', '1.5.2', '1:30:00', 'h', 'min']) {
      expect(problemWith(text)).toBe('Enter the time in hours, for example 1.5 or 1:30 for an hour and a half, or 45 min.');
    }
  });
});

describe('showing CPD time', () => {
  test('a duration is said in hours and minutes, singular where it is one', () => {
    expect(formatCpdDuration(90)).toBe('1 hour 30 minutes');
    expect(formatCpdDuration(35 * 60)).toBe('35 hours');
    expect(formatCpdDuration(20)).toBe('20 minutes');
    expect(formatCpdDuration(61)).toBe('1 hour 1 minute');
    expect(formatCpdDuration(60)).toBe('1 hour');
    expect(formatCpdDuration(0)).toBe('0 hours');
    expect(formatCpdDuration(1200 * 60)).toBe('1,200 hours');
  });

  test('the field shows saved time as hours and minutes, which reads back to the same minutes', () => {
    expect(formatCpdHoursField(90)).toBe('1:30');
    expect(formatCpdHoursField(120)).toBe('2:00');
    expect(formatCpdHoursField(20)).toBe('0:20');
    for (const minutes of [1, 20, 59, 60, 61, 90, 605, maxCpdMinutes]) expect(minutesOf(formatCpdHoursField(minutes))).toBe(minutes);
  });
});
