import { formatCpdDuration } from '../../../shared/portfolio/cpdDuration.js';
import { maxCpdMinutes } from '../../../shared/portfolio/weeklyLog.js';

/**
 * CPD time as people type it and read it. The field takes hours ("1.5"), hours and minutes
 * ("1:30", "1h 30m", "1 hour 30 minutes") or minutes ("90 min"); it always shows time back as
 * hours and minutes ("1:30"), which is exact where a decimal ("0.33") would not be.
 */
export type CpdHoursReading = { ok: true; minutes: number } | { ok: false; problem: string };

const example = 'for example 1.5 or 1:30 for an hour and a half, or 45 min';

const number = '(\\d+(?:\\.\\d+)?|\\.\\d+)';
const hourUnit = '(?:h|hr|hrs|hour|hours)';
const minuteUnit = '(?:m|min|mins|minute|minutes)';
const hoursAndMinutes = new RegExp(`^(?:${number}\\s*${hourUnit})?(?:\\s*(?:,|and)?\\s*${number}\\s*${minuteUnit})?$`);
const clockTime = /^(\d+):(\d+)$/;
const plainHours = new RegExp(`^${number}$`);

/** Reads what was typed into the CPD hours field as whole minutes, or says in a sentence what is wrong. */
export function readCpdHours(text: string, maxMinutes: number = maxCpdMinutes): CpdHoursReading {
  const typed = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (typed === '') return { ok: false, problem: `Enter how long the CPD took, ${example}.` };
  if (/^[-−–]/.test(typed)) return { ok: false, problem: 'Enter a time more than zero.' };
  if (/^\d*,\d/.test(typed)) return { ok: false, problem: 'Use a full stop, not a comma, for part of an hour: 1.5 is an hour and a half.' };

  let exactMinutes: number | null = null;
  const clock = clockTime.exec(typed);
  const plain = plainHours.exec(typed);
  const units = hoursAndMinutes.exec(typed);
  if (clock) {
    const [, hours = '', minutes = ''] = clock;
    if (minutes.length !== 2 || Number(minutes) > 59) return { ok: false, problem: 'After the colon, give minutes from 00 to 59: 1:30 is an hour and a half.' };
    exactMinutes = Number(hours) * 60 + Number(minutes);
  } else if (plain) {
    exactMinutes = Number(plain[1]) * 60;
  } else if (units && (units[1] !== undefined || units[2] !== undefined)) {
    exactMinutes = Number(units[1] ?? 0) * 60 + Number(units[2] ?? 0);
  }
  if (exactMinutes === null || !Number.isFinite(exactMinutes)) return { ok: false, problem: `Enter the time in hours, ${example}.` };

  const minutes = Math.round(exactMinutes);
  if (exactMinutes === 0) return { ok: false, problem: 'Enter a time more than zero.' };
  if (minutes === 0) return { ok: false, problem: 'That is less than a minute: enter at least 1 minute.' };
  if (minutes > maxMinutes) return { ok: false, problem: `One entry can record at most ${formatCpdDuration(maxMinutes)} of CPD.` };
  return { ok: true, minutes };
}

export { formatCpdDuration };

/** The field's text for a saved time: hours and minutes, "1:30", "2:00", "0:20". */
export function formatCpdHoursField(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours}:${String(rest).padStart(2, '0')}`;
}
