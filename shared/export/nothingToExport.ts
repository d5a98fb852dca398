import type { ExportPreview } from './exportOptions.js';

/**
 * Whether a pack would hold nothing worth a file: no entries, or for the mentor feedback pack no
 * comments and no sign-offs. Its own module (no schemas), so the page can ask it too.
 */
export function nothingToExport(preview: ExportPreview): boolean {
  if (preview.feedback) return preview.feedback.comments + preview.feedback.signOffs === 0;
  return preview.entries === 0;
}
