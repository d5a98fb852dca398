import type { OpenedFile } from '../../../shared/api/contract.js';

/**
 * Share and feedback files the desktop app opened (File menu, double-click), waiting for the page
 * that opens them: Mentoring takes share files, Sharing takes feedback files. A file offered
 * before that page is showing waits for it.
 */
type Listener = (file: OpenedFile) => void;

const waiting: OpenedFile[] = [];
const listeners = new Map<OpenedFile['kind'], Listener>();

export function offerOpenedFile(file: OpenedFile): void {
  const listener = listeners.get(file.kind);
  if (listener) listener(file);
  else waiting.push(file);
}

/** Called by the page that opens files of `kind`; hands it any waiting file. Returns the unsubscribe. */
export function takeOpenedFiles(kind: OpenedFile['kind'], listener: Listener): () => void {
  listeners.set(kind, listener);
  for (let index = 0; index < waiting.length; ) {
    const file = waiting[index] as OpenedFile;
    if (file.kind === kind) {
      waiting.splice(index, 1);
      listener(file);
    } else {
      index += 1;
    }
  }
  return () => {
    if (listeners.get(kind) === listener) listeners.delete(kind);
  };
}
