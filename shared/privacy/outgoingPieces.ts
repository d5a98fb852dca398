import { formatUkDate, formatWeekCommencingShort } from '../dates/weeks.js';
import type { Framework } from '../frameworks/framework.js';
import type { FeedbackPayload, SharePayload, SharedEntry } from '../share/sharing.js';
import type { Template } from '../templates/template.js';
import { isBuiltInTemplateId, templateVersion } from '../templates/templateLibrary.js';
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
    const reviewed = Object.values(entry.planReview).map((mark) => mark.text);
    if (reviewed.length > 0) pieces.push({ place: `${label} › Last week's plans reviewed`, paragraphs: reviewed });
  }
  // The frameworks and templates travel whole, with any words the author wrote into them.
  pieces.push({ place: 'Frameworks in the file', paragraphs: stringsIn(payload.frameworks) });
  pieces.push({ place: 'Templates in the file', paragraphs: stringsIn(payload.templates.filter((template) => !isBuiltInTemplateId(template.id))) });
  return pieces;
}

/** Every string in a value, depth first: for parts of a file whose every word leaves as it is. */
function stringsIn(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.trim() !== '') found.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) stringsIn(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) stringsIn(item, found);
  }
  return found;
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

/**
 * The lists to check with when the sender's own name is meant to leave (an author's on the cover, a
 * mentor's on a sign-off): that whole name, as written, is not flagged as a name with a title. A
 * patient who shares the surname still is.
 */
export function withOwnName(privacy: PortfolioPrivacy, ...names: readonly string[]): PortfolioPrivacy {
  const own = names.map((name) => name.trim().replace(/\s+/g, ' ')).filter((name) => /\p{L}{2}/u.test(name));
  return { ...privacy, neverFlag: [...privacy.neverFlag, ...own] };
}
