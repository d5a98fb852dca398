import { format, isValid } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';

/** "23 November 2026, 14:05" in the computer's time zone. */
export function formatBackupTime(savedAt: string): string {
  const date = new Date(savedAt);
  return isValid(date) ? format(date, 'd MMMM yyyy, HH:mm', { locale: enGB }) : savedAt;
}
