import { z } from 'zod';
import type { CalendarDate } from '../dates/weeks.js';
import type { Framework } from '../frameworks/framework.js';
import { frameworkIdSchema, frameworkSchema } from '../frameworks/frameworkSchemas.js';
import type { CpdRecord, EntryKind, EntrySections, PlanReviewMark, TemplateRef } from '../portfolio/weeklyLog.js';
import { entryKinds } from '../portfolio/weeklyLog.js';
import type { EvidenceTag } from '../frameworks/framework.js';
import {
  calendarDateSchema,
  cpdRecordSchema,
  entrySectionsSchema,
  entryTagsSchema,
  entryTitleSchema,
  itemIdSchema,
  planReviewMarkSchema,
  templateRefSchema,
  weekStartSchema,
} from '../portfolio/weeklyLogSchemas.js';
import type { Template } from '../templates/template.js';
import { templateSchema } from '../templates/templateSchemas.js';
import { isCalendarDate, weekCommencing } from '../dates/weeks.js';

/**
 * Sharing with a mentor, by file. The author saves a share file (a read-only snapshot of chosen
 * entries); the mentor comments and signs off in the app and saves a feedback file, which the
 * author imports. Both files are described in docs/file-formats.md; these schemas are the check
 * every file passes before anything reads it.
 */

export { sharingLimits } from './sharingLimits.js';
import { sharingLimits } from './sharingLimits.js';

const personName = z.string().trim().min(1, 'a name is needed').max(sharingLimits.personName);
const isoTime = z.string().min(1).max(40).refine((value) => !Number.isNaN(Date.parse(value)), { message: 'must be a time' });

export const passphraseSchema = z.string().min(sharingLimits.passphraseMin, `a passphrase needs at least ${sharingLimits.passphraseMin} characters`).max(sharingLimits.passphraseMax);

/** Who wrote a comment or signed an outcome off. */
export interface Reviewer {
  name: string;
  /** E.g. "Practice assessor", "Clinical educator". */
  role: string;
  /** A professional registration number (NMC PIN, HCPC number), only if they chose to give it. */
  registration: string | null;
}

export const reviewerSchema = z
  .object({
    name: personName,
    role: z.string().trim().max(sharingLimits.role),
    registration: z.string().trim().min(1).max(sharingLimits.registration).nullable(),
  })
  .strict();

/**
 * A passage a comment is on, found again by its words rather than by position (the W3C Web
 * Annotation TextQuoteSelector): the quoted text and a little of the text either side of it, all
 * in the section's plain text as `sectionText` gives it.
 */
export interface TextAnchor {
  sectionId: string;
  quote: string;
  prefix: string;
  suffix: string;
}

export const textAnchorSchema = z
  .object({
    sectionId: z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/),
    quote: z.string().min(1).max(sharingLimits.quote),
    prefix: z.string().max(sharingLimits.context),
    suffix: z.string().max(sharingLimits.context),
  })
  .strict();

/** A mentor's comment on an entry, or on a passage of it when `anchor` is set. */
export interface MentorComment {
  id: string;
  entryId: string;
  anchor: TextAnchor | null;
  text: string;
  createdAt: string;
  /** Changes whenever the mentor edits it: an import keeps the newer of two copies. */
  updatedAt: string;
}

export const mentorCommentSchema = z
  .object({
    id: itemIdSchema,
    entryId: itemIdSchema,
    anchor: textAnchorSchema.nullable(),
    text: z.string().trim().min(1, 'a comment needs some words').max(sharingLimits.commentText),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .strict();

/** A mentor's statement that an outcome (or one of its criteria) is met. */
export interface SignOff {
  id: string;
  frameworkId: string;
  outcomeId: string;
  criterionId: string | null;
  statement: string;
  /** The date signed, as the signer chose it. */
  date: CalendarDate;
  signer: Reviewer;
  createdAt: string;
  updatedAt: string;
}

export const signOffSchema = z
  .object({
    id: itemIdSchema,
    frameworkId: frameworkIdSchema,
    outcomeId: frameworkIdSchema,
    criterionId: frameworkIdSchema.nullable(),
    statement: z.string().trim().min(1, 'a statement is needed').max(sharingLimits.statement),
    date: calendarDateSchema,
    signer: reviewerSchema,
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .strict();

/** What an author chooses to share. */
export type ShareSelection =
  | { kind: 'range'; from: CalendarDate; to: CalendarDate }
  | { kind: 'framework'; frameworkId: string; from: CalendarDate | null; to: CalendarDate | null }
  | { kind: 'entries'; entryIds: string[] };

export const shareSelectionSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('range'), from: calendarDateSchema, to: calendarDateSchema })
    .strict()
    .refine((value) => value.from <= value.to, { message: 'the first date must not be after the last', path: ['to'] }),
  z
    .object({ kind: z.literal('framework'), frameworkId: frameworkIdSchema, from: calendarDateSchema.nullable(), to: calendarDateSchema.nullable() })
    .strict()
    .refine((value) => value.from === null || value.to === null || value.from <= value.to, { message: 'the first date must not be after the last', path: ['to'] }),
  z.object({ kind: z.literal('entries'), entryIds: z.array(itemIdSchema).min(1, 'choose at least one entry').max(sharingLimits.entries) }).strict(),
]);

/** One entry as a share file holds it: its record without the store's bookkeeping, and its text. */
export interface SharedEntry {
  id: string;
  kind: EntryKind;
  weekStart: CalendarDate;
  date: CalendarDate;
  title: string;
  template: TemplateRef;
  cpd: CpdRecord | null;
  planReview: Record<string, PlanReviewMark>;
  tags: EvidenceTag[];
  sections: EntrySections;
  /** For a weekly log, the number its first idea has in the author's portfolio; null for a reflection. */
  firstIdeaNumber: number | null;
  updatedAt: string;
}

export const sharedEntrySchema = z
  .object({
    id: itemIdSchema,
    kind: z.enum(entryKinds),
    weekStart: weekStartSchema,
    date: calendarDateSchema,
    title: entryTitleSchema,
    template: templateRefSchema,
    cpd: cpdRecordSchema.nullable(),
    planReview: z.record(itemIdSchema, planReviewMarkSchema),
    tags: entryTagsSchema,
    sections: entrySectionsSchema,
    firstIdeaNumber: z.number().int().min(1).max(10_000_000).nullable(),
    updatedAt: isoTime,
  })
  .strict()
  .refine((entry) => !isCalendarDate(entry.date) || weekCommencing(entry.date) === entry.weekStart, { message: 'its week must be the week holding its date', path: ['weekStart'] });

/** The content of a share file. */
export interface SharePayload {
  shareId: string;
  /** The author's portfolio: feedback for it names it, so it cannot be imported elsewhere. */
  portfolioId: string;
  createdAt: string;
  author: { name: string };
  /** What was shared, in words ("Entries from 7 October 2019 to 27 October 2019"). */
  description: string;
  entries: SharedEntry[];
  /** The frameworks the entries are tagged against, as the author has them. */
  frameworks: Framework[];
  /** The template versions the entries were written with (built-in ones too, so the file stands alone). */
  templates: Template[];
}

export const sharePayloadSchema = z
  .object({
    shareId: itemIdSchema,
    portfolioId: itemIdSchema,
    createdAt: isoTime,
    author: z.object({ name: personName }).strict(),
    description: z.string().max(sharingLimits.description),
    entries: z.array(sharedEntrySchema).max(sharingLimits.entries),
    frameworks: z.array(frameworkSchema).max(200),
    templates: z.array(templateSchema).max(1_000),
  })
  .strict();

/** The content of a feedback file: only the mentor's comments and sign-offs, and what they belong to. */
export interface FeedbackPayload {
  /** The same for every feedback file from one review, so a newer file updates an older one. */
  feedbackId: string;
  shareId: string;
  portfolioId: string;
  /** 1 for the first file sent from a review, then 2, 3… */
  revision: number;
  createdAt: string;
  reviewer: Reviewer;
  comments: MentorComment[];
  signOffs: SignOff[];
  /** Comments and sign-offs sent before that the mentor has since deleted. */
  withdrawn: string[];
}

export const feedbackPayloadSchema = z
  .object({
    feedbackId: itemIdSchema,
    shareId: itemIdSchema,
    portfolioId: itemIdSchema,
    revision: z.number().int().min(1).max(1_000_000),
    createdAt: isoTime,
    reviewer: reviewerSchema,
    comments: z.array(mentorCommentSchema).max(sharingLimits.comments),
    signOffs: z.array(signOffSchema).max(sharingLimits.signOffs),
    withdrawn: z.array(itemIdSchema).max(sharingLimits.comments + sharingLimits.signOffs),
  })
  .strict();

/** The author's reply to a comment (kept in the author's portfolio; it does not travel back). */
export interface CommentReply {
  id: string;
  text: string;
  at: string;
}

export const commentReplySchema = z.object({ id: itemIdSchema, text: z.string().trim().min(1).max(sharingLimits.replyText), at: isoTime }).strict();

/** Where a received comment or sign-off came from. */
export interface Received {
  feedbackId: string;
  shareId: string;
  reviewer: Reviewer;
  /** When this copy was imported (first or last update). */
  receivedAt: string;
  /** The mentor deleted it after sending it. */
  withdrawn: boolean;
}

const receivedFields = {
  feedbackId: itemIdSchema,
  shareId: itemIdSchema,
  reviewer: reviewerSchema,
  receivedAt: isoTime,
  withdrawn: z.boolean(),
};

export interface ReceivedComment extends MentorComment, Received {
  replies: CommentReply[];
  resolved: boolean;
}

export const receivedCommentSchema = mentorCommentSchema.extend({
  ...receivedFields,
  replies: z.array(commentReplySchema).max(sharingLimits.replies),
  resolved: z.boolean(),
});

export type ReceivedSignOff = SignOff & Received;

export const receivedSignOffSchema = signOffSchema.extend(receivedFields);

/** A feedback file as imported. */
export interface FeedbackImportRecord {
  feedbackId: string;
  revision: number;
  reviewerName: string;
  importedAt: string;
}

export const feedbackImportRecordSchema = z
  .object({ feedbackId: itemIdSchema, revision: z.number().int().min(1), reviewerName: z.string().max(sharingLimits.personName), importedAt: isoTime })
  .strict();

/** Everything mentors have sent back to this portfolio. */
export interface PortfolioFeedback {
  comments: ReceivedComment[];
  signOffs: ReceivedSignOff[];
  imports: FeedbackImportRecord[];
}

export const portfolioFeedbackSchema = z
  .object({
    comments: z.array(receivedCommentSchema).max(100_000),
    signOffs: z.array(receivedSignOffSchema).max(20_000),
    imports: z.array(feedbackImportRecordSchema).max(100_000),
  })
  .strict();

export function emptyFeedback(): PortfolioFeedback {
  return { comments: [], signOffs: [], imports: [] };
}
