/**
 * Every write the page makes goes through one queue: writes run one at a time, in the order their
 * keys were first changed; a newer write for the same key replaces the older one that has not
 * been sent; a failed write is kept and retried with growing pauses, never dropped.
 */
export type SaveOutcome =
  | { ok: true }
  /** `retry: false` when sending the same write again cannot help (the back end refused it). */
  | { ok: false; message: string; retry: boolean };

export interface SaveJob {
  run(): Promise<SaveOutcome>;
  /** Best effort while the page is being closed: start sending without waiting for an answer. */
  sendWhileClosing?(): void;
}

export type SaveState = 'saved' | 'waiting' | 'saving' | 'retrying' | 'refused' | 'held';

export interface SaveSnapshot {
  state: SaveState;
  /** Why the last write failed, while it is being retried or after the back end refused it. */
  errorMessage: string | null;
}

export interface SaveQueueOptions {
  /** How long after the last change a write that waits for a pause is sent. */
  pauseMs: number;
  /** Pauses before each retry; the last one repeats. */
  retryDelaysMs: readonly number[];
}

/** When a write should go: after the writer pauses (typing), or at once (a click). */
export type SaveTiming = 'after-pause' | 'now';

interface WaitingWrite<J> {
  job: J;
  due: boolean;
}

type Timer = ReturnType<typeof setTimeout>;

export class SaveQueue<J extends SaveJob> {
  private waiting = new Map<string, WaitingWrite<J>>();
  private inFlight: { key: string; job: J } | null = null;
  private pauseTimer: Timer | null = null;
  private retryTimer: Timer | null = null;
  private failures = 0;
  private lastError: string | null = null;
  /** The message of a write the back end refused, until a later write succeeds. */
  private refusal: string | null = null;
  private settledWaiters: Array<(allSaved: boolean) => void> = [];
  private readonly listeners = new Set<() => void>();
  private current: SaveSnapshot = { state: 'saved', errorMessage: null };
  /** Changes a view keeps back until the user fixes them (a framework with an empty title), by key. */
  private held = new Map<string, string>();

  constructor(private readonly options: SaveQueueOptions) {}

  put(key: string, job: J, timing: SaveTiming): void {
    const earlier = this.waiting.get(key);
    this.waiting.set(key, { job, due: timing === 'now' || (earlier?.due ?? false) });
    if (timing === 'after-pause') this.restartPause();
    this.changed();
    this.pump();
  }

  /**
   * Says that a change is being kept back, unsent, until the user fixes it: the save state shows
   * it rather than "All changes saved". `release` when it is fixed (and put) or abandoned.
   */
  hold(key: string, reason: string): void {
    if (this.held.get(key) === reason) return;
    this.held.set(key, reason);
    this.changed();
  }

  release(key: string): void {
    if (this.held.delete(key)) this.changed();
  }

  /** Sends everything now. Resolves true once all is saved; false if a write failed (it keeps retrying) or was refused. */
  flush(): Promise<boolean> {
    this.clearPause();
    for (const write of this.waiting.values()) write.due = true;
    if (this.retryTimer !== null) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    if (this.isIdle()) return Promise.resolve(true);
    const settled = new Promise<boolean>((resolve) => this.settledWaiters.push(resolve));
    this.pump();
    return settled;
  }

  /** The newest write for `key` not yet confirmed saved (waiting or being sent). */
  unsaved(key: string): J | undefined {
    const waiting = this.waiting.get(key);
    if (waiting) return waiting.job;
    return this.inFlight?.key === key ? this.inFlight.job : undefined;
  }

  /** True while a newer write for `key` waits behind the one being sent. */
  isWaiting(key: string): boolean {
    return this.waiting.has(key);
  }

  /** Every write not yet confirmed, oldest first: what must leave when the page closes. */
  unsavedJobs(): J[] {
    const jobs = [...this.waiting.values()].map((write) => write.job);
    return this.inFlight ? [this.inFlight.job, ...jobs] : jobs;
  }

  /** Hands every unsaved write to `sendWhileClosing`, for a page that is going away. */
  sendAllWhileClosing(): void {
    for (const job of this.unsavedJobs()) job.sendWhileClosing?.();
  }

  hasUnsaved(): boolean {
    return !this.isIdle();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): SaveSnapshot => this.current;

  private isIdle(): boolean {
    return this.inFlight === null && this.waiting.size === 0;
  }

  private restartPause(): void {
    this.clearPause();
    this.pauseTimer = setTimeout(() => {
      this.pauseTimer = null;
      for (const write of this.waiting.values()) write.due = true;
      this.pump();
    }, this.options.pauseMs);
  }

  private clearPause(): void {
    if (this.pauseTimer !== null) clearTimeout(this.pauseTimer);
    this.pauseTimer = null;
  }

  private nextDue(): [string, WaitingWrite<J>] | undefined {
    for (const entry of this.waiting) if (entry[1].due) return entry;
    return undefined;
  }

  private pump(): void {
    if (this.inFlight !== null || this.retryTimer !== null) return;
    const next = this.nextDue();
    if (!next) {
      if (this.isIdle()) this.settle(this.refusal === null);
      return;
    }
    const [key, write] = next;
    this.waiting.delete(key);
    this.inFlight = { key, job: write.job };
    this.changed();
    void this.send(key, write.job);
  }

  private async send(key: string, job: J): Promise<void> {
    let outcome: SaveOutcome;
    try {
      outcome = await job.run();
    } catch (error) {
      outcome = { ok: false, message: error instanceof Error && error.message ? error.message : 'The change could not be saved.', retry: true };
    }
    this.inFlight = null;
    if (outcome.ok) {
      this.failures = 0;
      this.lastError = null;
      this.refusal = null;
      this.changed();
      this.pump();
      return;
    }
    if (!outcome.retry) {
      // Sending it again would be refused again; the writes behind it must not wait for ever.
      this.failures = 0;
      this.lastError = null;
      this.refusal = outcome.message;
      this.changed();
      this.pump();
      return;
    }
    const newer = this.waiting.get(key);
    if (newer) newer.due = true;
    else this.waiting = new Map([[key, { job, due: true }], ...this.waiting]);
    this.failures += 1;
    this.lastError = outcome.message;
    const delays = this.options.retryDelaysMs;
    const delay = delays[Math.min(this.failures - 1, delays.length - 1)] ?? 1000;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.pump();
    }, delay);
    this.changed();
    this.settle(false);
  }

  private settle(allSaved: boolean): void {
    const waiters = this.settledWaiters;
    this.settledWaiters = [];
    for (const resolve of waiters) resolve(allSaved);
  }

  private changed(): void {
    const unsaved = !this.isIdle();
    const state: SaveState =
      this.failures > 0 && unsaved
        ? 'retrying'
        : this.inFlight
          ? 'saving'
          : unsaved
            ? 'waiting'
            : this.refusal !== null
              ? 'refused'
              : this.held.size > 0
                ? 'held'
                : 'saved';
    const errorMessage = state === 'retrying' ? this.lastError : state === 'refused' ? this.refusal : state === 'held' ? ([...this.held.values()][0] ?? null) : null;
    if (state === this.current.state && errorMessage === this.current.errorMessage) return;
    this.current = { state, errorMessage };
    for (const listener of this.listeners) listener();
  }
}
