import { describe, expect, test } from 'vitest';
import { emptySections } from '../../shared/portfolio/weeklyLog.js';
import type { WeeklyLogSections } from '../../shared/portfolio/weeklyLog.js';
import { backupTimeFromName } from '../../renderer/src/format/backupTimeFromName.js';
import { formatBackupTime } from '../../renderer/src/format/formatBackupTime.js';
import { formatFileSize } from '../../renderer/src/format/formatFileSize.js';
import { isBlankWeek } from '../../renderer/src/saving/isBlankWeek.js';
import { summariseWeek } from '../../renderer/src/session/TimelineStore.js';

function sampleWeek(): WeeklyLogSections {
  return {
    ...emptySections(),
    thisWeek: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'And just like that, it is October!' }] },
        { type: 'ideaBlock', attrs: { id: 'idea-a' }, content: [{ type: 'text', text: 'Arrange a meeting with the communications team.' }] },
      ],
    },
    nextWeekPlans: {
      type: 'doc',
      content: [{ type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: false, id: 'plan-a' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Collate data' }] }] }] }],
    },
  };
}

describe('a week as the page sees it', () => {
  test('a week with no words and no ideas is blank, so it is never saved as a new log', () => {
    expect(isBlankWeek(emptySections())).toBe(true);
    expect(isBlankWeek(sampleWeek())).toBe(false);
  });

  test('an empty idea is not blank: the writer asked for it', () => {
    expect(isBlankWeek({ ...emptySections(), thisWeek: { type: 'doc', content: [{ type: 'ideaBlock', attrs: { id: 'i' } }] } })).toBe(false);
  });

  test('the timeline counts a saved week the way the back end does', () => {
    expect(summariseWeek('2019-10-07', sampleWeek())).toEqual({ weekStart: '2019-10-07', ideaCount: 1, planCount: 1, words: 16 });
  });
});

describe('backups as people read them', () => {
  test('times are written the UK way', () => {
    expect(formatBackupTime('2026-11-23T14:05:00')).toBe('23 November 2026, 14:05');
  });

  test('sizes are rounded to what matters', () => {
    expect(formatFileSize(812)).toBe('812 bytes');
    expect(formatFileSize(4300)).toBe('4.2 KB');
    expect(formatFileSize(38_000)).toBe('37 KB');
    expect(formatFileSize(1_500_000)).toBe('1.4 MB');
  });
});

describe('naming backups', () => {
  test('backups made in the same minute are told apart by their seconds', () => {
    expect(formatBackupTime('2026-11-23T14:05:09', true)).toBe('23 November 2026, 14:05:09');
  });

  test('a backup file name with a time stamp is read as a time', () => {
    expect(backupTimeFromName('portfolio-20261123T110223780Z.json')).toBe(formatBackupTime('2026-11-23T11:02:23Z'));
    expect(backupTimeFromName('something-else.json')).toBeNull();
  });
});
