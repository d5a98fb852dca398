import type { WeeklyLogSectionId } from '../../../shared/portfolio/weeklyLog.js';
import { weeklyLogSectionIds } from '../../../shared/portfolio/weeklyLog.js';
import { findTemplate } from '../../../shared/templates/builtInTemplates.js';

/**
 * The line under each heading saying what the section is for: the weekly-log template's prompts,
 * so the weekly log reads its hints from template data like every other kind of entry.
 */
export const sectionHints = Object.fromEntries(
  weeklyLogSectionIds.map((id) => [id, findTemplate('weekly-log')?.sections.find((section) => section.id === id)?.prompt ?? '']),
) as Record<WeeklyLogSectionId, string>;
