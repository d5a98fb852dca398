import type { CommentPlace } from '../../../shared/api/contract.js';

/**
 * What a reader needs to know about where a comment's passage is now; null when it is just where
 * the mentor commented (the quote says it all).
 */
export function commentPlaceNote(place: CommentPlace): string | null {
  switch (place.state) {
    case 'exact':
      return null;
    case 'edited':
      return `The passage has been edited since: it now reads “${place.text.replace(/\s*\n\s*/g, ' ').trim()}”.`;
    case 'gone':
      return 'The passage this was on is no longer in the entry; the comment is shown against the whole entry.';
    case 'whole-entry':
      return 'On the whole entry';
    case 'no-entry':
      return 'The entry has been deleted';
  }
}
