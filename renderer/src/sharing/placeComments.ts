import type { CommentPlace } from '../../../shared/api/contract.js';
import type { EntrySections } from '../../../shared/portfolio/weeklyLog.js';
import { type AnchorMatch, resolveAnchor } from '../../../shared/share/anchor.js';
import type { ReceivedComment } from '../../../shared/share/sharing.js';
import type { CommentPassage } from '../editor/MentorCommentHighlights.js';

/** Where a comment is in the entry as it is now: its passage found again, gone, or on the whole entry. */
export type CommentPlacement = AnchorMatch | { state: 'whole-entry' };

/** Finds each comment's passage in the entry's sections as they are now (the live editors' text). */
export function placeComments(comments: readonly ReceivedComment[], sections: Readonly<EntrySections>): Map<string, CommentPlacement> {
  const placed = new Map<string, CommentPlacement>();
  for (const comment of comments) placed.set(comment.id, comment.anchor === null ? { state: 'whole-entry' } : resolveAnchor(sections, comment.anchor));
  return placed;
}

/** The passages to underline in each section; resolved and withdrawn comments' passages are kept but not drawn. */
export function passagesBySection(comments: readonly ReceivedComment[], placed: ReadonlyMap<string, CommentPlacement>): Map<string, CommentPassage[]> {
  const bySection = new Map<string, CommentPassage[]>();
  for (const comment of comments) {
    const placement = placed.get(comment.id);
    if (!placement || (placement.state !== 'exact' && placement.state !== 'edited')) continue;
    const passages = bySection.get(placement.sectionId) ?? [];
    passages.push({ commentId: comment.id, from: placement.from, to: placement.to, settled: comment.resolved || comment.withdrawn });
    bySection.set(placement.sectionId, passages);
  }
  return bySection;
}

/** A placement as the comment card describes it; before the passages are first found, as the mentor quoted it. */
export function placementAsPlace(comment: ReceivedComment, placement: CommentPlacement | undefined, sectionTitle: (sectionId: string) => string): CommentPlace {
  if (!placement) return comment.anchor ? { state: 'exact', sectionId: comment.anchor.sectionId, sectionTitle: sectionTitle(comment.anchor.sectionId), text: comment.anchor.quote } : { state: 'whole-entry' };
  if (placement.state === 'gone') return { state: 'gone' };
  if (placement.state === 'whole-entry') return { state: 'whole-entry' };
  return { state: placement.state, sectionId: placement.sectionId, sectionTitle: sectionTitle(placement.sectionId), text: placement.text };
}

/**
 * Comments in reading order: those on the whole entry first, then by where their passage is
 * (section by section, top to bottom), then those whose passage is gone.
 */
export function inReadingOrder(comments: readonly ReceivedComment[], placed: ReadonlyMap<string, CommentPlacement>, sectionOrder: readonly string[]): ReceivedComment[] {
  const rank = (comment: ReceivedComment): [number, number, number] => {
    const placement = placed.get(comment.id);
    if (!placement || placement.state === 'gone') return [2, 0, 0];
    if (placement.state === 'whole-entry') return [0, 0, 0];
    const section = sectionOrder.indexOf(placement.sectionId);
    return [1, section < 0 ? sectionOrder.length : section, placement.from];
  };
  return comments
    .map((comment, index) => ({ comment, index, rank: rank(comment) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.rank[2] - b.rank[2] || a.index - b.index)
    .map(({ comment }) => comment);
}
