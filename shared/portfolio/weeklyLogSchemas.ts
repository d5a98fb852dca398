import { z } from 'zod';
import { isCalendarDate, isWeekStart, weekCommencing } from '../dates/weeks.js';
import { editorDocSchema } from '../document/editorDocSchema.js';
import { evidenceTagSchema } from '../frameworks/frameworkSchemas.js';
import type { Same } from '../types/same.js';
import {
  type EntryBody,
  type CpdRecord,
  type EntryRecord,
  type EntrySummary,
  type EvidenceCount,
  type PlanReviewMark,
  type WeeklyLogSectionId,
  cpdActivityTypes,
  entryKinds,
  maxCpdMinutes,
  planReviewStatuses,
  weeklyLogSectionIds,
} from './weeklyLog.js';
import { templateIdSchema } from '../templates/templateSchemas.js';

/** Schemas for everything a weekly log stores; main and the web server check what crosses with them. */
export const weekStartSchema = z.string().refine(isWeekStart, { message: 'must be a Monday written as YYYY-MM-DD' });
export const itemIdSchema = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/);
export const calendarDateSchema = z.string().refine(isCalendarDate, { message: 'must be a date written as YYYY-MM-DD' });

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

/** The most sections an entry may hold: a template's limit, plus Other notes. */
export const maxEntrySections = 41;

/** Any entry's sections, keyed by the section ids of its template (template ids are never reserved words). */
export const entrySectionsSchema = z
  // zod's record skips a "__proto__" key without checking it, so the text under it would vanish
  // silently; refuse it before the record is read.
  .custom<unknown>((value) => !(typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')), { message: 'names a section "__proto__"' })
  .pipe(z.record(templateIdSchema, editorDocSchema))
  .refine((sections) => Object.keys(sections).length <= maxEntrySections, { message: `may hold at most ${maxEntrySections} sections` });

export const templateRefSchema = z.object({ id: templateIdSchema, version: z.number().int().min(1).max(1_000_000) });

export const cpdRecordSchema = z.object({
  minutes: z.number().int().min(1).max(maxCpdMinutes),
  participatory: z.boolean(),
  activityType: z.enum(cpdActivityTypes).nullable(),
});

/** A reflection's title. */
export const entryTitleSchema = z.string().max(300);

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

export const entryRecordSchema = z
  .object({
    id: itemIdSchema,
    kind: z.enum(entryKinds),
    weekStart: weekStartSchema,
    date: calendarDateSchema,
    title: entryTitleSchema,
    template: templateRefSchema,
    cpd: cpdRecordSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    planReview: z.record(itemIdSchema, planReviewMarkSchema),
    tags: entryTagsSchema,
    body: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/),
    summary: entrySummarySchema,
  })
  // The timeline and coverage place an entry by its week: it must be the week holding its date.
  .refine((entry) => !isCalendarDate(entry.date) || weekCommencing(entry.date) === entry.weekStart, { message: 'its week must be the week holding its date', path: ['weekStart'] })
  .refine((entry) => entry.kind !== 'weekly-log' || entry.date === entry.weekStart, { message: 'a weekly log is dated its Monday', path: ['date'] });

/** The file holding one version of an entry's rich text. Never changed once written. */
export const entryBodySchema = z.object({ entryId: itemIdSchema, sections: entrySectionsSchema });

/** Compile-time checks that each schema describes exactly its interface. */
const schemasMatchTypes: [
  Same<z.infer<typeof planReviewMarkSchema>, PlanReviewMark>,
  Same<z.infer<typeof cpdRecordSchema>, CpdRecord>,
  Same<z.infer<typeof evidenceCountSchema>, EvidenceCount>,
  Same<z.infer<typeof entrySummarySchema>, EntrySummary>,
  Same<z.infer<typeof entryRecordSchema>, EntryRecord>,
  Same<z.infer<typeof entryBodySchema>, EntryBody>,
] = [true, true, true, true, true, true];
void schemasMatchTypes;
