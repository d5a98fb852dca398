import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Review, type ReviewStore, ReviewUnreadableError, ReviewWriteError, reviewSchema } from '../../shared/share/review.js';
import { writeFileAtomically } from './atomicWrite.js';
import { FolderCipher } from './folderCipher.js';
import { FolderGate } from './folderGate.js';

export const reviewFilePattern = /^([A-Za-z0-9_-]{1,100})\.json$/;

/** The reviews of an encrypted portfolio cannot be read or written until it is unlocked. */
export class ReviewsLockedError extends ReviewUnreadableError {
  constructor() {
    super('');
    this.name = 'ReviewsLockedError';
    this.message = 'The portfolio is locked: give its passphrase to open it, then its reviews can be seen.';
  }
}

/**
 * A mentor's reviews, one file each in the portfolio folder's reviews/ folder (reviews/<id>.json),
 * written atomically and readable by the owner only. The mentor's own portfolio file is never touched.
 */
export class ReviewFolder implements ReviewStore {
  /** `cipher` and `gate` are the portfolio's own (openPortfolio gives them); alone, the folder is plain. */
  constructor(
    private readonly folder: string,
    private readonly cipher: FolderCipher = new FolderCipher(),
    private readonly gate: FolderGate = new FolderGate(),
  ) {}

  private pathOf(reviewId: string): string {
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(reviewId)) throw new Error('A review id must be letters, digits, "_" or "-".');
    return join(this.folder, `${reviewId}.json`);
  }

  async list(): Promise<Review[]> {
    if (this.cipher.locked) throw new ReviewsLockedError();
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const reviews: Review[] = [];
    for (const name of names.sort()) {
      const id = reviewFilePattern.exec(name)?.[1];
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
    if (this.cipher.locked) throw new ReviewsLockedError();
    const open = this.cipher.reader();
    let bytes: Uint8Array;
    try {
      bytes = await readFile(this.pathOf(reviewId));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const opening = open(bytes, 'review');
    if (!opening.ok) throw new ReviewUnreadableError(reviewId);
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(opening.plain));
    } catch {
      throw new ReviewUnreadableError(reviewId);
    }
    const checked = reviewSchema.safeParse(parsed);
    if (!checked.success) throw new ReviewUnreadableError(reviewId);
    return checked.data;
  }

  async put(review: Review): Promise<void> {
    const path = this.pathOf(review.reviewId);
    await this.gate.run(async () => {
      if (this.cipher.locked) throw new ReviewWriteError('the portfolio is locked');
      try {
        await mkdir(this.folder, { recursive: true, mode: 0o700 });
        await writeFileAtomically(path, this.cipher.seal(JSON.stringify(review), 'review'));
      } catch (error) {
        throw new ReviewWriteError((error as NodeJS.ErrnoException).code ?? 'the disk refused it');
      }
    });
  }

  async remove(reviewId: string): Promise<void> {
    const path = this.pathOf(reviewId);
    await this.gate.run(() => rm(path, { force: true }));
  }
}
