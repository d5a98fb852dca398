import { z } from 'zod';
import { isWeekStart } from '../dates/weeks.js';
import { editorDocSchema } from '../document/editorDocSchema.js';
import { evidenceTagSchema } from '../frameworks/frameworkSchemas.js';
import type { Same } from '../types/same.js';
import {
  type EntryBody,
  type EntryRecord,
  type EntrySummary,
  type EvidenceCount,
  type PlanReviewMark,
  type WeeklyLogSectionId,
  planReviewStatuses,
  weeklyLogSectionIds,
} from './weeklyLog.js';

/** Schemas for everything a weekly log stores; main and the web server check what crosses with them. */
export const weekStartSchema = z.string().refine(isWeekStart, { message: 'must be a Monday written as YYYY-MM-DD' });
export const itemIdSchema = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/);

export const planReviewMarkSchema = z.object({
  status: z.enum(planReviewStatuses),
  /** The plan's words when it was reviewed, shown if the plan is later deleted. */
  text: z.string().max(10_000),
  /** The week whose "Next week I plan to" list holds the plan. */
  fromWeek: weekStartSchema,
});

export const sectionsSchema = z.object(
  Object.fromEntries(weeklyLogSectionIds.map((id) => [id, editorDocSchema])) as Record<WeeklyLogSectionId, typeof editorDocSchema>,
);

const itemInEntrySchema = z.object({ id: itemIdSchema, text: z.string().max(100_000) });

/** Facts derived from an entry's text whenever it is saved, kept in the index so nothing needs every body. */
export const evidenceCountSchema = z.object({
  tag: z.string().min(3).max(310).regex(/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+){1,2}$/),
  passages: z.number().int().min(0),
  words: z.number().int().min(0),
});

export const entrySummarySchema = z.object({
  ideas: z.array(itemInEntrySchema),
  plans: z.array(itemInEntrySchema),
  words: z.number().int().min(0),
  evidence: z.array(evidenceCountSchema),
});

/** Whole-entry tags: at most one of each. */
export const entryTagsSchema = z.array(evidenceTagSchema).max(500);

export const entryRecordSchema = z.object({
  id: itemIdSchema,
  kind: z.literal('weekly-log'),
  weekStart: weekStartSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  planReview: z.record(itemIdSchema, planReviewMarkSchema),
  tags: entryTagsSchema,
  body: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/),
  summary: entrySummarySchema,
});

/** The file holding one version of an entry's rich text. Never changed once written. */
export const entryBodySchema = z.object({ entryId: itemIdSchema, sections: sectionsSchema });

/** Compile-time checks that each schema describes exactly its interface. */
const schemasMatchTypes: [
  Same<z.infer<typeof planReviewMarkSchema>, PlanReviewMark>,
  Same<z.infer<typeof evidenceCountSchema>, EvidenceCount>,
  Same<z.infer<typeof entrySummarySchema>, EntrySummary>,
  Same<z.infer<typeof entryRecordSchema>, EntryRecord>,
  Same<z.infer<typeof entryBodySchema>, EntryBody>,
] = [true, true, true, true, true];
void schemasMatchTypes;
