import { z } from 'zod';
import type { CalendarDate } from '../dates/weeks.js';
import type { NumberedIdea } from '../ideas/ideaNumbering.js';
import type { PortfolioSettings } from '../portfolio/portfolioData.js';
import { portfolioSettingsSchema } from '../portfolio/portfolioData.js';
import { type CpdActivityType, type CpdRecord, type Entry, type EntryKind, type WeeklyLog, ideaStatuses, planReviewStatuses } from '../portfolio/weeklyLog.js';
import {
  calendarDateSchema,
  cpdRecordSchema,
  entrySectionsSchema,
  entryTitleSchema,
  itemIdSchema,
  sectionsSchema,
  weekStartSchema,
} from '../portfolio/weeklyLogSchemas.js';
import { type Template, templateLimits } from '../templates/template.js';
import { templateIdSchema, templateSchema } from '../templates/templateSchemas.js';
import type { PlanToReview } from '../plans/planReview.js';
import type { Coverage } from '../evidence/coverage.js';
import type { EvidenceItem } from '../evidence/evidenceList.js';
import type { EvidenceTag, Framework } from '../frameworks/framework.js';
import { frameworkIdSchema, frameworkSchema } from '../frameworks/frameworkSchemas.js';
import { entryTagsSchema } from '../portfolio/weeklyLogSchemas.js';
import { type ExportPreview, exportOptionsSchema } from '../export/exportOptions.js';
import type { OperationName } from './operationNames.js';
import { findingKinds } from '../privacy/findings.js';
import type { OutgoingCheck } from '../privacy/outgoing.js';
import { type DismissedFinding, privacyLimits, privacyListsSchema } from '../privacy/privacySettings.js';
import type { ProtectionState } from '../store/portfolioStore.js';
import {
  type MentorComment,
  type ReceivedComment,
  type ReceivedSignOff,
  type Reviewer,
  type SharedEntry,
  type SignOff,
  type FeedbackImportRecord,
  passphraseSchema,
  reviewerSchema,
  shareSelectionSchema,
  sharingLimits,
  textAnchorSchema,
} from '../share/sharing.js';
import type { SentState } from '../share/review.js';
import type { MergeCounts } from '../share/mergeFeedback.js';
import type { Result } from './result.js';

/** Larger framework files are refused before they are read. */
export const maxFrameworkFileChars = 2_000_000;

/** Larger template files are refused before they are read. */
export const maxTemplateFileChars = templateLimits.maxFileChars;

/** An export job's id, as main hands it out. */
export const exportJobIdSchema = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/);

/**
 * The one list of operations the page may ask for. Electron's main process and the loopback web
 * server both check every argument against these schemas before a handler runs.
 */
/** The fingerprint of the privacy findings the user saw and confirmed, or null when asking for the first time. */
const confirmedFindingsSchema = z.string().regex(/^[0-9a-f]{1,32}$/).nullable().default(null);

export const apiInputs = {
  'app.info': z.object({}).strict(),
  'portfolio.status': z.object({}).strict(),
  'backups.list': z.object({}).strict(),
  'backups.restore': z.object({ backupId: z.string().min(1).max(200).regex(/^[A-Za-z0-9._-]+$/) }).strict(),
  'timeline.get': z.object({}).strict(),
  'week.get': z.object({ weekStart: weekStartSchema }).strict(),
  'week.save': z.object({ weekStart: weekStartSchema, sections: sectionsSchema }).strict(),
  'week.setPlanReview': z
    .object({ weekStart: weekStartSchema, planId: itemIdSchema, status: z.enum(planReviewStatuses).nullable() })
    .strict(),
  'ideas.list': z.object({}).strict(),
  'ideas.setStatus': z.object({ ideaId: itemIdSchema, status: z.enum(ideaStatuses) }).strict(),
  'settings.get': z.object({}).strict(),
  'settings.update': portfolioSettingsSchema.strict(),
  'week.setTags': z.object({ weekStart: weekStartSchema, tags: entryTagsSchema }).strict(),
  'frameworks.list': z.object({}).strict(),
  'frameworks.addBuiltIn': z.object({ builtInId: frameworkIdSchema }).strict(),
  'frameworks.save': z.object({ framework: frameworkSchema }).strict(),
  'frameworks.import': z.object({ format: z.enum(['csv', 'json']), text: z.string().max(maxFrameworkFileChars) }).strict(),
  'frameworks.exportFile': z.object({ frameworkId: frameworkIdSchema }).strict(),
  'evidence.coverage': z.object({ frameworkId: frameworkIdSchema, from: weekStartSchema.nullable(), to: weekStartSchema.nullable() }).strict(),
  'evidence.list': z
    .object({
      frameworkId: frameworkIdSchema,
      outcomeId: frameworkIdSchema,
      criterionId: frameworkIdSchema.nullable(),
      from: weekStartSchema.nullable(),
      to: weekStartSchema.nullable(),
      entryId: itemIdSchema.optional(),
    })
    .strict(),
  'week.setCpd': z.object({ weekStart: weekStartSchema, cpd: cpdRecordSchema.nullable() }).strict(),
  'entry.create': z.object({ date: calendarDateSchema, templateId: templateIdSchema, title: entryTitleSchema }).strict(),
  'entry.get': z.object({ entryId: itemIdSchema }).strict(),
  'entry.save': z.object({ entryId: itemIdSchema, sections: entrySectionsSchema }).strict(),
  'entry.setDetails': z.object({ entryId: itemIdSchema, title: entryTitleSchema, date: calendarDateSchema }).strict(),
  'entry.setTags': z.object({ entryId: itemIdSchema, tags: entryTagsSchema }).strict(),
  'entry.setCpd': z.object({ entryId: itemIdSchema, cpd: cpdRecordSchema.nullable() }).strict(),
  'entry.switchTemplate': z.object({ entryId: itemIdSchema, templateId: templateIdSchema }).strict(),
  'entry.delete': z.object({ entryId: itemIdSchema }).strict(),
  'entry.restore': z.object({ entryId: itemIdSchema }).strict(),
  'templates.list': z.object({}).strict(),
  'templates.create': z.object({ fromTemplateId: templateIdSchema.nullable() }).strict(),
  'templates.save': z.object({ template: templateSchema }).strict(),
  'templates.delete': z.object({ templateId: templateIdSchema }).strict(),
  'templates.import': z.object({ text: z.string().max(maxTemplateFileChars) }).strict(),
  'templates.exportFile': z.object({ templateId: templateIdSchema }).strict(),
  'cpd.summary': z.object({ from: calendarDateSchema.nullable(), to: calendarDateSchema.nullable() }).strict(),
  'export.preview': z.object({ options: exportOptionsSchema }).strict(),
  'export.start': z.object({ options: exportOptionsSchema }).strict(),
  'export.progress': z.object({ jobId: exportJobIdSchema }).strict(),
  'export.cancel': z.object({ jobId: exportJobIdSchema }).strict(),
  'export.take': z.object({ jobId: exportJobIdSchema, confirmedFindings: confirmedFindingsSchema }).strict(),
  'share.preview': z.object({ selection: shareSelectionSchema }).strict(),
  'share.create': z
    .object({ selection: shareSelectionSchema, authorName: reviewerSchema.shape.name, passphrase: passphraseSchema.nullable(), confirmedFindings: confirmedFindingsSchema })
    .strict(),
  'feedback.import': z.object({ text: z.string().max(sharingLimits.maxFileChars), passphrase: z.string().max(sharingLimits.passphraseMax).nullable() }).strict(),
  'feedback.overview': z.object({}).strict(),
  'feedback.forEntry': z.object({ entryId: itemIdSchema }).strict(),
  'feedback.reply': z.object({ commentId: itemIdSchema, text: z.string().trim().min(1, 'a reply needs some words').max(sharingLimits.replyText) }).strict(),
  'feedback.setResolved': z.object({ commentId: itemIdSchema, resolved: z.boolean() }).strict(),
  'review.open': z.object({ text: z.string().max(sharingLimits.maxFileChars), passphrase: z.string().max(sharingLimits.passphraseMax).nullable() }).strict(),
  'review.list': z.object({}).strict(),
  'review.get': z.object({ reviewId: itemIdSchema }).strict(),
  'review.entry': z.object({ reviewId: itemIdSchema, entryId: itemIdSchema }).strict(),
  'review.coverage': z.object({ reviewId: itemIdSchema, frameworkId: frameworkIdSchema }).strict(),
  'review.evidence': z
    .object({ reviewId: itemIdSchema, frameworkId: frameworkIdSchema, outcomeId: frameworkIdSchema, criterionId: frameworkIdSchema.nullable(), entryId: itemIdSchema.optional() })
    .strict(),
  'review.setReviewer': z.object({ reviewId: itemIdSchema, reviewer: reviewerSchema }).strict(),
  'review.saveComment': z
    .object({
      reviewId: itemIdSchema,
      /** Null for a new comment. */
      commentId: itemIdSchema.nullable(),
      entryId: itemIdSchema,
      anchor: textAnchorSchema.nullable(),
      text: z.string().trim().min(1, 'a comment needs some words').max(sharingLimits.commentText),
    })
    .strict(),
  'review.deleteComment': z.object({ reviewId: itemIdSchema, commentId: itemIdSchema }).strict(),
  'review.saveSignOff': z
    .object({
      reviewId: itemIdSchema,
      /** Null for a new sign-off. */
      signOffId: itemIdSchema.nullable(),
      frameworkId: frameworkIdSchema,
      outcomeId: frameworkIdSchema,
      criterionId: frameworkIdSchema.nullable(),
      statement: z.string().trim().min(1, 'a statement is needed').max(sharingLimits.statement),
      date: calendarDateSchema,
      signer: reviewerSchema,
    })
    .strict(),
  'review.deleteSignOff': z.object({ reviewId: itemIdSchema, signOffId: itemIdSchema }).strict(),
  'review.feedbackFile': z.object({ reviewId: itemIdSchema, passphrase: passphraseSchema.nullable(), confirmedFindings: confirmedFindingsSchema }).strict(),
  'review.remove': z.object({ reviewId: itemIdSchema }).strict(),
  'privacy.get': z.object({}).strict(),
  'privacy.setLists': privacyListsSchema.strict(),
  'privacy.dismiss': z
    .object({
      entryId: itemIdSchema,
      kind: z.enum(findingKinds),
      text: z.string().min(1).max(privacyLimits.findingText),
      before: z.string().max(privacyLimits.context),
      after: z.string().max(privacyLimits.context),
    })
    .strict(),
  'privacy.undismiss': z.object({ dismissalId: z.string().min(1).max(64) }).strict(),
  'portfolio.unlock': z.object({ passphrase: z.string().min(1).max(sharingLimits.passphraseMax), remember: z.boolean() }).strict(),
  'security.get': z.object({}).strict(),
  'security.setPassphrase': z.object({ passphrase: passphraseSchema, remember: z.boolean() }).strict(),
  'security.changePassphrase': z.object({ current: z.string().min(1).max(sharingLimits.passphraseMax), next: passphraseSchema, remember: z.boolean() }).strict(),
  'security.removePassphrase': z.object({ current: z.string().min(1).max(sharingLimits.passphraseMax) }).strict(),
  'security.setRemembered': z.object({ remember: z.boolean() }).strict(),
  'security.plainCopy': z.object({}).strict(),
} as const;


export { desktopBridgeKey, ipcChannels, isOperationName, type OperationName, operationNames } from './operationNames.js';

export interface AppInfo {
  productName: string;
  version: string;
  mode: 'desktop' | 'web';
  /** Where the portfolio folder is, to show the user. */
  portfolioFolder: string;
}

export interface BackupInfo {
  id: string;
  savedAt: string;
  sizeBytes: number;
  /** False when the backup itself cannot be read as a portfolio. */
  usable: boolean;
}

export type PortfolioStatus =
  | { state: 'ready'; portfolioId: string; restoredFrom: string | null }
  /** The portfolio is encrypted at rest and waits for its passphrase (`portfolio.unlock`). */
  | { state: 'locked' }
  | {
      state: 'damaged';
      /** A plain sentence saying what is wrong with the file. */
      problem: string;
      /** Where the damaged file was copied, byte for byte, before anything else happened. */
      quarantinedAs: string | null;
      backups: BackupInfo[];
    };

export interface TimelineWeek {
  weekStart: CalendarDate;
  ideaCount: number;
  planCount: number;
  words: number;
}

/** A reflection as the timeline lists it, under the week holding its date. */
export interface TimelineReflection {
  entryId: string;
  date: CalendarDate;
  weekStart: CalendarDate;
  title: string;
  templateName: string;
  words: number;
}

export interface Timeline {
  /** Weeks that have a log, oldest first. Weeks not listed have no log. */
  weeksWithLogs: TimelineWeek[];
  /** Every reflection, oldest first. */
  reflections: TimelineReflection[];
}

/** An entry with the template (the very version) it was written with. */
export interface EntryView {
  entry: Entry;
  template: Template;
}

export interface SavedEntry {
  entryId: string;
  savedAt: string;
  words: number;
}

export interface SwitchedEntry extends EntryView {
  /** Titles of sections that received text from a section of the old template with another id. */
  moved: string[];
  /** Some text had no matching section and is in Other notes. */
  usedOtherNotes: boolean;
}

export interface TemplatesOverview {
  /** The templates shipped with the app, newest version of each. */
  builtIns: Template[];
  /** The user's own templates, newest version of each, in the order they were made. */
  custom: Template[];
  /** How many entries were written with each template id (any version). */
  usage: Record<string, number>;
}

export type TemplateImportOutcome = { imported: true; template: Template } | { imported: false; problems: string[] };

export interface TemplateFile {
  fileName: string;
  text: string;
}

/** One entry's CPD time, as the CPD summary lists it. */
export interface CpdLine {
  entryId: string;
  kind: EntryKind;
  date: CalendarDate;
  weekStart: CalendarDate;
  title: string;
  templateName: string;
  minutes: number;
  participatory: boolean;
  activityType: CpdActivityType | null;
}

/** Where an export is. `done` and `total` count entries or outcomes laid out; writing the file is the last step. */
export interface ExportProgress {
  state: 'running' | 'done' | 'failed' | 'cancelled';
  stage: 'reading' | 'laying-out' | 'writing';
  done: number;
  total: number;
  /** Why it failed, as a plain sentence; null otherwise. */
  message: string | null;
}

/** A finished Word file, handed to the page once (base64, so it crosses as JSON). */
export interface ExportedFile {
  fileName: string;
  base64: string;
  bytes: number;
}

export interface CpdSummary {
  from: CalendarDate | null;
  to: CalendarDate | null;
  /** Entries with CPD time in the period, oldest first. */
  lines: CpdLine[];
  totalMinutes: number;
  participatoryMinutes: number;
  /** Minutes per activity type; entries with no type are under 'unspecified'. */
  byType: Record<CpdActivityType | 'unspecified', number>;
}

export interface WeekView {
  weekStart: CalendarDate;
  entry: WeeklyLog | null;
  /** The number the first idea written this week gets. */
  firstIdeaNumber: number;
  plansToReview: PlanToReview[];
}

export interface SavedWeek {
  entryId: string;
  savedAt: string;
  firstIdeaNumber: number;
}

/** A framework shipped with the app, as the picker lists it. */
export interface BuiltInFrameworkListing {
  id: string;
  title: string;
  summary: string;
  version: number;
  /** The portfolio already holds a copy (perhaps archived). */
  added: boolean;
}

export interface FrameworksOverview {
  /** The portfolio's frameworks, archived ones included, in the user's order. */
  frameworks: Framework[];
  builtIns: BuiltInFrameworkListing[];
}

/** What importing a framework file gave: the new framework, or every problem found (nothing imported). */
export type FrameworkImportOutcome = { imported: true; framework: Framework; warnings: string[] } | { imported: false; problems: string[] };

export interface FrameworkFile {
  /** A suggested file name, e.g. "unit-26-supporting-team-working.framework.json". */
  fileName: string;
  text: string;
}

export interface EvidenceList {
  items: EvidenceItem[];
}

/** What a share file would hold, before it is saved. */
export interface SharePreview {
  /** What is shared, in words, as the file and the mentor see it. */
  description: string;
  weeklyLogs: number;
  reflections: number;
  words: number;
  /** Display names of the frameworks the entries are tagged against. */
  frameworks: string[];
  /** The suggested file name without the author's name, which the page adds as it is typed ("portfolio-share-2019-10-27.rpshare"). */
  fileName: string;
}

/**
 * A file about to leave the machine. When the privacy check finds possible identifiers in it, the
 * file is held back and the findings come instead; asking again with the check's fingerprint as
 * `confirmedFindings` (the user's explicit "go on") gives the file, unless the findings changed.
 */
export type Outgoing<T> = ({ state: 'file' } & T) | { state: 'check'; check: OutgoingCheck };

/** The privacy check's lists and the occurrences dismissed in the editor. */
export interface PrivacyOverview {
  alwaysFlag: string[];
  neverFlag: string[];
  dismissed: DismissedFinding[];
}

/** A file made for the user to save (base64, so it crosses as JSON). */
export interface SavedFile {
  fileName: string;
  base64: string;
  bytes: number;
}

/** A mentor's review of one share file, as the Mentoring page lists it. */
export interface ReviewSummary {
  reviewId: string;
  authorName: string;
  description: string;
  sharedAt: string;
  openedAt: string;
  entries: number;
  comments: number;
  signOffs: number;
  /** When the last feedback file was saved; null if none yet. */
  lastSentAt: string | null;
  /** Comments and sign-offs new or changed since the last feedback file, and deletions to send. */
  unsent: number;
}

/** An entry of a share file, as the mentor's timeline lists it. */
export interface ReviewEntryListing {
  entryId: string;
  kind: EntryKind;
  weekStart: CalendarDate;
  date: CalendarDate;
  title: string;
  templateName: string;
  words: number;
  comments: number;
}

export type ReviewComment = MentorComment & { sent: SentState };
export type ReviewSignOff = SignOff & { sent: SentState };

export interface ReviewView {
  summary: ReviewSummary;
  /** Oldest first. */
  entries: ReviewEntryListing[];
  frameworks: Framework[];
  reviewer: Reviewer | null;
  comments: ReviewComment[];
  signOffs: ReviewSignOff[];
}

export interface ReviewEntryView {
  entry: SharedEntry;
  template: Template;
  comments: ReviewComment[];
}

export interface FeedbackImportOutcome {
  reviewerName: string;
  revision: number;
  comments: MergeCounts;
  signOffs: MergeCounts;
  /** The file held nothing new (it had been imported before): nothing changed. */
  changedNothing: boolean;
}

/** Where a received comment's passage is in the entry now. */
export type CommentPlace =
  | { state: 'exact' | 'edited'; sectionId: string; sectionTitle: string; text: string }
  /** The passage is gone (or the comment was on the whole entry): it belongs to the entry. */
  | { state: 'gone' | 'whole-entry' }
  /** The entry was deleted. */
  | { state: 'no-entry' };

export interface FeedbackCommentView extends ReceivedComment {
  entry: { kind: EntryKind; date: CalendarDate; weekStart: CalendarDate; title: string } | null;
  place: CommentPlace;
}

export interface FeedbackSignOffView extends ReceivedSignOff {
  /** "Unit 26 Supporting team working: LO2 (2.1)", or what is known if the framework changed. */
  label: string;
}

export interface FeedbackOverview {
  /** Oldest entry first, then in the order written. */
  comments: FeedbackCommentView[];
  signOffs: FeedbackSignOffView[];
  imports: FeedbackImportRecord[];
}

export interface ApiOutputs {
  'app.info': AppInfo;
  'portfolio.status': PortfolioStatus;
  'backups.list': BackupInfo[];
  'backups.restore': PortfolioStatus;
  'timeline.get': Timeline;
  'week.get': WeekView;
  'week.save': SavedWeek;
  'week.setPlanReview': PlanToReview[];
  'ideas.list': NumberedIdea[];
  'ideas.setStatus': NumberedIdea;
  'settings.get': PortfolioSettings;
  'settings.update': PortfolioSettings;
  'week.setTags': EvidenceTag[];
  'frameworks.list': FrameworksOverview;
  'frameworks.addBuiltIn': Framework;
  'frameworks.save': Framework;
  'frameworks.import': FrameworkImportOutcome;
  'frameworks.exportFile': FrameworkFile;
  'evidence.coverage': Coverage;
  'evidence.list': EvidenceList;
  'week.setCpd': CpdRecord | null;
  'entry.create': EntryView;
  'entry.get': EntryView;
  'entry.save': SavedEntry;
  'entry.setDetails': EntryView;
  'entry.setTags': EvidenceTag[];
  'entry.setCpd': CpdRecord | null;
  'entry.switchTemplate': SwitchedEntry;
  'entry.delete': { deleted: true };
  'entry.restore': EntryView;
  'templates.list': TemplatesOverview;
  'templates.create': Template;
  'templates.save': Template;
  'templates.delete': { deleted: true };
  'templates.import': TemplateImportOutcome;
  'templates.exportFile': TemplateFile;
  'cpd.summary': CpdSummary;
  'export.preview': ExportPreview;
  'export.start': { jobId: string };
  'export.progress': ExportProgress;
  'export.cancel': { cancelled: boolean };
  'export.take': Outgoing<ExportedFile>;
  'share.preview': SharePreview;
  'share.create': Outgoing<SavedFile>;
  'feedback.import': FeedbackImportOutcome;
  'feedback.overview': FeedbackOverview;
  'feedback.forEntry': ReceivedComment[];
  'feedback.reply': ReceivedComment;
  'feedback.setResolved': ReceivedComment;
  'review.open': ReviewSummary;
  'review.list': ReviewSummary[];
  'review.get': ReviewView;
  'review.entry': ReviewEntryView;
  'review.coverage': Coverage;
  'review.evidence': EvidenceList;
  'review.setReviewer': Reviewer;
  'review.saveComment': ReviewComment;
  'review.deleteComment': { deleted: true };
  'review.saveSignOff': ReviewSignOff;
  'review.deleteSignOff': { deleted: true };
  'review.feedbackFile': Outgoing<SavedFile & { revision: number }>;
  'review.remove': { removed: true };
  'privacy.get': PrivacyOverview;
  'privacy.setLists': PrivacyOverview;
  'privacy.dismiss': DismissedFinding;
  'privacy.undismiss': PrivacyOverview;
  'portfolio.unlock': PortfolioStatus;
  'security.get': ProtectionState;
  'security.setPassphrase': ProtectionState;
  'security.changePassphrase': ProtectionState;
  'security.removePassphrase': ProtectionState;
  'security.setRemembered': ProtectionState;
  'security.plainCopy': SavedFile;
}

export type ApiInput<K extends OperationName> = z.input<(typeof apiInputs)[K]>;
export type ApiArgument<K extends OperationName> = z.output<(typeof apiInputs)[K]>;

/** What main (or the web server) implements: arguments arrive already checked. */
export type ApiHandlers = { [K in OperationName]: (argument: ApiArgument<K>) => Promise<Result<ApiOutputs[K]>> };

/** What the page calls. */
export interface ApiClient {
  call<K extends OperationName>(name: K, argument: ApiInput<K>): Promise<Result<ApiOutputs[K]>>;
}

/** Messages main sends the page (desktop only). */
export const apiEvents = ['app.before-close', 'app.open-file'] as const;
export type ApiEventName = (typeof apiEvents)[number];

/** What the Electron preload puts on `window.reflectivePortfolio`, and nothing more. */
export interface DesktopBridge extends ApiClient {
  /** Main asks the page to save before the window closes; `done` tells main it may close. */
  onBeforeClose(listener: () => Promise<void>): void;
  /**
   * A share or feedback file the user opened from the File menu or by double-clicking it; files
   * opened before a listener is set are kept and handed to it when it is.
   */
  onOpenFile(listener: (file: OpenedFile) => void): void;
}

/** A file main read for the page (size-checked; its content is still untrusted). */
export interface OpenedFile {
  kind: 'share' | 'feedback';
  name: string;
  text: string;
}

export function isOpenedFile(value: unknown): value is OpenedFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Record<string, unknown>;
  return (file['kind'] === 'share' || file['kind'] === 'feedback') && typeof file['name'] === 'string' && typeof file['text'] === 'string' && file['text'].length <= sharingLimits.maxFileChars;
}


/** Compile-time check that the names, the schemas and the output types list the same operations. */
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : never) : never;
const contractIsComplete: SameKeys<typeof apiInputs, ApiOutputs> & SameKeys<typeof apiInputs, Record<OperationName, unknown>> = true;
void contractIsComplete;
