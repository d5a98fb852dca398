import type { FeedbackCommentView } from '../../../shared/api/contract.js';

export interface EntryComments {
  entryId: string;
  entry: FeedbackCommentView['entry'];
  comments: FeedbackCommentView[];
}

/** Comments under the entry each is on, entries in the order their first comment comes. */
export function groupCommentsByEntry(comments: readonly FeedbackCommentView[]): EntryComments[] {
  const groups = new Map<string, EntryComments>();
  for (const comment of comments) {
    const group = groups.get(comment.entryId);
    if (group) group.comments.push(comment);
    else groups.set(comment.entryId, { entryId: comment.entryId, entry: comment.entry, comments: [comment] });
  }
  return [...groups.values()];
}

export interface CommentCounts {
  open: number;
  resolved: number;
}

export function commentCounts(comments: readonly { resolved: boolean }[]): CommentCounts {
  const resolved = comments.filter((comment) => comment.resolved).length;
  return { open: comments.length - resolved, resolved };
}
