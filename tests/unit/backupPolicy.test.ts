import { describe, expect, it } from 'vitest';
import { backupsToKeep } from '../../electron/storage/backupPolicy.js';

const now = new Date(2026, 10, 23, 12, 0);
const at = (daysAgo: number, hour: number, minute = 0) => new Date(2026, 10, 23 - daysAgo, hour, minute);

describe('which backups are kept', () => {
  it('keeps the last ten saves', () => {
    const saves = Array.from({ length: 15 }, (_, i) => ({ id: `s${i}`, savedAt: at(0, 11, i) }));
    const kept = backupsToKeep(saves, now);
    expect([...kept].sort()).toEqual(['s10', 's11', 's12', 's13', 's14', 's5', 's6', 's7', 's8', 's9']);
  });

  it('keeps the newest save of each of the last seven days as well', () => {
    const saves = [
      ...Array.from({ length: 12 }, (_, i) => ({ id: `today${i}`, savedAt: at(0, 9, i) })),
      { id: 'yesterday-early', savedAt: at(1, 9) },
      { id: 'yesterday-late', savedAt: at(1, 17) },
      { id: 'six-days-ago', savedAt: at(6, 10) },
      { id: 'seven-days-ago', savedAt: at(7, 10) },
    ];
    const kept = backupsToKeep(saves, now);
    expect(kept.has('yesterday-late')).toBe(true);
    expect(kept.has('yesterday-early')).toBe(false);
    expect(kept.has('six-days-ago')).toBe(true);
    expect(kept.has('seven-days-ago')).toBe(false);
    expect(kept.has('today11')).toBe(true);
    expect(kept.has('today0')).toBe(false);
  });
});
