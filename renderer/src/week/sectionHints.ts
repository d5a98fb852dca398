import type { WeeklyLogSectionId } from '../../../shared/portfolio/weeklyLog.js';

/** A line under each heading saying what the section is for. */
export const sectionHints: Record<WeeklyLogSectionId, string> = {
  thisWeek: 'What happened, what you noticed and what it made you think. Write each idea as its own idea block.',
  keyThoughts: 'A few short points to remember.',
  achievements: 'What went well this week, however small.',
  nextWeekPlans: 'One plan per line. Next week’s log asks how each one went.',
};
