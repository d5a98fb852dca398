import type { FeedbackPayload, PortfolioFeedback, ReceivedComment, ReceivedSignOff, Received } from './sharing.js';

export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
}

export interface FeedbackMerge {
  feedback: PortfolioFeedback;
  comments: MergeCounts;
  signOffs: MergeCounts;
  /** Nothing in the file was new: the portfolio is as it was. */
  changedNothing: boolean;
}

const noCounts = (): MergeCounts => ({ added: 0, updated: 0, unchanged: 0, withdrawn: 0 });

/**
 * Merges a feedback file into what the author already has. Items are matched by id, so importing
 * the same file twice adds nothing; a copy the mentor has edited since (a later `updatedAt`)
 * replaces the mentor's part and keeps the author's replies and resolved mark; an older file never
 * undoes a newer one. Items the mentor deleted after sending are marked withdrawn, not removed, so
 * the author's replies to them are kept.
 */
export function mergeFeedback(existing: PortfolioFeedback, incoming: FeedbackPayload, receivedAt: string): FeedbackMerge {
  const received: Received = { feedbackId: incoming.feedbackId, shareId: incoming.shareId, reviewer: incoming.reviewer, receivedAt, withdrawn: false };
  const withdrawnIds = new Set(incoming.withdrawn);
  const commentCounts = noCounts();
  const signOffCounts = noCounts();

  const comments = [...existing.comments];
  const commentAt = new Map(comments.map((comment, index) => [comment.id, index]));
  for (const comment of incoming.comments) {
    const index = commentAt.get(comment.id);
    if (index === undefined) {
      const added: ReceivedComment = { ...comment, ...received, replies: [], resolved: false };
      commentAt.set(comment.id, comments.length);
      comments.push(added);
      commentCounts.added += 1;
      continue;
    }
    const current = comments[index] as ReceivedComment;
    if (current.feedbackId !== incoming.feedbackId) {
      commentCounts.unchanged += 1;
      continue;
    }
    if (comment.updatedAt > current.updatedAt) {
      comments[index] = { ...current, ...comment, reviewer: incoming.reviewer, receivedAt, withdrawn: false };
      commentCounts.updated += 1;
    } else {
      commentCounts.unchanged += 1;
    }
  }

  const signOffs = [...existing.signOffs];
  const signOffAt = new Map(signOffs.map((signOff, index) => [signOff.id, index]));
  for (const signOff of incoming.signOffs) {
    const index = signOffAt.get(signOff.id);
    if (index === undefined) {
      const added: ReceivedSignOff = { ...signOff, ...received };
      signOffAt.set(signOff.id, signOffs.length);
      signOffs.push(added);
      signOffCounts.added += 1;
      continue;
    }
    const current = signOffs[index] as ReceivedSignOff;
    if (current.feedbackId === incoming.feedbackId && signOff.updatedAt > current.updatedAt) {
      signOffs[index] = { ...current, ...signOff, reviewer: incoming.reviewer, receivedAt, withdrawn: false };
      signOffCounts.updated += 1;
    } else {
      signOffCounts.unchanged += 1;
    }
  }

  // Only the review that sent an item can withdraw it.
  comments.forEach((comment, index) => {
    if (withdrawnIds.has(comment.id) && comment.feedbackId === incoming.feedbackId && !comment.withdrawn) {
      comments[index] = { ...comment, withdrawn: true, receivedAt };
      commentCounts.withdrawn += 1;
    }
  });
  signOffs.forEach((signOff, index) => {
    if (withdrawnIds.has(signOff.id) && signOff.feedbackId === incoming.feedbackId && !signOff.withdrawn) {
      signOffs[index] = { ...signOff, withdrawn: true, receivedAt };
      signOffCounts.withdrawn += 1;
    }
  });

  const changedNothing = [commentCounts, signOffCounts].every((counts) => counts.added + counts.updated + counts.withdrawn === 0);
  const alreadyRecorded = existing.imports.some((record) => record.feedbackId === incoming.feedbackId && record.revision === incoming.revision);
  const imports = alreadyRecorded
    ? existing.imports
    : [...existing.imports, { feedbackId: incoming.feedbackId, revision: incoming.revision, reviewerName: incoming.reviewer.name, importedAt: receivedAt }];
  return {
    feedback: changedNothing && alreadyRecorded ? existing : { comments, signOffs, imports },
    comments: commentCounts,
    signOffs: signOffCounts,
    changedNothing,
  };
}
