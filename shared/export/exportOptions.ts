import { z } from 'zod';
import { frameworkIdSchema } from '../frameworks/frameworkSchemas.js';
import { calendarDateSchema, itemIdSchema } from '../portfolio/weeklyLogSchemas.js';

/**
 * What a user asks to export: one of five packs and its options. The same options come from the
 * Export screen (checked by main with `exportOptionsSchema`) and from the command line.
 */
export const exportPackKinds = ['weeks', 'assignment', 'appraisal', 'reflection', 'feedback'] as const;
export type ExportPackKind = (typeof exportPackKinds)[number];

export const exportPackLabels: Record<ExportPackKind, string> = {
  weeks: 'Weekly logs',
  assignment: 'Assignment evidence',
  appraisal: 'Appraisal or revalidation',
  reflection: 'A single reflection',
  feedback: 'Mentor feedback and sign-offs',
};

export const exportLimits = {
  name: 200,
  course: 300,
  commentary: 20_000,
  references: 50_000,
  maxWordLimit: 1_000_000,
} as const;

const nameSchema = z.string().max(exportLimits.name);

/** Weekly logs from the week holding `from` to the week holding `to` (the same date for one week). */
export const weeksExportSchema = z
  .object({
    pack: z.literal('weeks'),
    from: calendarDateSchema,
    to: calendarDateSchema,
    /** The writer's name, for the document's author and title page; may be empty. */
    name: nameSchema,
  })
  .strict()
  .refine((options) => options.from <= options.to, { message: 'the first date must not be after the last', path: ['to'] });

export const assignmentExportSchema = z
  .object({
    pack: z.literal('assignment'),
    frameworkId: frameworkIdSchema,
    /** Evidence from entries dated in this range; null for no limit on that side. */
    from: calendarDateSchema.nullable(),
    to: calendarDateSchema.nullable(),
    name: nameSchema,
    course: z.string().max(exportLimits.course),
    submissionDate: calendarDateSchema.nullable(),
    /** The assignment's word limit; null for none. */
    wordLimit: z.number().int().min(1).max(exportLimits.maxWordLimit).nullable(),
    /** The student's own words introducing each outcome's evidence, by outcome id (plain text, paragraphs split by blank lines). */
    commentary: z.record(frameworkIdSchema, z.string().max(exportLimits.commentary)).refine((value) => Object.keys(value).length <= 500, { message: 'too many outcomes' }),
    /** References as the student wrote them, one per line. */
    references: z.string().max(exportLimits.references),
  })
  .strict()
  .refine((options) => options.from === null || options.to === null || options.from <= options.to, { message: 'the first date must not be after the last', path: ['to'] });

export const appraisalExportSchema = z
  .object({
    pack: z.literal('appraisal'),
    from: calendarDateSchema,
    to: calendarDateSchema,
    name: nameSchema,
    /** Job title or role, e.g. "Staff nurse"; may be empty. */
    role: z.string().max(exportLimits.name),
    /** Professional registration number (NMC PIN, HCPC number); may be empty. */
    registration: z.string().max(50),
  })
  .strict()
  .refine((options) => options.from <= options.to, { message: 'the first date must not be after the last', path: ['to'] });

export const reflectionExportSchema = z
  .object({
    pack: z.literal('reflection'),
    entryId: itemIdSchema,
    name: nameSchema,
  })
  .strict();

/**
 * The comments and sign-offs mentors have sent back: the sign-off record for one framework or for
 * every framework signed against, and the comments on entries dated in a range (either side open).
 */
export const feedbackExportSchema = z
  .object({
    pack: z.literal('feedback'),
    /** One framework's sign-offs (and only comments on entries holding evidence for it); null for all. */
    frameworkId: frameworkIdSchema.nullable(),
    /** Comments on entries dated in this range; null for no limit on that side. */
    from: calendarDateSchema.nullable(),
    to: calendarDateSchema.nullable(),
    /** Whether comments marked resolved are included. */
    includeResolved: z.boolean(),
    name: nameSchema,
  })
  .strict()
  .refine((options) => options.from === null || options.to === null || options.from <= options.to, { message: 'the first date must not be after the last', path: ['to'] });

export const exportOptionsSchema = z.discriminatedUnion('pack', [weeksExportSchema, assignmentExportSchema, appraisalExportSchema, reflectionExportSchema, feedbackExportSchema]);

export type WeeksExport = z.infer<typeof weeksExportSchema>;
export type AssignmentExport = z.infer<typeof assignmentExportSchema>;
export type AppraisalExport = z.infer<typeof appraisalExportSchema>;
export type ReflectionExport = z.infer<typeof reflectionExportSchema>;
export type FeedbackExport = z.infer<typeof feedbackExportSchema>;
export type ExportOptions = z.infer<typeof exportOptionsSchema>;

/** What the Export screen shows before anything is written. */
export interface ExportPreview {
  /** The document's title, e.g. "Weekly reflective log: w/c 2 Sep 2019 to w/c 16 Dec 2019". */
  title: string;
  /** A file name to suggest, e.g. "weekly-log-2019-09-02-to-2019-12-16.docx". */
  fileName: string;
  entries: number;
  /** Tagged passages quoted (assignment pack); 0 for the others. */
  passages: number;
  /** Every word the document will carry from the portfolio and the export screen. */
  words: number;
  /** Words that are quotations from entries (assignment pack: counted with and without them). */
  quotedWords: number;
  /** Plain sentences about anything the user may want to fix first (e.g. an outcome with no evidence). */
  notes: string[];
  /** What the feedback pack holds besides entries (only that pack has it). */
  feedback?: FeedbackPreview;
}

/** The mentor feedback pack's counts: `entries` counts the entries commented on. */
export interface FeedbackPreview {
  comments: number;
  /** Of `comments`, those marked resolved. */
  resolved: number;
  /** The author's replies to those comments. */
  replies: number;
  signOffs: number;
  /** Outcomes and criteria in the sign-off record with no sign-off yet. */
  notSignedOff: number;
  /** The mentors the comments and sign-offs come from, as they signed them. */
  reviewers: string[];
}
