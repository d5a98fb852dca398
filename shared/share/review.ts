import { z } from 'zod';
import {
  type MentorComment,
  type Reviewer,
  type SharePayload,
  type SignOff,
  mentorCommentSchema,
  reviewerSchema,
  sharePayloadSchema,
  sharingLimits,
  signOffSchema,
} from './sharing.js';
import { itemIdSchema } from '../portfolio/weeklyLogSchemas.js';

/**
 * A mentor's review of one share file, kept in the mentor's portfolio folder (reviews/<id>.json),
 * apart from the mentor's own portfolio, which it never changes.
 */
export interface Review {
  /** The share file's id: opening the same file again opens the same review. */
  reviewId: string;
  openedAt: string;
  share: SharePayload;
  /** Stays the same for every feedback file this review sends. */
  feedbackId: string;
  /** Who is reviewing, as the mentor last gave it; null until given. */
  reviewer: Reviewer | null;
  comments: MentorComment[];
  signOffs: SignOff[];
  /** Ids of comments and sign-offs deleted after they were sent: the next file withdraws them. */
  withdrawn: string[];
  /** The last feedback file saved, and each item's `updatedAt` as it went in it. */
  sent: ReviewSent | null;
}

export interface ReviewSent {
  revision: number;
  at: string;
  items: Record<string, string>;
}

const isoTime = z.string().min(1).max(40);

export const reviewSchema = z
  .object({
    reviewId: itemIdSchema,
    openedAt: isoTime,
    share: sharePayloadSchema,
    feedbackId: itemIdSchema,
    reviewer: reviewerSchema.nullable(),
    comments: z.array(mentorCommentSchema).max(sharingLimits.comments),
    signOffs: z.array(signOffSchema).max(sharingLimits.signOffs),
    withdrawn: z.array(itemIdSchema).max(sharingLimits.comments + sharingLimits.signOffs),
    sent: z.object({ revision: z.number().int().min(1), at: isoTime, items: z.record(itemIdSchema, isoTime) }).strict().nullable(),
  })
  .strict();

/** Whether an item is in the last feedback file saved, as it is now. */
export type SentState = 'not-sent' | 'sent' | 'changed-since-sent';

export function sentState(review: Pick<Review, 'sent'>, item: { id: string; updatedAt: string }): SentState {
  const sentAs = review.sent?.items[item.id];
  if (sentAs === undefined) return 'not-sent';
  return sentAs === item.updatedAt ? 'sent' : 'changed-since-sent';
}

/** Keeps reviews apart from the portfolio. Written atomically by the Node side. */
export interface ReviewStore {
  list(): Promise<Review[]>;
  get(reviewId: string): Promise<Review | null>;
  put(review: Review): Promise<void>;
  remove(reviewId: string): Promise<void>;
}

/** A review file that exists but cannot be read: said plainly, never mistaken for no review. */
export class ReviewUnreadableError extends Error {
  constructor(readonly reviewId: string) {
    super(`This review's file (reviews/${reviewId}.json in your portfolio folder) is damaged and cannot be read. Open the share file again to start the review afresh.`);
    this.name = 'ReviewUnreadableError';
  }
}

/** A review change that could not be written; nothing was changed. */
export class ReviewWriteError extends Error {
  constructor(reason: string) {
    super(`Your review could not be saved (${reason}). Nothing was changed; try again.`);
    this.name = 'ReviewWriteError';
  }
}
