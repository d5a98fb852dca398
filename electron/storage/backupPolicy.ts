export interface BackupStamp {
  id: string;
  savedAt: Date;
}

export const recentSavesKept = 10;
export const dailyBackupDays = 7;

/** Newest first; backups saved in the same millisecond are ordered by name, which records when each was set aside. */
export function newestFirst(a: BackupStamp, b: BackupStamp): number {
  return b.savedAt.getTime() - a.savedAt.getTime() || b.id.localeCompare(a.id, 'en', { numeric: true });
}

function localDay(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

/** The backups worth keeping: the last ten saves, and the newest save of each of the last seven days. */
export function backupsToKeep(backups: readonly BackupStamp[], now: Date): Set<string> {
  const sorted = [...backups].sort(newestFirst);
  const keep = new Set(sorted.slice(0, recentSavesKept).map((backup) => backup.id));
  const recentDays = new Set<string>();
  for (let back = 0; back < dailyBackupDays; back += 1) {
    recentDays.add(localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - back)));
  }
  const daysKept = new Set<string>();
  for (const backup of sorted) {
    const day = localDay(backup.savedAt);
    if (recentDays.has(day) && !daysKept.has(day)) {
      daysKept.add(day);
      keep.add(backup.id);
    }
  }
  return keep;
}
