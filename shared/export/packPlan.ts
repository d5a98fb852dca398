import type { Document } from 'docx';
import type { ExportPreview } from './exportOptions.js';

/** A pack ready to write: what it will hold, and how to build it (reporting each step done). */
export interface PackPlan {
  preview: ExportPreview;
  /** How many steps `document` reports (one per entry or outcome laid out). */
  steps: number;
  document(progress: (done: number) => void): Document;
}
