import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { OpenedFile } from '../../shared/api/contract.js';
import { sharingLimits } from '../../shared/share/sharing.js';

/** The open dialog's choices for each kind of file. */
export const sharingFileFilters = {
  share: [
    { name: 'Share files', extensions: ['rpshare'] },
    { name: 'All files', extensions: ['*'] },
  ],
  feedback: [
    { name: 'Feedback files', extensions: ['rpfeedback'] },
    { name: 'All files', extensions: ['*'] },
  ],
} as const;

export type OpenedFileReading = { ok: true; file: OpenedFile } | { ok: false; problem: string };

/** A file's kind from its name: what the system passes on a double-click says nothing else. */
export function sharingFileKind(path: string): OpenedFile['kind'] | null {
  if (/\.rpshare$/i.test(path)) return 'share';
  if (/\.rpfeedback$/i.test(path)) return 'feedback';
  return null;
}

/**
 * Reads a share or feedback file the user picked or double-clicked, for the page to open. Only
 * its size and encoding are checked here; the page's open call checks everything else.
 */
export async function readSharingFile(path: string, kind: OpenedFile['kind']): Promise<OpenedFileReading> {
  const name = basename(path);
  // UTF-8 takes at most 4 bytes a character: a larger file cannot be under the character limit.
  const maxBytes = sharingLimits.maxFileChars * 4;
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, problem: code === 'ENOENT' ? `${name} could not be found.` : `${name} could not be opened (${code ?? 'unknown error'}).` };
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) return { ok: false, problem: `${name} is too large to be a ${kind} file.` };
    const bytes = await handle.readFile();
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, problem: `${name} is not a Reflective Portfolio ${kind} file.` };
    }
    if (text.length > sharingLimits.maxFileChars) return { ok: false, problem: `${name} is too large to be a ${kind} file.` };
    return { ok: true, file: { kind, name, text } };
  } catch (error) {
    return { ok: false, problem: `${name} could not be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).` };
  } finally {
    await handle.close();
  }
}
