import { format, isValid } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';

/** "23 November 2026, 14:05" (or "…, 14:05:23" to tell apart backups made in the same minute), local time. */
export function formatBackupTime(savedAt: string, withSeconds = false): string {
  const date = new Date(savedAt);
  return isValid(date) ? format(date, withSeconds ? 'd MMMM yyyy, HH:mm:ss' : 'd MMMM yyyy, HH:mm', { locale: enGB }) : savedAt;
}
