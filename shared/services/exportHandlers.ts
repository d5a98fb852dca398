import type { ApiHandlers, ExportedFile, ExportProgress, Outgoing } from '../api/contract.js';
import { checkWordFile } from '../export/exportCheck.js';
import type { OutgoingCheck } from '../privacy/outgoing.js';
import { failure, ok } from '../api/result.js';
import type { ExportOptions } from '../export/exportOptions.js';
import { type ExportSource, ExportGap, entriesToLoad, entriesToPreview, packDocument, planExport } from '../export/exportPack.js';
import { nothingToExport } from '../export/nothingToExport.js';
import type { PortfolioData } from '../portfolio/portfolioData.js';
import type { EntrySections } from '../portfolio/weeklyLog.js';
import type { PortfolioHost, PortfolioStore } from '../store/portfolioStore.js';
import { portfolioUnavailable } from './unavailable.js';

/** Everything an export needs, as plain data: it is handed to a worker thread to build. */
export interface ExportJobInput {
  options: ExportOptions;
  data: PortfolioData;
  bodies: Array<[string, EntrySections]>;
  /** When the export was asked for (ISO), for "prepared on" lines. */
  now: string;
}

/** Runs exports away from the process answering the page, one job per request, each cancellable. */
export interface ExportService {
  start(input: ExportJobInput, fileName: string): string;
  progress(jobId: string): ExportProgress | null;
  cancel(jobId: string): boolean;
  /**
   * The finished file, handed over once, or the privacy check's findings (the file is kept) until
   * `confirmedFindings` names them; 'not-ready' while it is still being built.
   */
  take(jobId: string, confirmedFindings: string | null): Outgoing<ExportedFile> | 'not-ready' | null;
}

/**
 * The index as it stands, with the text of the entries the pack needs (read from the store): every
 * one it prints, or for a preview only those the preview counts from.
 */
export async function exportInput(store: PortfolioStore, options: ExportOptions, now: Date, purpose: 'preview' | 'export' = 'export'): Promise<ExportJobInput> {
  const data = store.read();
  const bodies: Array<[string, EntrySections]> = [];
  const ids = purpose === 'preview' ? entriesToPreview(data, options) : entriesToLoad(data, options);
  for (const entryId of ids) bodies.push([entryId, await store.sections(entryId)]);
  return { options, data, bodies, now: now.toISOString() };
}

export function exportSource(input: ExportJobInput): ExportSource {
  return { data: input.data, bodies: new Map(input.bodies), now: new Date(input.now) };
}

const noJob = () => failure<never>('not-found', 'That export is no longer known: it may have been saved already, or the app was restarted. Export again.');

export function createExportHandlers(
  host: PortfolioHost,
  service: ExportService | undefined,
  now: () => Date,
): Pick<ApiHandlers, 'export.preview' | 'export.start' | 'export.progress' | 'export.cancel' | 'export.take'> {
  const plan = async (options: ExportOptions, purpose: 'preview' | 'export') => {
    const store = host.store();
    if (!store) return { ok: false as const, answer: portfolioUnavailable() };
    const input = await exportInput(store, options, now(), purpose);
    const planned = planExport(exportSource(input), options);
    return planned.ok ? { ok: true as const, input, plan: planned.value } : { ok: false as const, answer: failure<never>(planned.error.code, planned.error.message) };
  };
  return {
    'export.preview': async ({ options }) => {
      const planned = await plan(options, 'preview');
      return planned.ok ? ok(planned.plan.preview) : planned.answer;
    },
    'export.start': async ({ options }) => {
      if (!service) return failure('internal', 'Exporting to Word is not available in this window.');
      const planned = await plan(options, 'export');
      if (!planned.ok) return planned.answer;
      if (nothingToExport(planned.plan.preview)) return failure('invalid-argument', planned.plan.preview.notes[0] ?? 'There is nothing to export for these choices.');
      try {
        return ok({ jobId: service.start(planned.input, planned.plan.preview.fileName) });
      } catch (error) {
        if (error instanceof ExportGap) return failure('invalid-argument', error.message);
        throw error;
      }
    },
    'export.progress': async ({ jobId }) => {
      const progress = service?.progress(jobId) ?? null;
      return progress ? ok(progress) : noJob();
    },
    'export.cancel': async ({ jobId }) => ok({ cancelled: service?.cancel(jobId) ?? false }),
    'export.take': async ({ jobId, confirmedFindings }) => {
      const file = service?.take(jobId, confirmedFindings) ?? null;
      if (file === null) return noJob();
      if (file === 'not-ready') return failure('invalid-argument', 'That export is still being written.');
      return ok(file);
    },
  };
}

/** A finished Word file and the privacy check over the words in it. */
export interface BuiltExport {
  bytes: Uint8Array;
  check: OutgoingCheck;
}

/**
 * Builds the Word file for a job, then checks the words in the finished file for possible
 * identifiers: what a worker thread runs. A framework or entry gone since the job started is a
 * plain sentence (ExportGap), never a stack trace.
 */
export async function buildExport(input: ExportJobInput, onProgress: (done: number, total: number) => void): Promise<BuiltExport> {
  const planned = planExport(exportSource(input), input.options);
  if (!planned.ok) throw new ExportGap(planned.error.message);
  const document = planned.value.document(onProgress);
  const bytes = await packDocument(document);
  return { bytes, check: checkWordFile(bytes, input.data, input.options.name) };
}
