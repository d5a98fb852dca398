import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Review, type ReviewStore, ReviewUnreadableError, ReviewWriteError, reviewSchema } from '../../shared/share/review.js';
import { writeFileAtomically } from './atomicWrite.js';

const reviewFile = /^([A-Za-z0-9_-]{1,100})\.json$/;

/**
 * A mentor's reviews, one file each in the portfolio folder's reviews/ folder (reviews/<id>.json),
 * written atomically and readable by the owner only. The mentor's own portfolio file is never touched.
 */
export class ReviewFolder implements ReviewStore {
  constructor(private readonly folder: string) {}

  private pathOf(reviewId: string): string {
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(reviewId)) throw new Error('A review id must be letters, digits, "_" or "-".');
    return join(this.folder, `${reviewId}.json`);
  }

  async list(): Promise<Review[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const reviews: Review[] = [];
    for (const name of names.sort()) {
      const id = reviewFile.exec(name)?.[1];
      if (!id) continue;
      try {
        const review = await this.get(id);
        if (review) reviews.push(review);
      } catch (error) {
        // One damaged review must not hide the others; it is left on disk untouched.
        if (!(error instanceof ReviewUnreadableError)) throw error;
      }
    }
    return reviews;
  }

  async get(reviewId: string): Promise<Review | null> {
    let text: string;
    try {
      text = await readFile(this.pathOf(reviewId), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ReviewUnreadableError(reviewId);
    }
    const checked = reviewSchema.safeParse(parsed);
    if (!checked.success) throw new ReviewUnreadableError(reviewId);
    return checked.data;
  }

  async put(review: Review): Promise<void> {
    try {
      await mkdir(this.folder, { recursive: true, mode: 0o700 });
      await writeFileAtomically(this.pathOf(review.reviewId), JSON.stringify(review));
    } catch (error) {
      throw new ReviewWriteError((error as NodeJS.ErrnoException).code ?? 'the disk refused it');
    }
  }

  async remove(reviewId: string): Promise<void> {
    await rm(this.pathOf(reviewId), { force: true });
  }
}
