import type { ApiHandlers, ReviewComment, ReviewEntryListing, ReviewSignOff, ReviewSummary } from '../api/contract.js';
import { checkOutgoing, confirmationStands } from '../privacy/outgoing.js';
import { feedbackPieces, withOwnName } from '../privacy/outgoingPieces.js';
import { type PortfolioPrivacy, emptyPrivacy } from '../privacy/privacySettings.js';
import { type Result, failure, ok } from '../api/result.js';
import { todayAsCalendarDate } from '../dates/weeks.js';
import { coverage } from '../evidence/coverage.js';
import { type EvidenceItem, entriesWithEvidence, evidenceInEntry } from '../evidence/evidenceList.js';
import { summariseSections } from '../portfolio/entrySummary.js';
import type { EntryRecord } from '../portfolio/weeklyLog.js';
import { type Review, sentState } from '../share/review.js';
import { readSealedFile, writeSealedFile } from '../share/sealedFile.js';
import { sharingFileName } from '../share/shareBuilder.js';
import { type FeedbackPayload, type SharedEntry, sharePayloadSchema, sharingLimits } from '../share/sharing.js';
import { type Template, otherNotesSection } from '../templates/template.js';
import { type SharingService, fileProblem, savedFile, sharingUnavailable } from './sharingHandlers.js';

type ReviewHandlers = Pick<
  ApiHandlers,
  | 'review.open'
  | 'review.list'
  | 'review.get'
  | 'review.entry'
  | 'review.coverage'
  | 'review.evidence'
  | 'review.setReviewer'
  | 'review.saveComment'
  | 'review.deleteComment'
  | 'review.saveSignOff'
  | 'review.deleteSignOff'
  | 'review.feedbackFile'
  | 'review.remove'
>;

/** What a withdrawn item's entry in `sent.items` says once a file has carried the withdrawal. */
const withdrawnMark = 'withdrawn';

const noReview = () => failure<never>('not-found', 'That review is no longer here: it may have been removed.');
const noEntry = () => failure<never>('not-found', 'That entry is not in the shared portfolio.');

function summaryOf(review: Review): ReviewSummary {
  const unsentItems = [...review.comments, ...review.signOffs].filter((item) => sentState(review, item) !== 'sent').length;
  const withdrawnToSend = review.withdrawn.filter((id) => review.sent?.items[id] !== withdrawnMark).length;
  return {
    reviewId: review.reviewId,
    authorName: review.share.author.name,
    description: review.share.description,
    sharedAt: review.share.createdAt,
    openedAt: review.openedAt,
    entries: review.share.entries.length,
    comments: review.comments.length,
    signOffs: review.signOffs.length,
    lastSentAt: review.sent?.at ?? null,
    unsent: unsentItems + withdrawnToSend,
  };
}

/** The template an entry was written with, as the share file carries it; a plain one from its sections if missing. */
function templateOf(review: Review, entry: SharedEntry): Template {
  const found = review.share.templates.find((template) => template.id === entry.template.id && template.version === entry.template.version);
  if (found) return found;
  return {
    id: entry.template.id,
    version: entry.template.version,
    name: 'Template not in the shared file',
    summary: '',
    sections: Object.keys(entry.sections).map((id) => ({ id, title: id, prompt: '', role: 'other' as const })),
    notice: null,
    linkedFramework: null,
    asksForCpd: false,
  };
}

/** A shared entry as the coverage and evidence functions take it: with the summary derived from its text. */
function asRecord(entry: SharedEntry): EntryRecord {
  const { sections, firstIdeaNumber: _first, ...fields } = entry;
  return { ...fields, createdAt: entry.updatedAt, body: 'shared', summary: summariseSections(sections, entry.kind) };
}

/** A time later than `previous`, so the newer of two copies of an item can always be told apart. */
function stampAfter(now: Date, previous: string | null): string {
  const stamp = now.toISOString();
  if (previous === null || stamp > previous) return stamp;
  return new Date(Date.parse(previous) + 1).toISOString();
}

/**
 * `privacy` gives the privacy lists of the portfolio open beside the reviews (the mentor's own), for
 * the check before a feedback file is saved.
 */
export function createReviewHandlers(sharing: SharingService | undefined, newId: () => string, now: () => Date, privacy: () => PortfolioPrivacy = emptyPrivacy): ReviewHandlers {
  /** Changes to one review run one after another, so two quick saves cannot lose each other. */
  const queues = new Map<string, Promise<unknown>>();
  /** A review's shared entries never change, so their derived records are made once. */
  const records = new Map<string, EntryRecord[]>();

  const recordsOf = (review: Review) => {
    const cached = records.get(review.reviewId);
    if (cached) return cached;
    const derived = review.share.entries.map(asRecord);
    records.set(review.reviewId, derived);
    return derived;
  };

  const read = async <T>(reviewId: string, work: (review: Review, service: SharingService) => Promise<Result<T>> | Result<T>): Promise<Result<T>> => {
    if (!sharing) return sharingUnavailable();
    const review = await sharing.reviews.get(reviewId);
    if (!review) return noReview();
    return work(review, sharing);
  };

  const change = <T>(reviewId: string, work: (review: Review, service: SharingService) => Result<{ review: Review; answer: T }> | Promise<Result<{ review: Review; answer: T }>>): Promise<Result<T>> => {
    const run = async (): Promise<Result<T>> => {
      if (!sharing) return sharingUnavailable();
      const review = await sharing.reviews.get(reviewId);
      if (!review) return noReview();
      const outcome = await work(review, sharing);
      if (!outcome.ok) return outcome;
      if (outcome.value.review !== review) await sharing.reviews.put(outcome.value.review);
      return ok(outcome.value.answer);
    };
    const previous = queues.get(reviewId) ?? Promise.resolve();
    const next = previous.then(run, run);
    queues.set(reviewId, next);
    void next.finally(() => {
      if (queues.get(reviewId) === next) queues.delete(reviewId);
    });
    return next;
  };

  const withSent = <T extends { id: string; updatedAt: string }>(review: Review, item: T): T & { sent: ReturnType<typeof sentState> } => ({ ...item, sent: sentState(review, item) });

  /** Deleting an item already sent makes the next feedback file withdraw it. */
  const withdrawIfSent = (review: Review, id: string) => (review.sent && Object.hasOwn(review.sent.items, id) && !review.withdrawn.includes(id) ? [...review.withdrawn, id] : review.withdrawn);

  return {
    'review.open': async ({ text, passphrase }) => {
      if (!sharing) return sharingUnavailable();
      const opened = await readSealedFile('share', text, passphrase, sharing.crypto, sharePayloadSchema);
      if (!opened.ok) return fileProblem(opened.problem);
      const share = opened.value;
      if (new Set(share.entries.map((entry) => entry.id)).size !== share.entries.length) {
        return failure('invalid-file', 'This share file lists one entry twice, so it cannot be trusted. Ask for it to be sent again.');
      }
      const existing = await sharing.reviews.get(share.shareId);
      if (existing) return ok(summaryOf(existing));
      const review: Review = {
        reviewId: share.shareId,
        openedAt: now().toISOString(),
        share,
        feedbackId: newId(),
        reviewer: null,
        comments: [],
        signOffs: [],
        withdrawn: [],
        sent: null,
      };
      await sharing.reviews.put(review);
      return ok(summaryOf(review));
    },
    'review.list': async () => {
      if (!sharing) return sharingUnavailable();
      const reviews = await sharing.reviews.list();
      return ok(reviews.map(summaryOf).sort((a, b) => (a.openedAt < b.openedAt ? 1 : a.openedAt > b.openedAt ? -1 : 0)));
    },
    'review.get': async ({ reviewId }) =>
      read(reviewId, (review) => {
        const commentCounts = new Map<string, number>();
        for (const comment of review.comments) commentCounts.set(comment.entryId, (commentCounts.get(comment.entryId) ?? 0) + 1);
        const derived = recordsOf(review);
        const entries: ReviewEntryListing[] = review.share.entries.map((entry, index) => ({
          entryId: entry.id,
          kind: entry.kind,
          weekStart: entry.weekStart,
          date: entry.date,
          title: entry.title,
          templateName: templateOf(review, entry).name,
          words: derived[index]?.summary.words ?? 0,
          comments: commentCounts.get(entry.id) ?? 0,
        }));
        return ok({
          summary: summaryOf(review),
          entries,
          frameworks: review.share.frameworks,
          reviewer: review.reviewer,
          comments: review.comments.map((comment) => withSent(review, comment)),
          signOffs: review.signOffs.map((signOff) => withSent(review, signOff)),
        });
      }),
    'review.entry': async ({ reviewId, entryId }) =>
      read(reviewId, (review) => {
        const entry = review.share.entries.find((candidate) => candidate.id === entryId);
        if (!entry) return noEntry();
        return ok({ entry, template: templateOf(review, entry), comments: review.comments.filter((comment) => comment.entryId === entryId).map((comment) => withSent(review, comment)) });
      }),
    'review.coverage': async ({ reviewId, frameworkId }) =>
      read(reviewId, (review) => {
        const framework = review.share.frameworks.find((candidate) => candidate.id === frameworkId);
        if (!framework) return failure('not-found', 'That framework is not in the shared portfolio.');
        return ok(coverage(framework, recordsOf(review), { from: null, to: null }));
      }),
    'review.evidence': async ({ reviewId, frameworkId, outcomeId, criterionId, entryId }) =>
      read(reviewId, (review) => {
        const framework = review.share.frameworks.find((candidate) => candidate.id === frameworkId);
        if (!framework) return failure('not-found', 'That framework is not in the shared portfolio.');
        const outcome = framework.outcomes.find((candidate) => candidate.id === outcomeId);
        if (!outcome || (criterionId !== null && !outcome.criteria.some((criterion) => criterion.id === criterionId))) return failure('not-found', 'That outcome is not in this framework.');
        const query = { framework: frameworkId, outcome: outcomeId, criterion: criterionId, range: { from: null, to: null }, ...(entryId === undefined ? {} : { entryId }) };
        const byId = new Map(review.share.entries.map((entry) => [entry.id, entry]));
        const items: EvidenceItem[] = [];
        for (const record of entriesWithEvidence(framework, recordsOf(review), query)) {
          const entry = byId.get(record.id);
          if (!entry) continue;
          const template = templateOf(review, entry);
          const titleOf = (sectionId: string) => [...template.sections, otherNotesSection].find((section) => section.id === sectionId)?.title ?? sectionId;
          items.push(...evidenceInEntry(framework, record, entry.sections, query, titleOf));
        }
        return ok({ items });
      }),
    'review.setReviewer': async ({ reviewId, reviewer }) => change(reviewId, (review) => ok({ review: { ...review, reviewer }, answer: reviewer })),
    'review.saveComment': async ({ reviewId, commentId, entryId, anchor, text }) =>
      change(reviewId, (review) => {
        const entry = review.share.entries.find((candidate) => candidate.id === entryId);
        if (!entry) return noEntry();
        if (anchor && !Object.hasOwn(entry.sections, anchor.sectionId)) return failure('invalid-argument', 'That passage is not in this entry.');
        const stamp = now();
        if (commentId === null) {
          if (review.comments.length >= sharingLimits.comments) return failure('invalid-argument', `A review can hold at most ${sharingLimits.comments} comments.`);
          const comment = { id: newId(), entryId, anchor, text: text.trim(), createdAt: stamp.toISOString(), updatedAt: stamp.toISOString() };
          return ok({ review: { ...review, comments: [...review.comments, comment] }, answer: withSent(review, comment) as ReviewComment });
        }
        const current = review.comments.find((comment) => comment.id === commentId);
        if (!current || current.entryId !== entryId) return failure('not-found', 'That comment is no longer in this review.');
        const updated = { ...current, anchor, text: text.trim(), updatedAt: stampAfter(stamp, current.updatedAt) };
        const next = { ...review, comments: review.comments.map((comment) => (comment.id === commentId ? updated : comment)) };
        return ok({ review: next, answer: withSent(next, updated) as ReviewComment });
      }),
    'review.deleteComment': async ({ reviewId, commentId }) =>
      change(reviewId, (review) => {
        if (!review.comments.some((comment) => comment.id === commentId)) return failure('not-found', 'That comment is no longer in this review.');
        return ok({ review: { ...review, comments: review.comments.filter((comment) => comment.id !== commentId), withdrawn: withdrawIfSent(review, commentId) }, answer: { deleted: true as const } });
      }),
    'review.saveSignOff': async ({ reviewId, signOffId, frameworkId, outcomeId, criterionId, statement, date, signer }) =>
      change(reviewId, (review) => {
        const framework = review.share.frameworks.find((candidate) => candidate.id === frameworkId);
        const outcome = framework?.outcomes.find((candidate) => candidate.id === outcomeId);
        if (!outcome || (criterionId !== null && !outcome.criteria.some((criterion) => criterion.id === criterionId))) {
          return failure('not-found', 'That outcome is not in the shared frameworks.');
        }
        const stamp = now();
        const fields = { frameworkId, outcomeId, criterionId, statement: statement.trim(), date, signer };
        if (signOffId === null) {
          if (review.signOffs.length >= sharingLimits.signOffs) return failure('invalid-argument', `A review can hold at most ${sharingLimits.signOffs} sign-offs.`);
          const signOff = { id: newId(), ...fields, createdAt: stamp.toISOString(), updatedAt: stamp.toISOString() };
          return ok({ review: { ...review, signOffs: [...review.signOffs, signOff] }, answer: withSent(review, signOff) as ReviewSignOff });
        }
        const current = review.signOffs.find((signOff) => signOff.id === signOffId);
        if (!current) return failure('not-found', 'That sign-off is no longer in this review.');
        const updated = { ...current, ...fields, updatedAt: stampAfter(stamp, current.updatedAt) };
        const next = { ...review, signOffs: review.signOffs.map((signOff) => (signOff.id === signOffId ? updated : signOff)) };
        return ok({ review: next, answer: withSent(next, updated) as ReviewSignOff });
      }),
    'review.deleteSignOff': async ({ reviewId, signOffId }) =>
      change(reviewId, (review) => {
        if (!review.signOffs.some((signOff) => signOff.id === signOffId)) return failure('not-found', 'That sign-off is no longer in this review.');
        return ok({ review: { ...review, signOffs: review.signOffs.filter((signOff) => signOff.id !== signOffId), withdrawn: withdrawIfSent(review, signOffId) }, answer: { deleted: true as const } });
      }),
    'review.feedbackFile': async ({ reviewId, passphrase, confirmedFindings }) =>
      change(reviewId, async (review, service) => {
        if (!review.reviewer) return failure('invalid-argument', 'Add your name and role before saving feedback, so the author knows who it is from.');
        if (review.comments.length === 0 && review.signOffs.length === 0 && review.withdrawn.length === 0) {
          return failure('invalid-argument', 'There is nothing to send yet: add a comment or sign an outcome off first.');
        }
        const stamp = now();
        const revision = (review.sent?.revision ?? 0) + 1;
        const payload: FeedbackPayload = {
          feedbackId: review.feedbackId,
          shareId: review.share.shareId,
          portfolioId: review.share.portfolioId,
          revision,
          createdAt: stamp.toISOString(),
          reviewer: review.reviewer,
          comments: review.comments,
          signOffs: review.signOffs,
          withdrawn: review.withdrawn,
        };
        // The mentor's own lists (from the portfolio open in this app), with their own name allowed.
        const check = checkOutgoing(feedbackPieces(payload, review.share), withOwnName(privacy(), review.reviewer.name));
        if (!confirmationStands(check, confirmedFindings)) return ok({ review, answer: { state: 'check' as const, check } });
        const text = await writeSealedFile({ kind: 'feedback', app: service.app, payload, passphrase, crypto: service.crypto });
        const items: Record<string, string> = {};
        for (const item of [...review.comments, ...review.signOffs]) items[item.id] = item.updatedAt;
        // Withdrawals are recorded as sent; later files still repeat them, for a copy imported out of order.
        for (const id of review.withdrawn) items[id] = withdrawnMark;
        const file = savedFile(service.crypto, sharingFileName('feedback', review.reviewer.name, todayAsCalendarDate(stamp)), text);
        return ok({ review: { ...review, sent: { revision, at: stamp.toISOString(), items } }, answer: { state: 'file' as const, ...file, revision } });
      }),
    'review.remove': async ({ reviewId }) => {
      if (!sharing) return sharingUnavailable();
      if (!(await sharing.reviews.get(reviewId))) return noReview();
      await sharing.reviews.remove(reviewId);
      records.delete(reviewId);
      return ok({ removed: true as const });
    },
  };
}
