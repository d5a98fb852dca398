import { formatBackupTime } from './formatBackupTime.js';

/** "23 November 2026, 11:02" from a backup named like portfolio-20261123T110223780Z.json, or null. */
export function backupTimeFromName(name: string): string | null {
  const stamp = /(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})?Z/.exec(name);
  if (!stamp) return null;
  const [, year, month, day, hour, minute, second] = stamp;
  return formatBackupTime(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`);
}
