import { type FileChild, Paragraph, TextRun } from 'docx';
import { type CalendarDate, formatUkDate, formatWeekCommencingLong, todayAsCalendarDate } from '../dates/weeks.js';
import { countWords } from '../document/editorJson.js';
import { type Framework, frameworkDisplayName, parseTagKey } from '../frameworks/framework.js';
import { byDate } from '../portfolio/entrySummary.js';
import type { PortfolioData } from '../portfolio/portfolioData.js';
import type { EntryRecord, EntrySections } from '../portfolio/weeklyLog.js';
import { resolveAnchor } from '../share/anchor.js';
import type { CommentReply, ReceivedComment, ReceivedSignOff, Reviewer } from '../share/sharing.js';
import { ExportGap } from './exportGap.js';
import type { FeedbackExport, FeedbackPreview } from './exportOptions.js';
import type { PackPlan } from './packPlan.js';
import { type ExportSource, coverPage, entryName, fileSlug, footerText, plural, rangeWords, sectionTitleFor, sectionsOf, shortDate } from './packParts.js';
import { signOffsOf, signedCode, signerLines, standingSignOffs } from './signOffLines.js';
import { type GridCell, type GridRow, type WordPart, gridTable, heading, linesOf, textParagraph, wordDocument, wordStyleIds } from './wordStyles.js';

/**
 * The record of what mentors sent back, for a tutor, an assessor or a portfolio of one's own:
 * a sign-off table per framework (every outcome and criterion, gaps shown as "Not signed off"),
 * then every comment under the entry it is on, oldest entry first, with the passage it was on
 * quoted and where that passage stands now, the author's replies and whether it is resolved.
 *
 * Withdrawn items (the mentor deleted them after sending) are left out and counted in a note:
 * a record of sign-offs should show only those that stand.
 */

/** The calendar day an ISO time falls on, where the export runs. */
const dayOf = (time: string): CalendarDate => todayAsCalendarDate(new Date(time));

/** Whether an entry holds evidence (a whole-entry tag or a tagged passage) for the framework. */
function holdsEvidenceFor(entry: EntryRecord, frameworkId: string): boolean {
  return entry.tags.some((tag) => tag.framework === frameworkId) || entry.summary.evidence.some((count) => parseTagKey(count.tag)?.framework === frameworkId);
}

const inRange = (day: CalendarDate, options: Pick<FeedbackExport, 'from' | 'to'>) => (options.from === null || day >= options.from) && (options.to === null || day <= options.to);

/** What the pack holds, and what it leaves out (for the preview's notes). */
interface FeedbackScope {
  framework: Framework | null;
  /** Entries with comments in the document, oldest first, each with its comments in the order written. */
  entries: { entry: EntryRecord; comments: ReceivedComment[] }[];
  /** Comments on entries no longer in the portfolio. */
  orphans: ReceivedComment[];
  comments: ReceivedComment[];
  signOffs: ReceivedSignOff[];
  /** Frameworks in the sign-off record, in the portfolio's order. */
  frameworks: Framework[];
  /** Framework ids signed against that are no longer in the portfolio. */
  lostFrameworks: string[];
  leftOut: { resolved: number; otherFramework: number; outOfRange: number; deletedEntry: number; withdrawnComments: number; withdrawnSignOffs: number };
}

function feedbackScope(data: PortfolioData, options: FeedbackExport): FeedbackScope {
  const framework = options.frameworkId === null ? null : (data.frameworks.find((candidate) => candidate.id === options.frameworkId) ?? null);
  if (options.frameworkId !== null && !framework) throw new ExportGap(`There is no framework with the id "${options.frameworkId}" in this portfolio.`);
  const limited = options.from !== null || options.to !== null;
  const entriesById = new Map(data.entries.map((entry) => [entry.id, entry]));
  const leftOut = { resolved: 0, otherFramework: 0, outOfRange: 0, deletedEntry: 0, withdrawnComments: 0, withdrawnSignOffs: 0 };
  const kept: ReceivedComment[] = [];
  for (const comment of data.feedback.comments) {
    const entry = entriesById.get(comment.entryId);
    if (comment.withdrawn) leftOut.withdrawnComments += 1;
    else if (!options.includeResolved && comment.resolved) leftOut.resolved += 1;
    // An entry since deleted has no date and no tags left: only a record of everything lists its comments.
    else if (!entry && (limited || framework)) leftOut.deletedEntry += 1;
    else if (entry && !inRange(entry.date, options)) leftOut.outOfRange += 1;
    else if (entry && framework && !holdsEvidenceFor(entry, framework.id)) leftOut.otherFramework += 1;
    else kept.push(comment);
  }
  const byWritten = (a: ReceivedComment, b: ReceivedComment) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);
  const byEntry = new Map<string, ReceivedComment[]>();
  for (const comment of kept) {
    const onEntry = byEntry.get(comment.entryId);
    if (onEntry) onEntry.push(comment);
    else byEntry.set(comment.entryId, [comment]);
  }
  const commented = byDate([...byEntry.keys()].map((id) => entriesById.get(id)).filter((entry) => entry !== undefined));
  const entries = commented.map((entry) => ({ entry, comments: (byEntry.get(entry.id) ?? []).sort(byWritten) }));
  const orphans = kept.filter((comment) => !entriesById.has(comment.entryId)).sort(byWritten);

  const signOffs = standingSignOffs(data, framework?.id ?? null);
  leftOut.withdrawnSignOffs = data.feedback.signOffs.filter((signOff) => signOff.withdrawn && (framework === null || signOff.frameworkId === framework.id)).length;
  const signed = new Set(signOffs.map((signOff) => signOff.frameworkId));
  const frameworks = framework ? [framework] : data.frameworks.filter((candidate) => signed.has(candidate.id));
  const lostFrameworks = [...signed].filter((id) => !data.frameworks.some((candidate) => candidate.id === id));
  return { framework, entries, orphans, comments: [...entries.flatMap((group) => group.comments), ...orphans], signOffs, frameworks, lostFrameworks, leftOut };
}

/** Ids of the entries whose text the pack needs: those with comments on passages, to find the passages again. */
export function feedbackEntries(data: PortfolioData, options: FeedbackExport): EntryRecord[] {
  try {
    return feedbackScope(data, options)
      .entries.filter((group) => group.comments.some((comment) => comment.anchor !== null))
      .map((group) => group.entry);
  } catch (error) {
    if (error instanceof ExportGap) return [];
    throw error;
  }
}

const reviewerName = (reviewer: Reviewer) => (reviewer.role.trim() ? `${reviewer.name} (${reviewer.role.trim()})` : reviewer.name);

/** "Jo Bloggs (Practice assessor, registration 12A3456E)", for the cover. */
function reviewerInFull(reviewer: Reviewer): string {
  const about = [reviewer.role.trim(), reviewer.registration ? `registration ${reviewer.registration.trim()}` : ''].filter((part) => part !== '');
  return about.length > 0 ? `${reviewer.name} (${about.join(', ')})` : reviewer.name;
}

/** One row per sign-off of an outcome or criterion, or one "Not signed off" row. */
function recordRows(code: string, title: string, signOffs: readonly ReceivedSignOff[], outcome: boolean): GridRow[] {
  const rows: GridCell[][] =
    signOffs.length === 0
      ? [[code, title, 'Not signed off', '', '']]
      : signOffs.map((signOff) => [
          code,
          title,
          signerLines(signOff.signer),
          shortDate(signOff.date),
          signOff.statement.trim(),
        ]);
  // An outcome's own rows stand out above its criteria; the signer and statement stay in ordinary type.
  return rows.map((cells) => (outcome ? { cells, emphasis: true, plainFrom: 2 } : cells));
}

/** The record's columns; a framework of outcomes alone heads its second column "Outcome". */
const recordColumns = (withCriteria: boolean) =>
  [
    { header: 'Code', width: 0.09 },
    { header: withCriteria ? 'Outcome or criterion' : 'Outcome', width: 0.27 },
    { header: 'Signed off by', width: 0.19 },
    { header: 'Date', width: 0.17 },
    { header: 'Statement', width: 0.28 },
  ] as const;

interface FrameworkRecord {
  rows: GridRow[];
  hasCriteria: boolean;
  outcomes: { signed: number; of: number };
  criteria: { signed: number; of: number };
  gaps: number;
}

/** Every outcome and criterion in use (archived ones only when signed off), with their sign-offs. */
function frameworkRecord(framework: Framework, signOffs: readonly ReceivedSignOff[]): FrameworkRecord {
  // Outcomes stand out above their criteria; a framework of outcomes alone has nothing to set them apart from.
  const hasCriteria = framework.outcomes.some((outcome) => outcome.criteria.length > 0);
  const record: FrameworkRecord = { rows: [], hasCriteria, outcomes: { signed: 0, of: 0 }, criteria: { signed: 0, of: 0 }, gaps: 0 };
  const count = (tally: { signed: number; of: number }, archived: boolean, signed: boolean) => {
    if (archived) return;
    tally.of += 1;
    if (signed) tally.signed += 1;
    else record.gaps += 1;
  };
  for (const outcome of framework.outcomes) {
    const own = signOffsOf(signOffs, framework.id, outcome.id, null);
    const criteria = outcome.criteria.map((criterion) => ({ criterion, own: signOffsOf(signOffs, framework.id, outcome.id, criterion.id) }));
    if (outcome.archived && own.length === 0 && criteria.every((item) => item.own.length === 0)) continue;
    count(record.outcomes, outcome.archived, own.length > 0);
    record.rows.push(...recordRows(outcome.code, outcome.archived ? `${outcome.title} (archived)` : outcome.title, own, hasCriteria));
    for (const { criterion, own: signedCriterion } of criteria) {
      const archived = outcome.archived || criterion.archived;
      if (archived && signedCriterion.length === 0) continue;
      count(record.criteria, archived, signedCriterion.length > 0);
      record.rows.push(...recordRows(criterion.code, archived ? `${criterion.text} (archived)` : criterion.text, signedCriterion, false));
    }
  }
  const gone = signOffs.filter((signOff) => signOff.frameworkId === framework.id && signedCode(framework, signOff) === null);
  for (const signOff of gone) record.rows.push(...recordRows('—', 'No longer in this framework', [signOff], false));
  return record;
}

function tally(counts: { signed: number; of: number }, one: string, many: string): string {
  return `${counts.signed.toLocaleString('en-GB')} of ${plural(counts.of, one, many)}`;
}

/** Where a comment's passage stands now, in words, with the passage quoted. */
function placeParagraphs(comment: ReceivedComment, entry: EntryRecord | null, data: PortfolioData, sections: EntrySections | null): FileChild[] {
  const note = (text: string) => new Paragraph({ style: wordStyleIds.note, keepNext: true, children: [new TextRun(text)] });
  const quote = (text: string) => new Paragraph({ style: wordStyleIds.quote, keepNext: true, children: linesOf(text) });
  const { anchor } = comment;
  if (anchor === null) return [note(entry ? 'On the entry as a whole.' : 'On the entry as a whole, which has since been deleted.')];
  if (!entry || !sections) return [note('On this passage; the entry has since been deleted:'), quote(anchor.quote)];
  const titleOf = sectionTitleFor(data, entry);
  const place = resolveAnchor(sections, anchor);
  switch (place.state) {
    case 'exact':
      return [
        note(place.sectionId === anchor.sectionId ? `On this passage in ‘${titleOf(place.sectionId)}’:` : `On this passage, now in ‘${titleOf(place.sectionId)}’ (it was in ‘${titleOf(anchor.sectionId)}’):`),
        quote(anchor.quote),
      ];
    case 'edited':
      return [note(`On this passage in ‘${titleOf(anchor.sectionId)}’, which has been edited since:`), quote(anchor.quote), note('It now reads:'), quote(place.text)];
    case 'gone':
      return [note('On this passage, which is no longer in the entry (the comment now stands for the entry as a whole):'), quote(anchor.quote)];
  }
}

/** A reply indented under its comment, its first paragraph led by who wrote it and when. */
function replyParagraphs(reply: CommentReply, author: string): Paragraph[] {
  const paragraphs = reply.text
    .split(/\n\s*\n/)
    .map((text) => text.trim())
    .filter((text) => text !== '');
  const who = author.trim() ? `Reply from ${author.trim()}, ${formatUkDate(dayOf(reply.at))}: ` : `Reply, ${formatUkDate(dayOf(reply.at))}: `;
  return paragraphs.map(
    (text, index) => new Paragraph({ indent: { left: 567 }, keepLines: true, children: [...(index === 0 ? [new TextRun({ text: who, bold: true })] : []), ...linesOf(text)] }),
  );
}

/** The comment's own words: plain text, paragraphs split at blank lines, never markup or links. */
function commentParagraphs(text: string): Paragraph[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => new Paragraph({ children: linesOf(paragraph) }));
}

function commentBlock(comment: ReceivedComment, entry: EntryRecord | null, source: ExportSource, author: string): FileChild[] {
  const written = dayOf(comment.createdAt);
  const edited = dayOf(comment.updatedAt);
  const when = edited > written ? `${formatUkDate(written)} (edited ${formatUkDate(edited)})` : formatUkDate(written);
  const sections = entry && comment.anchor !== null ? sectionsOf(source, entry) : null;
  return [
    heading(`Comment from ${reviewerName(comment.reviewer)}, ${when}`, wordStyleIds.heading3),
    ...placeParagraphs(comment, entry, source.data, sections),
    ...commentParagraphs(comment.text),
    ...comment.replies.flatMap((reply) => replyParagraphs(reply, author)),
    new Paragraph({ children: [new TextRun({ text: 'Status: ', bold: true }), new TextRun(comment.resolved ? 'Resolved' : 'Not resolved yet')] }),
  ];
}

/** "before 1 October 2019", "after 31 October 2019" or "outside 1 October 2019 to 31 October 2019". */
function outside(options: Pick<FeedbackExport, 'from' | 'to'>): string {
  if (options.from !== null && options.to !== null) return `outside ${rangeWords(options.from, options.to)}`;
  return options.from !== null ? `before ${formatUkDate(options.from)}` : `after ${formatUkDate(options.to ?? '')}`;
}

/** "Week commencing Monday 7 October 2019" for a weekly log; "Handover on the ward (5 October 2019)" for a reflection. */
const entryHeading = (data: PortfolioData, entry: EntryRecord) => (entry.kind === 'weekly-log' ? formatWeekCommencingLong(entry.weekStart) : entryName(data, entry));

export function feedbackPack(source: ExportSource, options: FeedbackExport): PackPlan {
  const { data } = source;
  const scope = feedbackScope(data, options);
  const { framework, comments, signOffs } = scope;
  const records = new Map(scope.frameworks.map((candidate) => [candidate.id, frameworkRecord(candidate, signOffs)]));
  const reviewers = [...new Set([...comments.map((comment) => comment.reviewer), ...signOffs.map((signOff) => signOff.signer)].map(reviewerInFull))];
  const entriesCommented = scope.entries.length + new Set(scope.orphans.map((comment) => comment.entryId)).size;
  const replies = comments.reduce((sum, comment) => sum + comment.replies.length, 0);
  const words =
    comments.reduce((sum, comment) => sum + countWords(comment.text) + comment.replies.reduce((inReplies, reply) => inReplies + countWords(reply.text), 0), 0) +
    signOffs.reduce((sum, signOff) => sum + countWords(signOff.statement), 0);
  const counts: FeedbackPreview = {
    comments: comments.length,
    resolved: comments.filter((comment) => comment.resolved).length,
    replies,
    signOffs: signOffs.length,
    notSignedOff: [...records.values()].reduce((sum, record) => sum + record.gaps, 0),
    reviewers,
  };

  const unit = framework ? frameworkDisplayName(framework) : null;
  const limited = options.from !== null || options.to !== null;
  const range = rangeWords(options.from, options.to);
  const documentTitle = 'Mentor feedback and sign-off record';
  const title = [documentTitle, [unit, limited ? range : null].filter((part) => part !== null).join(', ')].filter((part) => part !== '').join(': ');
  const today = todayAsCalendarDate(source.now);
  const slug = [unit ? fileSlug(unit, 40) : null, limited ? `${options.from ?? 'start'}-to-${options.to ?? today}` : null].filter((part) => part !== null).join('-');

  const { leftOut } = scope;
  const nothingImported = data.feedback.comments.length === 0 && data.feedback.signOffs.length === 0;
  const notes = nothingImported
    ? ['No mentor feedback has been imported yet. When a mentor sends you a feedback file, import it on the Sharing page; its comments and sign-offs can then be exported.']
    : [
        ...(comments.length === 0 && signOffs.length === 0 ? [`There are no comments or sign-offs for these choices${unit ? ` (${unit}${limited ? `, ${range}` : ''})` : limited ? ` (${range})` : ''}.`] : []),
        ...(comments.length === 0 && signOffs.length > 0 ? ['There are no comments for these choices: the document holds the sign-off record only.'] : []),
        ...(framework && signOffs.length === 0 && comments.length > 0 ? [`Nothing in ${unit} has been signed off yet: the record lists every outcome as not signed off.`] : []),
        ...(leftOut.resolved > 0 ? [`${plural(leftOut.resolved, 'resolved comment')} ${leftOut.resolved === 1 ? 'is' : 'are'} left out.`] : []),
        ...(leftOut.outOfRange > 0 ? [`${plural(leftOut.outOfRange, 'comment')} on entries dated ${outside(options)} ${leftOut.outOfRange === 1 ? 'is' : 'are'} left out.`] : []),
        ...(leftOut.otherFramework > 0 ? [`${plural(leftOut.otherFramework, 'comment')} on entries with no evidence for ${unit} ${leftOut.otherFramework === 1 ? 'is' : 'are'} left out.`] : []),
        ...(leftOut.deletedEntry > 0 ? [`${plural(leftOut.deletedEntry, 'comment')} on entries since deleted ${leftOut.deletedEntry === 1 ? 'is' : 'are'} left out (choose all frameworks and no dates to include ${leftOut.deletedEntry === 1 ? 'it' : 'them'}).`] : []),
        ...(scope.orphans.length > 0 ? [`${plural(scope.orphans.length, 'comment')} ${scope.orphans.length === 1 ? 'is' : 'are'} on entries since deleted; listed at the end with the passages quoted.`] : []),
        ...(leftOut.withdrawnSignOffs > 0 ? [`${plural(leftOut.withdrawnSignOffs, 'sign-off')} withdrawn by the mentor after sending ${leftOut.withdrawnSignOffs === 1 ? 'is' : 'are'} left out.`] : []),
        ...(leftOut.withdrawnComments > 0 ? [`${plural(leftOut.withdrawnComments, 'comment')} withdrawn by the mentor after sending ${leftOut.withdrawnComments === 1 ? 'is' : 'are'} left out.`] : []),
      ];

  return {
    preview: {
      title,
      fileName: `mentor-feedback${slug ? `-${slug}` : `-${today}`}.docx`,
      entries: entriesCommented,
      passages: 0,
      words,
      quotedWords: 0,
      notes,
      feedback: counts,
    },
    steps: scope.entries.length + 2,
    document: (progress) => {
      let done = 0;
      const step = () => progress(++done);
      const withdrawnNote =
        leftOut.withdrawnSignOffs > 0 ? ` ${plural(leftOut.withdrawnSignOffs, 'sign-off')} withdrawn by the mentor after sending ${leftOut.withdrawnSignOffs === 1 ? 'is' : 'are'} not listed.` : '';
      const record: FileChild[] = [];
      if (scope.frameworks.length === 0 && scope.lostFrameworks.length === 0) {
        record.push(textParagraph(`No outcome or criterion has been signed off yet.${withdrawnNote}`, { style: wordStyleIds.note }));
      } else {
        record.push(
          textParagraph(
            `Every outcome and criterion of ${framework ? 'the framework' : 'each framework a mentor has signed against'}, with who signed it off, when, and their statement; those not signed off yet say so.${withdrawnNote}`,
            { style: wordStyleIds.note },
          ),
        );
      }
      for (const candidate of scope.frameworks) {
        const { rows, hasCriteria, outcomes, criteria } = records.get(candidate.id) as FrameworkRecord;
        const summary = `Signed off: ${tally(outcomes, 'outcome', 'outcomes')}${criteria.of > 0 ? ` and ${tally(criteria, 'criterion', 'criteria')}` : ''}.`;
        record.push(
          heading(frameworkDisplayName(candidate), wordStyleIds.heading2),
          textParagraph(summary, { keepNext: true }),
          rows.length > 0 ? gridTable(recordColumns(hasCriteria), rows) : textParagraph('This framework has no outcomes.', { style: wordStyleIds.note }),
        );
      }
      for (const lost of scope.lostFrameworks) {
        const rows = signOffs.filter((signOff) => signOff.frameworkId === lost).flatMap((signOff) => recordRows('—', 'In a framework no longer in this portfolio', [signOff], false));
        record.push(heading(`A framework no longer in this portfolio (${lost})`, wordStyleIds.heading2), gridTable(recordColumns(true), rows));
      }
      step();

      const author = options.name;
      const commentChildren: FileChild[] = [];
      for (const { entry, comments: onEntry } of scope.entries) {
        commentChildren.push(heading(entryHeading(data, entry), wordStyleIds.heading2), ...onEntry.flatMap((comment) => commentBlock(comment, entry, source, author)));
        step();
      }
      if (scope.orphans.length > 0) {
        commentChildren.push(
          heading('Entries since deleted', wordStyleIds.heading2),
          textParagraph('These comments were on entries that have since been deleted from the portfolio.', { style: wordStyleIds.note, keepNext: true }),
          ...scope.orphans.flatMap((comment) => commentBlock(comment, null, source, author)),
        );
      }
      if (commentChildren.length === 0) commentChildren.push(textParagraph(limited ? `There are no comments on entries dated ${range}.` : 'There are no comments for these choices.', { style: wordStyleIds.note }));
      step();

      const parts: WordPart[] = [
        { heading: 'Sign-off record', children: record },
        { heading: 'Comments on entries', children: commentChildren },
      ];
      const dates = [...scope.entries.map(({ entry }) => entry.date), ...signOffs.map((signOff) => signOff.date)].sort();
      const period = limited ? range : dates.length > 0 ? rangeWords(dates[0] as string, dates[dates.length - 1] as string) : '';
      return wordDocument({
        title,
        subject: unit ?? 'Mentor feedback',
        author: options.name,
        description: `${plural(comments.length, 'comment')} on ${plural(entriesCommented, 'entry', 'entries')} and ${plural(signOffs.length, 'sign-off')}. Made with Reflective Portfolio.`,
        footer: footerText(options.name, documentTitle),
        cover: coverPage(documentTitle, options.name, [
          ['Reviewers', reviewers.join('; ') || 'None'],
          ['Framework', unit ?? ''],
          [limited ? 'Comments on entries dated' : 'Period', period],
          ['In this document', `${plural(comments.length, 'comment')} on ${plural(entriesCommented, 'entry', 'entries')}, ${plural(signOffs.length, 'sign-off')}`],
          ['Produced', formatUkDate(today)],
        ]),
        coverOwnPage: true,
        // The frameworks and the entries commented on: a reader finds an entry's comments from the contents.
        contents: 2,
        parts,
      });
    },
  };
}
