import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { syncFolder, writeFileAtomically } from './atomicWrite.js';
import { backupNamePattern } from './backups.js';
import { type CipherMode, type DataKey, type FileRole, isEncryptedFile, keyIdOf, openFileBytes, sealFileBytes } from './folderCipher.js';
import { leftoverTempFile, portfolioFileName, portfolioFolders } from './folderLayout.js';
import { reviewFilePattern } from './reviewFolder.js';

interface Place {
  folder: string;
  holds: (name: string) => boolean;
  /** The role a plain file here is given when it is encrypted. */
  role: FileRole;
  /** Backups are dated by their files' modification times, so a rewritten backup keeps its own. */
  keepsTimes: boolean;
}

function placesIn(folder: string): Place[] {
  const folders = portfolioFolders(folder);
  return [
    { folder, holds: (name) => name === portfolioFileName, role: 'index', keepsTimes: false },
    { folder: folders.backups, holds: (name) => backupNamePattern.test(name), role: 'index', keepsTimes: true },
    { folder: folders.bodies, holds: (name) => name.endsWith('.json') && !name.startsWith('.'), role: 'body', keepsTimes: false },
    { folder: folders.reviews, holds: (name) => reviewFilePattern.test(name), role: 'review', keepsTimes: false },
    { folder: folders.damaged, holds: (name) => !leftoverTempFile.test(name) && !name.endsWith('.key'), role: 'damaged', keepsTimes: true },
  ];
}

/** What one file becomes: its new bytes, or null when it stays as it is. */
function converted(bytes: Uint8Array, role: FileRole, reading: CipherMode, target: DataKey | null): Uint8Array | null {
  if (!isEncryptedFile(bytes)) {
    if (!target) return null;
    // A plain file is encrypted only while a passphrase is being set; otherwise it is no file of ours.
    return reading.kind === 'keys' && reading.readsPlain ? sealFileBytes(target, role, bytes) : null;
  }
  if (target && keyIdOf(bytes) === target.id) return null;
  const opening = openFileBytes(reading, bytes, null);
  // A file that does not open is damaged: it is left exactly as it is, for whoever looks into it.
  if (!opening.ok) return null;
  return target ? sealFileBytes(target, opening.role ?? role, opening.plain) : opening.plain;
}

async function convertFile(path: string, place: Place, reading: CipherMode, target: DataKey | null): Promise<boolean> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  const next = converted(bytes, place.role, reading, target);
  if (!next) return false;
  const modifiedAt = place.keepsTimes ? (await stat(path)).mtime : undefined;
  await writeFileAtomically(path, next, undefined, { syncFolder: false, ...(modifiedAt ? { modifiedAt } : {}) });
  return true;
}

/** How many files are rewritten at once: enough to keep a disk busy, few enough not to crowd out saves' reads. */
const together = 8;

/**
 * Rewrites every file of the portfolio folder (index, backups, bodies, reviews, quarantined copies)
 * so that each is encrypted with `target`, or plain when `target` is null, reading each with
 * `reading`. Each file is replaced atomically and on its own, and a file already as wanted is left
 * alone, so this can be cut off at any point and run again; every folder is synced before it returns,
 * so the key file may then say the change is done. Files that cannot be opened are left untouched.
 */
export async function convertFolder(folder: string, reading: CipherMode, target: DataKey | null): Promise<{ rewritten: number }> {
  let rewritten = 0;
  for (const place of placesIn(folder)) {
    let names: string[];
    try {
      names = (await readdir(place.folder)).filter(place.holds);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    let next = 0;
    let changedHere = 0;
    const worker = async () => {
      while (next < names.length) {
        const name = names[next++] as string;
        if (await convertFile(join(place.folder, name), place, reading, target)) changedHere += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(together, names.length) }, worker));
    if (changedHere > 0) await syncFolder(place.folder);
    rewritten += changedHere;
  }
  return { rewritten };
}
