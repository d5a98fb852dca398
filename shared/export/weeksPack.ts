import { formatUkDate, formatWeekCommencingInSentence, formatWeekCommencingLong, formatWeekCommencingShort, todayAsCalendarDate, weekCommencing } from '../dates/weeks.js';
import { byWeek, weeklyLogsOnly } from '../portfolio/entrySummary.js';
import type { PortfolioData } from '../portfolio/portfolioData.js';
import type { EntryRecord } from '../portfolio/weeklyLog.js';
import type { WeeksExport } from './exportOptions.js';
import type { PackPlan } from './packPlan.js';
import { type ExportSource, coverPage, footerText, plural, sectionsOf, weeklyLogToWord, wordContextFor } from './packParts.js';
import { textParagraph, wordDocument, wordStyleIds } from './wordStyles.js';

/** The weekly logs from the week holding `from` to the week holding `to`, oldest first. */
export function weeksInRange(data: PortfolioData, options: Pick<WeeksExport, 'from' | 'to'>): EntryRecord[] {
  const first = weekCommencing(options.from);
  const last = weekCommencing(options.to);
  return byWeek(weeklyLogsOnly(data.entries)).filter((entry) => entry.weekStart >= first && entry.weekStart <= last);
}

/**
 * Weekly logs laid out as a weekly log reads: the review of last week's plans first, then what
 * happened with its numbered ideas, key thoughts, achievements and next week's plans.
 */
export function weeksPack(source: ExportSource, options: WeeksExport): PackPlan {
  const { data } = source;
  const weeks = weeksInRange(data, options);
  const first = weekCommencing(options.from);
  const last = weekCommencing(options.to);
  const oneWeek = first === last;
  const span = oneWeek ? formatWeekCommencingLong(first) : `${formatWeekCommencingShort(first)} to ${formatWeekCommencingShort(last)}`;
  const title = oneWeek ? `Weekly reflective log: ${span}` : `Weekly reflective logs: ${span}`;
  const words = weeks.reduce((sum, entry) => sum + entry.summary.words, 0);
  const ideas = weeks.reduce((sum, entry) => sum + entry.summary.ideas.length, 0);
  const notes = weeks.length === 0 ? [oneWeek ? `There are no weekly logs for the ${formatWeekCommencingInSentence(first)}.` : `There are no weekly logs from ${span}.`] : [];
  return {
    preview: {
      title,
      fileName: oneWeek ? `weekly-log-${first}.docx` : `weekly-logs-${first}-to-${last}.docx`,
      entries: weeks.length,
      passages: 0,
      words,
      quotedWords: 0,
      notes,
    },
    steps: weeks.length,
    document: (progress) => {
      const context = wordContextFor(data, wordStyleIds.heading3, true);
      const parts = weeks.map((entry, index) => {
        const children = weeklyLogToWord(data, entry, sectionsOf(source, entry), context, wordStyleIds.heading2);
        progress(index + 1);
        return { heading: formatWeekCommencingLong(entry.weekStart), children };
      });
      const many = weeks.length > 1;
      return wordDocument({
        title,
        subject: 'Weekly reflective log',
        author: options.name,
        description: `${plural(weeks.length, 'weekly log')}, ${plural(ideas, 'idea')}, ${plural(words, 'word')}. Made with Reflective Portfolio on ${formatUkDate(todayAsCalendarDate(source.now))}.`,
        footer: footerText(options.name, many ? 'Weekly reflective logs' : 'Weekly reflective log'),
        cover: coverPage(many ? 'Weekly reflective logs' : 'Weekly reflective log', options.name, many ? [['Weeks', span], ['In this document', `${plural(weeks.length, 'weekly log')}, ${plural(ideas, 'idea')}, ${plural(words, 'word')}`]] : []),
        coverOwnPage: many,
        // Each week is listed; its sections are the same every week, so they are not.
        contents: many ? 1 : 0,
        parts: parts.length > 0 ? parts : [{ heading: null, children: notes.map((note) => textParagraph(note, { style: wordStyleIds.note })) }],
      });
    },
  };
}
