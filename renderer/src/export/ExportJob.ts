import { useSyncExternalStore } from 'react';
import type { ApiClient, ExportedFile, ExportProgress } from '../../../shared/api/contract.js';
import type { OutgoingCheck } from '../../../shared/privacy/outgoing.js';
import type { ExportOptions, ExportPackKind } from '../../../shared/export/exportOptions.js';
import { downloadBase64File } from '../frameworks/downloadTextFile.js';

/** Where the one export this window runs at a time has got to. */
export type ExportJobState =
  | { phase: 'idle' }
  /** Waiting for the latest words to be saved, then for the back end to take the job. */
  | { phase: 'starting'; pack: ExportPackKind }
  | { phase: 'running'; pack: ExportPackKind; jobId: string; progress: ExportProgress; cancelling: boolean }
  /** The file is made and on its way to the page. */
  | { phase: 'collecting'; pack: ExportPackKind }
  /** The file is made, but the privacy check found possible identifiers in it: it waits for the user's choice. */
  | { phase: 'check'; pack: ExportPackKind; jobId: string; check: OutgoingCheck }
  /** The user went back to fix what the check found; nothing was saved. */
  | { phase: 'held-back' }
  | { phase: 'saved'; fileName: string; bytes: number }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

export const wordFileType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** How often a running export is asked how far it has got. */
export const progressPollMs = 150;

export function isExportBusy(state: ExportJobState): boolean {
  return state.phase === 'starting' || state.phase === 'running' || state.phase === 'collecting' || state.phase === 'check';
}

/** Hands the finished file to the browser as a download (the desktop app asks where to save it). */
export function downloadWordFile(file: ExportedFile): void {
  downloadBase64File(file, wordFileType);
}

/**
 * Runs one export at a time for a window: starts it, asks after it every 150 ms, cancels it on
 * request, then collects the file and downloads it. It lives outside the Export screen, so leaving
 * the screen and coming back finds the export still going, and the file is still saved.
 */
export class ExportJob {
  private current: ExportJobState = { phase: 'idle' };
  private readonly listeners = new Set<() => void>();
  /** Bumped by each start, so answers about an earlier export are ignored. */
  private run = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly client: ApiClient,
    private readonly download: (file: ExportedFile) => void = downloadWordFile,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): ExportJobState => this.current;

  /**
   * Exports `options`. `beforeStart` waits for writes still on their way and answers null when all
   * is saved, or why the export should not go ahead.
   */
  async start(options: ExportOptions, beforeStart: () => Promise<string | null>): Promise<void> {
    if (isExportBusy(this.current)) return;
    const run = ++this.run;
    const pack = options.pack;
    this.publish({ phase: 'starting', pack });
    const unsaved = await beforeStart();
    if (run !== this.run) return;
    if (unsaved !== null) {
      this.publish({ phase: 'failed', message: unsaved });
      return;
    }
    const started = await this.client.call('export.start', { options });
    if (run !== this.run) return;
    if (!started.ok) {
      this.publish({ phase: 'failed', message: started.error.message });
      return;
    }
    this.publish({ phase: 'running', pack, jobId: started.value.jobId, progress: { state: 'running', stage: 'reading', done: 0, total: 0, message: null }, cancelling: false });
    this.poll(run);
  }

  async cancel(): Promise<void> {
    const state = this.current;
    if (state.phase !== 'running' || state.cancelling) return;
    const run = this.run;
    this.publish({ ...state, cancelling: true });
    const answer = await this.client.call('export.cancel', { jobId: state.jobId });
    if (run !== this.run || this.current.phase !== 'running') return;
    if (answer.ok && answer.value.cancelled) {
      this.stop();
      this.publish({ phase: 'cancelled' });
    } else {
      // It finished (or failed) just before: the next answer about it says which.
      this.publish({ ...this.current, cancelling: false });
    }
  }

  private poll(run: number): void {
    this.timer = setTimeout(() => void this.check(run), progressPollMs);
  }

  private async check(run: number): Promise<void> {
    const state = this.current;
    if (run !== this.run || state.phase !== 'running') return;
    const answer = await this.client.call('export.progress', { jobId: state.jobId });
    const now = this.current;
    if (run !== this.run || now.phase !== 'running') return;
    if (!answer.ok) {
      this.publish({ phase: 'failed', message: answer.error.message });
      return;
    }
    const progress = answer.value;
    if (progress.state === 'running') {
      this.publish({ ...now, progress });
      this.poll(run);
    } else if (progress.state === 'cancelled') this.publish({ phase: 'cancelled' });
    else if (progress.state === 'failed') this.publish({ phase: 'failed', message: progress.message ?? 'The Word file could not be made. Nothing in your portfolio was changed; please try again.' });
    else await this.collect(run, now.jobId, now.pack);
  }

  /** The user read what the privacy check found and chose to save the file as it is. */
  async confirmFindings(fingerprint: string): Promise<void> {
    const state = this.current;
    if (state.phase !== 'check') return;
    await this.collect(this.run, state.jobId, state.pack, fingerprint);
  }

  /** The user went back to fix what the privacy check found: the file is not saved. */
  holdBack(): void {
    if (this.current.phase === 'check') this.publish({ phase: 'held-back' });
  }

  private async collect(run: number, jobId: string, pack: ExportPackKind, confirmedFindings: string | null = null): Promise<void> {
    this.publish({ phase: 'collecting', pack });
    const answer = await this.client.call('export.take', { jobId, confirmedFindings });
    if (run !== this.run) return;
    if (!answer.ok) {
      this.publish({ phase: 'failed', message: answer.error.message });
      return;
    }
    if (answer.value.state === 'check') {
      this.publish({ phase: 'check', pack, jobId, check: answer.value.check });
      return;
    }
    const file = { value: answer.value };
    try {
      this.download(file.value);
    } catch {
      this.publish({ phase: 'failed', message: 'The Word file was made but could not be handed to your browser to save. Export again.' });
      return;
    }
    this.publish({ phase: 'saved', fileName: file.value.fileName, bytes: file.value.bytes });
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private publish(next: ExportJobState): void {
    this.current = next;
    for (const listener of this.listeners) listener();
  }
}

const jobs = new WeakMap<object, ExportJob>();

/** The export job of this window's portfolio session. */
export function exportJobFor(session: { client: ApiClient }): ExportJob {
  let job = jobs.get(session);
  if (!job) {
    job = new ExportJob(session.client);
    jobs.set(session, job);
  }
  return job;
}

export function useExportJob(job: ExportJob): ExportJobState {
  return useSyncExternalStore(job.subscribe, job.snapshot);
}
