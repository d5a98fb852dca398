/**
 * One writer at a time in a portfolio folder: a save, a review written or removed, and setting,
 * changing or removing the passphrase (which rewrites every file) each wait for the one before, in
 * the order they asked, so no save lands half-way through a re-encryption.
 */
export class FolderGate {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.tail.then(work);
    this.tail = turn.catch(() => undefined);
    return turn;
  }
}
