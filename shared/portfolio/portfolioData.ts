import { z } from 'zod';
import type { Framework } from '../frameworks/framework.js';
import { frameworkSchema } from '../frameworks/frameworkSchemas.js';
import type { Template } from '../templates/template.js';
import { type PortfolioFeedback, emptyFeedback, portfolioFeedbackSchema } from '../share/sharing.js';
import { templateSchema } from '../templates/templateSchemas.js';
import { type PortfolioPrivacy, emptyPrivacy, portfolioPrivacySchema } from '../privacy/privacySettings.js';
import { type EntryRecord, type IdeaStatus, ideaStatuses } from './weeklyLog.js';
import { entryRecordSchema, itemIdSchema } from './weeklyLogSchemas.js';

export const currentSchemaVersion = 5;

export const portfolioSettingsSchema = z.object({
  /** The number the first idea in this portfolio gets (for a log continued from elsewhere). */
  ideaNumberStart: z.number().int().min(1).max(1_000_000),
});
export type PortfolioSettings = z.infer<typeof portfolioSettingsSchema>;

export const portfolioDataSchema = z.object({
  schemaVersion: z.literal(currentSchemaVersion),
  portfolioId: itemIdSchema,
  createdAt: z.string(),
  settings: portfolioSettingsSchema,
  entries: z.array(entryRecordSchema),
  ideaStatuses: z.record(itemIdSchema, z.enum(ideaStatuses)),
  frameworks: z.array(frameworkSchema).max(1_000),
  /** At most 500 templates of one's own, and only versions some entry was written with besides each newest. */
  templates: z.array(templateSchema).max(60_000),
  feedback: portfolioFeedbackSchema,
  privacy: portfolioPrivacySchema,
});

/**
 * The portfolio index (portfolio.json): everything but the entries' rich text, which lives in
 * body files. Idea numbers and review lists are derived when asked for, never stored.
 */
export interface PortfolioData {
  schemaVersion: typeof currentSchemaVersion;
  portfolioId: string;
  createdAt: string;
  settings: PortfolioSettings;
  entries: EntryRecord[];
  ideaStatuses: Record<string, IdeaStatus>;
  /** Learning-outcome frameworks, in the order the user keeps them. */
  frameworks: Framework[];
  /**
   * The user's own templates. Every version an entry was written with is kept (an entry is always
   * shown with its own version); the highest version of each id is the one the user edits.
   */
  templates: Template[];
  /** Comments and sign-offs imported from mentors' feedback files, with the author's replies. */
  feedback: PortfolioFeedback;
  /** The privacy check's lists and the flagged occurrences the user dismissed. */
  privacy: PortfolioPrivacy;
}

export function newPortfolio(portfolioId: string, now: Date): PortfolioData {
  return {
    schemaVersion: currentSchemaVersion,
    portfolioId,
    createdAt: now.toISOString(),
    settings: { ideaNumberStart: 1 },
    entries: [],
    ideaStatuses: {},
    frameworks: [],
    templates: [],
    feedback: emptyFeedback(),
    privacy: emptyPrivacy(),
  };
}
