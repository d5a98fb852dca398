import { isCalendarDate } from '../../shared/dates/weeks.js';
import { CliProblem } from './cliProblem.js';

/** A date option's value, checked: YYYY-MM-DD and a real day. */
export function dateOption(option: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!isCalendarDate(value)) throw new CliProblem(`${option} must be a date written as YYYY-MM-DD, for example 2019-09-02; "${value}" is not one.`);
  return value;
}
