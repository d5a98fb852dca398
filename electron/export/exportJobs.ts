import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ExportedFile, ExportProgress, Outgoing } from '../../shared/api/contract.js';
import { ExportGap } from '../../shared/export/exportPack.js';
import { type BuiltExport, type ExportJobInput, type ExportService, buildExport } from '../../shared/services/exportHandlers.js';
import { type OutgoingCheck, confirmationStands } from '../../shared/privacy/outgoing.js';

/** What a running export reports. */
export type ExportEvent = { type: 'progress'; done: number; total: number } | { type: 'writing' } | ({ type: 'done' } & BuiltExport) | { type: 'failed'; message: string };

/** Starts building one export; `cancel` stops it and nothing more is reported. */
export type ExportEngine = (input: ExportJobInput, report: (event: ExportEvent) => void) => { cancel(): void };

const unexpected = 'The Word file could not be made because of a fault in the app. Nothing in your portfolio was changed; please try again.';

/** A plain sentence for a failed export. Never the error's own text for a fault: it could quote an entry. */
export function failureMessage(error: unknown): string {
  if (error instanceof ExportGap) return error.message;
  if (error instanceof RangeError) return 'The Word file was too large to make in one go. Export a shorter date range.';
  return unexpected;
}

/** Builds the file in a worker thread, so the process answering the page (and saving its text) never waits on it. */
export function workerEngine(workerFile: string): ExportEngine {
  return (input, report) => {
    let finished = false;
    const finish = (event: ExportEvent) => {
      if (finished) return;
      finished = true;
      report(event);
    };
    const worker = new Worker(workerFile, { workerData: input, resourceLimits: { maxOldGenerationSizeMb: 1536 } });
    worker.on('message', (event: ExportEvent) => (event.type === 'done' || event.type === 'failed' ? finish(event) : finished || report(event)));
    worker.on('error', (error) => {
      console.error(`Export worker failed: ${error.name}`);
      finish({ type: 'failed', message: failureMessage(error) });
    });
    worker.on('exit', (code) => finish({ type: 'failed', message: code === 0 ? unexpected : 'The export stopped before the Word file was finished (it may have run out of memory). Export a shorter date range.' }));
    return {
      cancel: () => {
        finished = true;
        void worker.terminate();
      },
    };
  };
}

/** Builds the file in this process: for the tests, or if the worker's file is missing from a build. */
export const inProcessEngine: ExportEngine = (input, report) => {
  let cancelled = false;
  void (async () => {
    try {
      const built = await buildExport(input, (done, total) => cancelled || report({ type: 'progress', done, total }));
      if (!cancelled) report({ type: 'done', ...built });
    } catch (error) {
      if (!cancelled) report({ type: 'failed', message: failureMessage(error) });
    }
  })();
  return {
    cancel: () => {
      cancelled = true;
    },
  };
};

/** The worker when it was built beside us, else this process (with a note on the console). */
export function exportEngineFor(workerFile: string | undefined): ExportEngine {
  if (workerFile && existsSync(workerFile)) return workerEngine(workerFile);
  if (workerFile) console.warn('The export worker was not found in this build, so Word files are made in the main process.');
  return inProcessEngine;
}

interface Job {
  fileName: string;
  progress: ExportProgress;
  bytes: Uint8Array | null;
  check: OutgoingCheck | null;
  cancel: () => void;
  endedAt: number | null;
}

/** Finished jobs whose file nobody took are dropped after this long. */
const keepFinishedMs = 10 * 60_000;
/** More running at once would only slow each other down on a laptop. */
const maxRunning = 3;

/** The export jobs of one portfolio window: started, watched, cancelled and collected by id. */
export class ExportJobs implements ExportService {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly engine: ExportEngine,
    private readonly newId: () => string,
    private readonly clock: () => number = Date.now,
  ) {}

  start(input: ExportJobInput, fileName: string): string {
    this.tidy();
    const running = [...this.jobs.values()].filter((job) => job.progress.state === 'running');
    if (running.length >= maxRunning) throw new ExportGap('Three exports are already being written. Wait for one to finish, or cancel one.');
    const jobId = this.newId();
    const job: Job = { fileName, progress: { state: 'running', stage: 'reading', done: 0, total: 0, message: null }, bytes: null, check: null, cancel: () => undefined, endedAt: null };
    this.jobs.set(jobId, job);
    job.cancel = this.engine(input, (event) => {
      if (job.progress.state !== 'running') return;
      if (event.type === 'progress') job.progress = { ...job.progress, done: event.done, total: event.total, stage: event.done >= event.total ? 'writing' : 'laying-out' };
      else if (event.type === 'writing') job.progress = { ...job.progress, stage: 'writing' };
      else if (event.type === 'done') {
        job.bytes = event.bytes;
        job.check = event.check;
        job.progress = { ...job.progress, state: 'done', stage: 'writing', done: job.progress.total };
        job.endedAt = this.clock();
      } else {
        job.progress = { ...job.progress, state: 'failed', message: event.message };
        job.endedAt = this.clock();
      }
    }).cancel;
    return jobId;
  }

  progress(jobId: string): ExportProgress | null {
    return this.jobs.get(jobId)?.progress ?? null;
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job || job.progress.state !== 'running') return false;
    job.cancel();
    job.progress = { ...job.progress, state: 'cancelled' };
    job.endedAt = this.clock();
    return true;
  }

  take(jobId: string, confirmedFindings: string | null): Outgoing<ExportedFile> | 'not-ready' | null {
    const job = this.jobs.get(jobId);
    if (!job) return null;
    if (job.progress.state === 'running') return 'not-ready';
    if (!job.bytes || !job.check) return null;
    // The file stays here until the user has seen what the check found and chosen to go on.
    if (!confirmationStands(job.check, confirmedFindings)) return { state: 'check', check: job.check };
    this.jobs.delete(jobId);
    return { state: 'file', fileName: job.fileName, base64: Buffer.from(job.bytes).toString('base64'), bytes: job.bytes.byteLength };
  }

  /** Stops every running export (the window is closing). */
  cancelAll(): void {
    for (const [jobId] of this.jobs) this.cancel(jobId);
  }

  private tidy(): void {
    const now = this.clock();
    for (const [jobId, job] of this.jobs) if (job.endedAt !== null && now - job.endedAt > keepFinishedMs) this.jobs.delete(jobId);
  }
}
