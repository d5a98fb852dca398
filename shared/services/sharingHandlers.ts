import type { ApiHandlers, CommentPlace, FeedbackCommentView, FeedbackSignOffView, SavedFile } from '../api/contract.js';
import { checkOutgoing, confirmationStands } from '../privacy/outgoing.js';
import { sharePieces, withOwnName } from '../privacy/outgoingPieces.js';
import { type Result, failure, ok } from '../api/result.js';
import { todayAsCalendarDate } from '../dates/weeks.js';
import { frameworkDisplayName } from '../frameworks/framework.js';
import type { PortfolioData } from '../portfolio/portfolioData.js';
import type { EntrySections } from '../portfolio/weeklyLog.js';
import { resolveAnchor } from '../share/anchor.js';
import type { FileCrypto } from '../share/fileCrypto.js';
import { mergeFeedback } from '../share/mergeFeedback.js';
import type { ReviewStore } from '../share/review.js';
import { type SealedFileProblem, readSealedFile, writeSealedFile } from '../share/sealedFile.js';
import { buildSharePayload, chooseForShare, sharingFileName } from '../share/shareBuilder.js';
import { type ReceivedComment, type ReceivedSignOff, feedbackPayloadSchema, sharePayloadSchema, sharingLimits } from '../share/sharing.js';
import type { PortfolioHost } from '../store/portfolioStore.js';
import { otherNotesSection } from '../templates/template.js';
import { templateVersion } from '../templates/templateLibrary.js';
import { portfolioUnavailable } from './unavailable.js';

/** What sharing needs from the Node side: crypto primitives and where mentors' reviews are kept. */
export interface SharingService {
  crypto: FileCrypto;
  reviews: ReviewStore;
  /** The app and its version, written into files ("Reflective Portfolio 0.1.0"). */
  app: string;
}

type SharingHandlers = Pick<
  ApiHandlers,
  'share.preview' | 'share.create' | 'feedback.import' | 'feedback.overview' | 'feedback.forEntry' | 'feedback.reply' | 'feedback.setResolved'
>;

export const sharingUnavailable = () => failure<never>('internal', 'Sharing is not available in this copy of the app.');

/** A problem reading a share or feedback file, as the page is told it. */
export function fileProblem(problem: SealedFileProblem): Result<never> {
  if (problem.kind === 'passphrase-needed') return failure('passphrase-needed', problem.message);
  if (problem.kind === 'passphrase-wrong') return failure('passphrase-wrong', problem.message);
  return failure('invalid-file', problem.message);
}

/** A file made for saving, as it crosses to the page. */
export function savedFile(crypto: FileCrypto, fileName: string, text: string): SavedFile {
  const base64 = crypto.toBase64(text);
  return { fileName, base64, bytes: new TextEncoder().encode(text).length };
}

function sectionTitleOf(data: PortfolioData, entryId: string, sectionId: string): string {
  const entry = data.entries.find((candidate) => candidate.id === entryId);
  const template = entry ? templateVersion(data.templates, entry.template) : undefined;
  return [...(template?.sections ?? []), otherNotesSection].find((section) => section.id === sectionId)?.title ?? 'A section';
}

function signOffLabel(data: PortfolioData, signOff: ReceivedSignOff): string {
  const framework = data.frameworks.find((candidate) => candidate.id === signOff.frameworkId);
  const outcome = framework?.outcomes.find((candidate) => candidate.id === signOff.outcomeId);
  const criterion = signOff.criterionId === null ? null : outcome?.criteria.find((candidate) => candidate.id === signOff.criterionId);
  if (!framework || !outcome) return 'An outcome no longer in this portfolio';
  const outcomePart = `${outcome.code} ${outcome.title}`;
  if (signOff.criterionId === null) return `${frameworkDisplayName(framework)}: ${outcomePart}`;
  return `${frameworkDisplayName(framework)}: ${outcomePart}, criterion ${criterion ? criterion.code : '(no longer in the framework)'}`;
}

/** Where each comment's passage is in its entry now. */
export function placeOf(data: PortfolioData, comment: ReceivedComment, sections: Readonly<EntrySections> | null): CommentPlace {
  if (sections === null) return { state: 'no-entry' };
  if (comment.anchor === null) return { state: 'whole-entry' };
  const match = resolveAnchor(sections, comment.anchor);
  if (match.state === 'gone') return { state: 'gone' };
  return { state: match.state, sectionId: match.sectionId, sectionTitle: sectionTitleOf(data, comment.entryId, match.sectionId), text: match.text };
}

export function createSharingHandlers(host: PortfolioHost, sharing: SharingService | undefined, newId: () => string, now: () => Date): SharingHandlers {
  const findComment = (data: PortfolioData, commentId: string) => data.feedback.comments.find((comment) => comment.id === commentId);
  const changeComment = async (commentId: string, change: (comment: ReceivedComment) => ReceivedComment | string): Promise<Result<ReceivedComment>> => {
    const store = host.store();
    if (!store) return portfolioUnavailable();
    const current = findComment(store.read(), commentId);
    if (!current) return failure('not-found', 'That comment is no longer in the portfolio.');
    const changed = change(current);
    if (typeof changed === 'string') return failure('invalid-argument', changed);
    await store.update((data) => ({
      ...data,
      feedback: { ...data.feedback, comments: data.feedback.comments.map((comment) => {
          if (comment.id !== commentId) return comment;
          const applied = change(comment);
          return typeof applied === 'string' ? comment : applied;
        }),
      },
    }));
    return ok(findComment(store.read(), commentId) ?? changed);
  };

  return {
    'share.preview': async ({ selection }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      const data = store.read();
      const choice = chooseForShare(data, selection);
      if (!choice.ok) return failure('not-found', choice.message);
      return ok({
        description: choice.description,
        weeklyLogs: choice.entries.filter((entry) => entry.kind === 'weekly-log').length,
        reflections: choice.entries.filter((entry) => entry.kind === 'reflection').length,
        words: choice.entries.reduce((total, entry) => total + entry.summary.words, 0),
        frameworks: choice.frameworks.map(frameworkDisplayName),
        fileName: sharingFileName('share', '', todayAsCalendarDate(now())),
      });
    },
    'share.create': async ({ selection, authorName, passphrase, confirmedFindings }) => {
      if (!sharing) return sharingUnavailable();
      const store = host.store();
      if (!store) return portfolioUnavailable();
      const data = store.read();
      const choice = chooseForShare(data, selection);
      if (!choice.ok) return failure('not-found', choice.message);
      if (choice.entries.length === 0) return failure('invalid-argument', 'Nothing to share: no entry with any writing matches that choice.');
      const bodies = new Map<string, EntrySections>();
      for (const entry of choice.entries) bodies.set(entry.id, await store.sections(entry.id));
      const payload = buildSharePayload({ data, choice, bodies, shareId: newId(), authorName, now: now() });
      // What is written must open again: a file the mentor could not read is refused here instead.
      const checked = sharePayloadSchema.safeParse(payload);
      if (!checked.success) return failure('internal', 'The share file could not be made from these entries. Nothing was saved.');
      const check = checkOutgoing(sharePieces(payload), withOwnName(data.privacy, authorName));
      if (!confirmationStands(check, confirmedFindings)) return ok({ state: 'check' as const, check });
      const text = await writeSealedFile({ kind: 'share', app: sharing.app, payload, passphrase, crypto: sharing.crypto });
      return ok({ state: 'file' as const, ...savedFile(sharing.crypto, sharingFileName('share', authorName, todayAsCalendarDate(now())), text) });
    },
    'feedback.import': async ({ text, passphrase }) => {
      if (!sharing) return sharingUnavailable();
      const store = host.store();
      if (!store) return portfolioUnavailable();
      const read = await readSealedFile('feedback', text, passphrase, sharing.crypto, feedbackPayloadSchema);
      if (!read.ok) return fileProblem(read.problem);
      const payload = read.value;
      const data = store.read();
      if (payload.portfolioId !== data.portfolioId) {
        return failure('invalid-file', `This feedback from ${payload.reviewer.name} is for a different portfolio: it answers a share file made from another one. Nothing was imported.`);
      }
      const receivedAt = now().toISOString();
      const merged = mergeFeedback(data.feedback, payload, receivedAt);
      if (merged.feedback !== data.feedback) {
        if (merged.feedback.comments.length > 100_000 || merged.feedback.signOffs.length > 20_000) {
          return failure('invalid-file', 'This portfolio already holds as much feedback as it can. Nothing was imported.');
        }
        await store.update((current) => ({ ...current, feedback: mergeFeedback(current.feedback, payload, receivedAt).feedback }));
      }
      return ok({ reviewerName: payload.reviewer.name, revision: payload.revision, comments: merged.comments, signOffs: merged.signOffs, changedNothing: merged.changedNothing });
    },
    'feedback.overview': async () => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      const data = store.read();
      const entries = new Map(data.entries.map((entry) => [entry.id, entry]));
      const sectionsOf = new Map<string, EntrySections>();
      const comments: FeedbackCommentView[] = [];
      for (const comment of data.feedback.comments) {
        const entry = entries.get(comment.entryId);
        let sections: EntrySections | null = null;
        if (entry) {
          sections = sectionsOf.get(entry.id) ?? (await store.sections(entry.id));
          sectionsOf.set(entry.id, sections);
        }
        comments.push({
          ...comment,
          entry: entry ? { kind: entry.kind, date: entry.date, weekStart: entry.weekStart, title: entry.title } : null,
          place: placeOf(data, comment, sections),
        });
      }
      const dateOf = (view: FeedbackCommentView) => view.entry?.date ?? '9999-12-31';
      comments.sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : a.createdAt < b.createdAt ? -1 : 1));
      const signOffs: FeedbackSignOffView[] = data.feedback.signOffs.map((signOff) => ({ ...signOff, label: signOffLabel(data, signOff) }));
      return ok({ comments, signOffs, imports: data.feedback.imports });
    },
    'feedback.forEntry': async ({ entryId }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      return ok(store.read().feedback.comments.filter((comment) => comment.entryId === entryId).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1)));
    },
    'feedback.reply': async ({ commentId, text }) => {
      const reply = { id: newId(), text: text.trim(), at: now().toISOString() };
      return changeComment(commentId, (comment) =>
        comment.replies.length >= sharingLimits.replies ? `A comment can have at most ${sharingLimits.replies} replies.` : { ...comment, replies: [...comment.replies, reply] },
      );
    },
    'feedback.setResolved': async ({ commentId, resolved }) => changeComment(commentId, (comment) => ({ ...comment, resolved })),
  };
}
