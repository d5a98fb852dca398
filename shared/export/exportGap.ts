/**
 * Thrown inside a pack when something it needs is missing (a framework, an entry, an entry's text);
 * planExport turns it into a plain 'not-found' answer. Its own module, so code that only needs to
 * recognise it (main's export jobs) need not load the Word writer.
 */
export class ExportGap extends Error {
  override name = 'ExportGap';
}
