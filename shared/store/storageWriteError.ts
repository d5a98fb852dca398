/** Raised when a save could not reach the disk; the change stays in memory and the page retries. */
export class StorageWriteError extends Error {
  override name = 'StorageWriteError';
}

/** Raised when one entry's text cannot be read; the rest of the portfolio is unaffected. */
export class EntryUnreadableError extends Error {
  override name = 'EntryUnreadableError';
}
