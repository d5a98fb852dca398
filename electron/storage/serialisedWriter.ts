interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Runs writes one at a time, in order. While one write runs, later requests collapse into a single
 * pending one holding the newest value; every caller's promise settles once a write that includes
 * its value has finished.
 */
export class SerialisedWriter<T> {
  private pending: { value: T; waiters: Waiter[] } | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly perform: (value: T) => Promise<void>) {}

  write(value: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.pending) this.pending.value = value;
      else this.pending = { value, waiters: [] };
      this.pending.waiters.push({ resolve, reject });
      if (!this.running) this.running = this.drain();
    });
  }

  /** Resolves when nothing is written or waiting to be. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.pending) {
      const job = this.pending;
      this.pending = null;
      try {
        await this.perform(job.value);
        for (const waiter of job.waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of job.waiters) waiter.reject(error);
      }
    }
    this.running = null;
  }
}
