/** Raised when a save could not reach the disk; the change stays in memory and the page retries. */
export class StorageWriteError extends Error {
  override name = 'StorageWriteError';
}
