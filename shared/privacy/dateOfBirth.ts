import type { PrivacyFinding } from './findings.js';
import { crossesSentence } from './crossesSentence.js';

/**
 * Dates of birth: a date ("12/03/1948", "12.03.48", "12 03 1948", "12-Mar-1948", "1948-03-12", "12 March 1948", "12th of March
 * 1948", "March 12th, 1948", and, next to "born" or "birthday", "14 February" or "April 1936")
 * that is close to words about birth ("DOB", "D.O.B.", "date of birth", "born", "birthday") in the
 * same sentence, or has a year and sits in a sentence that gives an age ("aged 84", "84-year-old").
 * Dates of meetings, shifts and deadlines have neither, so are left alone; a date that follows
 * "on", "from", "until" and the like is read as the date of an event unless a birth word comes just
 * before it ("born on"). With an age, the year must fit it: a date whose year plus the age lands
 * after 2060 is the date something happened to that person, not their birth.
 */

const month = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const ordinal = '(?:st|nd|rd|th)?';
/** Each form of date, longest first at any place; `d`, `m` and `y` are the day, month and year. */
const datePattern = new RegExp(
  [
    `(?<![\\d./-])(?<d1>\\d{1,2})(?<sep>[/.\\- ])(?<m1>\\d{1,2})\\k<sep>(?<y1>\\d{4}|\\d{2})(?![\\d]|[./-]\\d)`,
    `(?<![\\d./-])(?<d6>\\d{1,2})(?<sep6>[-/ ])(?<m6>${month})\\k<sep6>(?<y6>\\d{4}|\\d{2})(?!\\d)`,
    `(?<![\\d./-])(?<y2>\\d{4})-(?<m2>\\d{1,2})-(?<d2>\\d{1,2})(?![\\d]|[./-]\\d)`,
    `(?<![\\p{L}\\d])(?:the\\s+)?(?<d3>\\d{1,2})${ordinal}\\s+(?:of\\s+)?(?<m3>${month})\\.?(?![\\p{L}])(?:,?\\s+(?<y3>\\d{4}|'\\d{2})(?!\\d))?`,
    `(?<![\\p{L}])(?<m4>${month})\\.?\\s+(?<d4>\\d{1,2})${ordinal}(?![\\p{L}\\d])(?:,?\\s+(?<y4>\\d{4})(?!\\d))?`,
    `(?<![\\p{L}])(?<m5>${month})\\s+(?<y5>\\d{4})(?!\\d)`,
  ].join('|'),
  'gu',
);

const birthWord = /\b(?:d\.?\s?o\.?\s?b\b\.?|date\s+of\s+birth\b|birth\s*date\b|birthdays?\b|born\b)/gi;
const age = /\b(?:aged?(?:\s+(?:of|as|is|was))?\s+(\d{1,3})\b|(\d{1,3})[- ]?(?:years?|yrs?)[- ]old\b|(\d{1,3})\s+(?:years|yrs)\s+of\s+age\b|(\d{1,3})\s?y\/?o\b)/gi;
const eventWord = /\b(?:on|from|until|till|to|by|since|between|before|after|during|at|for|in)\s+(?:the\s+)?$/i;
const closeEnough = 45;
const nearEnough = 15;
const latestBirthYearPlusAge = 2060;
const earliestBirthYearPlusAge = 1990;

interface FoundDate {
  start: number;
  end: number;
  years: number[];
  hasDay: boolean;
}

const monthNumber = (name: string) => ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(name.slice(0, 3).toLowerCase()) + 1;
const daysIn = (monthIndex: number) => [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][monthIndex - 1] ?? 0;

/** The years a written year may mean: "1948" is 1948; "48" is 1948 or 2048. */
function yearsOf(written: string | undefined): number[] {
  if (written === undefined) return [];
  const digits = written.replace("'", '');
  if (digits.length === 4) return [Number(digits)];
  return [1900 + Number(digits), 2000 + Number(digits)];
}

function readDate(match: RegExpMatchArray): FoundDate | null {
  const groups = match.groups ?? {};
  const day = groups['d1'] ?? groups['d2'] ?? groups['d3'] ?? groups['d4'] ?? groups['d6'];
  const monthText = groups['m1'] ?? groups['m2'] ?? groups['m3'] ?? groups['m4'] ?? groups['m5'] ?? groups['m6'] ?? '';
  const monthIndex = /^\d+$/.test(monthText) ? Number(monthText) : monthNumber(monthText);
  const years = yearsOf(groups['y1'] ?? groups['y2'] ?? groups['y3'] ?? groups['y4'] ?? groups['y5'] ?? groups['y6']);
  if (monthIndex < 1 || monthIndex > 12) return null;
  if (day !== undefined && (Number(day) < 1 || Number(day) > daysIn(monthIndex))) return null;
  if (years.length === 1 && ((years[0] ?? 0) < 1880 || (years[0] ?? 0) > 2100)) return null;
  const start = match.index ?? 0;
  return { start, end: start + match[0].length, years, hasDay: day !== undefined };
}

interface Mark {
  start: number;
  end: number;
}

/** The marks (sorted by start) that start within `reach` characters either side of a date. */
function marksNear<T extends Mark>(marks: readonly T[], date: FoundDate, reach: number): T[] {
  let low = 0;
  let high = marks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((marks[middle]?.start ?? 0) < date.start - reach) low = middle + 1;
    else high = middle;
  }
  const near: T[] = [];
  for (let index = low; index < marks.length && (marks[index]?.start ?? 0) <= date.end + reach; index += 1) near.push(marks[index] as T);
  return near;
}

const marksOf = (text: string, pattern: RegExp): Mark[] => [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }));

const agesOf = (text: string): (Mark & { years: number })[] =>
  [...text.matchAll(age)].map((match) => ({ start: match.index, end: match.index + match[0].length, years: Number(match[1] ?? match[2] ?? match[3] ?? match[4]) }));

/** Whether a birth word sits close before or after the date, in the same sentence, with no event word between. */
function nextToBirthWord(text: string, date: FoundDate, words: Mark[]): boolean {
  return marksNear(words, date, closeEnough + 40).some((word) => {
    if (word.end <= date.start) {
      const gap = date.start - word.end;
      if (gap > closeEnough || crossesSentence(text, word.end, date.start)) return false;
      return gap <= nearEnough || !eventWord.test(text.slice(word.end, date.start));
    }
    return word.start >= date.end && word.start - date.end <= nearEnough && !crossesSentence(text, date.end, word.start);
  });
}

/** Whether an age in the same sentence fits the date's year as a year of birth. */
function fitsAnAge(text: string, date: FoundDate, ages: (Mark & { years: number })[]): boolean {
  if (date.years.length === 0 || !date.hasDay) return false;
  if (eventWord.test(text.slice(Math.max(0, date.start - 20), date.start))) return false;
  return marksNear(ages, date, 120).some((stated) => {
    const [from, to] = stated.end <= date.start ? [stated.end, date.start] : [date.end, stated.start];
    if (to - from > 80 || crossesSentence(text, from, to)) return false;
    return date.years.some((year) => year + stated.years >= earliestBirthYearPlusAge && year + stated.years <= latestBirthYearPlusAge);
  });
}

export function findDatesOfBirth(text: string): PrivacyFinding[] {
  const dates: FoundDate[] = [];
  for (const match of text.matchAll(datePattern)) {
    const date = readDate(match);
    if (date !== null) dates.push(date);
  }
  if (dates.length === 0) return [];
  const words = marksOf(text, birthWord);
  const ages = agesOf(text);
  const findings: PrivacyFinding[] = [];
  let previous: { date: FoundDate; flagged: boolean } | null = null;
  for (const date of dates) {
    const complete = date.hasDay || date.years.length > 0;
    const worded = complete && nextToBirthWord(text, date, words);
    const numericOrFull = date.hasDay || worded;
    const aged = !worded && numericOrFull && fitsAnAge(text, date, ages);
    // A second date given as another record of the same birth: "… 02/11/1942 on one system and 11/02/1942 on another".
    const follows: boolean =
      !worded &&
      !aged &&
      previous !== null &&
      previous.flagged &&
      date.hasDay &&
      date.start - previous.date.end <= closeEnough &&
      !crossesSentence(text, previous.date.end, date.start) &&
      !eventWord.test(text.slice(Math.max(0, date.start - 20), date.start));
    const flagged: boolean = (worded && (date.hasDay || date.years.length > 0)) || aged || follows;
    previous = { date, flagged };
    if (!flagged) continue;
    findings.push({
      start: date.start,
      end: date.end,
      kind: 'date-of-birth',
      confidence: aged ? 'medium' : 'high',
      text: text.slice(date.start, date.end),
      reason: aged ? 'A date in the same sentence as an age, so it may be someone’s date of birth.' : 'A date next to words about birth, so it may be someone’s date of birth.',
    });
  }
  return findings;
}
