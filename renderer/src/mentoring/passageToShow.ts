/**
 * A tagged passage to select when a review's entry page opens, set by the link followed from a
 * coverage cell or an evidence list (the review's entry address names the entry only).
 */
export interface PassageToShow {
  reviewId: string;
  entryId: string;
  /** The section holding it. */
  section: string;
  /** The tag key ("framework/outcome[/criterion]"). */
  tag: string;
  /** Which passage with that tag in that section, from 0. */
  occurrence: number;
}

let waiting: PassageToShow | null = null;

export function showPassageOnArrival(passage: PassageToShow): void {
  waiting = passage;
}

/** The passage waiting to be shown in this entry, once: null if none, or if it was for another entry. */
export function takePassageToShow(reviewId: string, entryId: string): PassageToShow | null {
  const passage = waiting;
  if (!passage || passage.reviewId !== reviewId || passage.entryId !== entryId) return null;
  waiting = null;
  return passage;
}
