import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file-system calls an atomic write makes; tests pass a recording wrapper to check their order. */
export interface AtomicWriteFileSystem {
  open(path: string, flags: string, mode?: number): Promise<{ writeFile(data: string | Uint8Array): Promise<void>; sync(): Promise<void>; close(): Promise<void> }>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: boolean }): Promise<void>;
  /** Only called when a write keeps the old file's modification time (a backup re-encrypted keeps its date). */
  utimes?(path: string, accessed: Date, modified: Date): Promise<void>;
}

export const realFileSystem: AtomicWriteFileSystem = nodeFs;

let sequence = 0;

/**
 * Replaces `path` with `contents` so that a crash at any moment leaves either the old file or the
 * new one, whole: write a temporary file beside it, fsync it, rename it over the target, then
 * fsync the folder so the rename itself survives a power cut. Files are readable by the owner only.
 */
export async function writeFileAtomically(
  path: string,
  contents: string | Uint8Array,
  fileSystem: AtomicWriteFileSystem = realFileSystem,
  options: { syncFolder: boolean; modifiedAt?: Date } = { syncFolder: true },
): Promise<void> {
  const folder = dirname(path);
  sequence += 1;
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${sequence}.tmp`);
  const file = await fileSystem.open(temporary, 'w', 0o600);
  try {
    await file.writeFile(contents);
    await file.sync();
  } catch (error) {
    await file.close();
    await fileSystem.rm(temporary, { force: true });
    throw error;
  }
  await file.close();
  try {
    if (options.modifiedAt && fileSystem.utimes) await fileSystem.utimes(temporary, options.modifiedAt, options.modifiedAt);
    await fileSystem.rename(temporary, path);
  } catch (error) {
    await fileSystem.rm(temporary, { force: true });
    throw error;
  }
  if (options.syncFolder) await syncFolder(folder, fileSystem);
}

export async function syncFolder(folder: string, fileSystem: AtomicWriteFileSystem = realFileSystem): Promise<void> {
  const handle = await fileSystem.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
