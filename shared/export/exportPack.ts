import { type Document, Packer } from 'docx';
import { type Result, failure, ok } from '../api/result.js';
import type { PortfolioData } from '../portfolio/portfolioData.js';
import { appraisalEntries, appraisalPack } from './appraisalPack.js';
import { assignmentEntries, assignmentPack } from './assignmentPack.js';
import type { ExportOptions, ExportPreview } from './exportOptions.js';
import { feedbackEntries, feedbackPack } from './feedbackPack.js';
import type { PackPlan } from './packPlan.js';
import { type ExportSource, ExportGap } from './packParts.js';
import { reflectionPack } from './reflectionPack.js';
import { weeksInRange, weeksPack } from './weeksPack.js';

export { type ExportSource, ExportGap } from './packParts.js';

/** A pack ready to write, as the app and the command line use it. */
export interface ExportPlan {
  preview: ExportPreview;
  /** How many steps `document` reports through `onProgress`. */
  steps: number;
  document(onProgress?: (done: number, total: number) => void): Document;
}

/** Ids of the entries whose rich text the pack needs: load these into the source's `bodies`. */
export function entriesToLoad(data: PortfolioData, options: ExportOptions): string[] {
  switch (options.pack) {
    case 'weeks':
      return weeksInRange(data, options).map((entry) => entry.id);
    case 'reflection':
      return data.entries.some((entry) => entry.id === options.entryId) ? [options.entryId] : [];
    case 'assignment':
      return assignmentEntries(data, options).map((entry) => entry.id);
    case 'appraisal':
      return appraisalEntries(data, options).map((entry) => entry.id);
    case 'feedback':
      return feedbackEntries(data, options).map((entry) => entry.id);
  }
}

/**
 * Ids of the entries whose text the preview needs: only the assignment pack counts quoted words
 * before it is built; the others (the feedback pack too: it finds passages again only when it is
 * built) preview from the index alone.
 */
export function entriesToPreview(data: PortfolioData, options: ExportOptions): string[] {
  return options.pack === 'assignment' ? entriesToLoad(data, options) : [];
}

function packFor(source: ExportSource, options: ExportOptions): PackPlan {
  switch (options.pack) {
    case 'weeks':
      return weeksPack(source, options);
    case 'reflection':
      return reflectionPack(source, options);
    case 'assignment':
      return assignmentPack(source, options);
    case 'appraisal':
      return appraisalPack(source, options);
    case 'feedback':
      return feedbackPack(source, options);
  }
}

/**
 * What the pack will hold and how to build it. A framework or entry that is not in the portfolio,
 * or text that could not be read, is a plain 'not-found' answer, never a thrown error.
 */
export function planExport(source: ExportSource, options: ExportOptions): Result<ExportPlan> {
  try {
    const pack = packFor(source, options);
    return ok({
      preview: pack.preview,
      steps: pack.steps,
      // Text missing when the document is built throws ExportGap, whose message is a plain sentence.
      document: (onProgress) => pack.document((done) => onProgress?.(done, pack.steps)),
    });
  } catch (error) {
    if (error instanceof ExportGap) return failure('not-found', error.message);
    throw error;
  }
}

/** The finished .docx file's bytes. */
export async function packDocument(document: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
