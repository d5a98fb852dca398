import { formatUkDate, formatWeekCommencingShort } from '../dates/weeks.js';
import type { Framework } from '../frameworks/framework.js';
import type { FeedbackPayload, SharePayload, SharedEntry } from '../share/sharing.js';
import type { Template } from '../templates/template.js';
import { templateVersion } from '../templates/templateLibrary.js';
import { docParagraphs, type OutgoingPiece } from './outgoing.js';
import type { PortfolioPrivacy } from './privacySettings.js';

/** The text of a share file or a feedback file, piece by piece, each with where a reader finds it. */

function entryLabel(entry: Pick<SharedEntry, 'kind' | 'weekStart' | 'date' | 'title'>): string {
  if (entry.kind === 'weekly-log') return `Weekly log, ${formatWeekCommencingShort(entry.weekStart)}`;
  return `${entry.title.trim() || 'Reflection'} (${formatUkDate(entry.date)})`;
}

const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

function sectionTitle(templates: readonly Template[], entry: SharedEntry, sectionId: string): string {
  return (templateVersion(templates, entry.template) ?? templates.find((template) => template.id === entry.template.id))?.sections.find((section) => section.id === sectionId)?.title ?? sectionId;
}

/** Everything a share file carries that a person wrote: the description, each entry's title and sections. */
export function sharePieces(payload: SharePayload): OutgoingPiece[] {
  const pieces: OutgoingPiece[] = [{ place: 'What is shared', paragraphs: [payload.description] }];
  for (const entry of payload.entries) {
    const label = entryLabel(entry);
    if (entry.title.trim() !== '') pieces.push({ place: `${label} › Title`, paragraphs: [entry.title] });
    if (entry.cpd) pieces.push({ place: `${label} › CPD details`, paragraphs: Object.values(entry.cpd).filter((value): value is string => typeof value === 'string') });
    for (const [sectionId, doc] of Object.entries(entry.sections)) {
      pieces.push({ place: `${label} › ${sectionTitle(payload.templates, entry, sectionId)}`, paragraphs: docParagraphs(doc) });
    }
  }
  return pieces;
}

function outcomeLabel(frameworks: readonly Framework[], frameworkId: string, outcomeId: string): string {
  const outcome = frameworks.find((framework) => framework.id === frameworkId)?.outcomes.find((candidate) => candidate.id === outcomeId);
  return outcome ? `${outcome.code} ${outcome.title}`.trim() : 'an outcome';
}

/** Everything a feedback file carries that a person wrote: comments (with the passages they quote) and sign-off statements. */
export function feedbackPieces(payload: FeedbackPayload, share: SharePayload): OutgoingPiece[] {
  const entries = new Map(share.entries.map((entry) => [entry.id, entry]));
  const pieces: OutgoingPiece[] = [];
  for (const comment of payload.comments) {
    const entry = entries.get(comment.entryId);
    const place = `Comment on ${entry ? entryLabel(entry) : 'an entry'}`;
    pieces.push({ place, paragraphs: lines(comment.text) });
    if (comment.anchor) pieces.push({ place: `${place} › Quoted passage`, paragraphs: lines(`${comment.anchor.prefix}${comment.anchor.quote}${comment.anchor.suffix}`) });
  }
  for (const signOff of payload.signOffs) {
    pieces.push({ place: `Sign-off of ${outcomeLabel(share.frameworks, signOff.frameworkId, signOff.outcomeId)}`, paragraphs: lines(signOff.statement) });
  }
  return pieces;
}

/** The lists to check with when the sender's own name is meant to leave: it (and its surname, as in "Dr Okafor") is never flagged. */
export function withOwnName(privacy: PortfolioPrivacy, ...names: readonly string[]): PortfolioPrivacy {
  const own: string[] = [];
  for (const name of names) {
    const words = name.trim().split(/\s+/).filter((word) => /\p{L}{2}/u.test(word));
    if (words.length === 0) continue;
    own.push(words.join(' '), words[words.length - 1] as string);
  }
  return { ...privacy, neverFlag: [...privacy.neverFlag, ...own] };
}
