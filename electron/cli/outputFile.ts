import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { writeFileAtomically } from '../storage/atomicWrite.js';
import { CliProblem, usageProblem } from './cliProblem.js';

/** The absolute path --out names, if it names a Word file. */
export function outputPath(out: string | undefined): string {
  if (out === undefined) throw usageProblem('Say where to save the Word document with --out <file.docx>.');
  if (!/\.docx$/i.test(out.trim()) || out.trim().length <= '.docx'.length) throw usageProblem(`--out must name a Word file ending in .docx, for example --out log.docx; "${out}" does not.`);
  return resolve(out);
}

/** Checked before the work starts, so a mistyped folder is reported at once rather than after building the document. */
export async function checkOutputPath(path: string): Promise<void> {
  const folder = dirname(path);
  const folderStat = await stat(folder).catch(() => null);
  if (!folderStat) throw new CliProblem(`The folder ${folder} does not exist, so ${path} cannot be saved there.`);
  if (!folderStat.isDirectory()) throw new CliProblem(`${folder} is a file, not a folder, so ${path} cannot be saved there.`);
  if ((await stat(path).catch(() => null))?.isDirectory()) throw new CliProblem(`${path} is a folder.`);
}

/** Writes the whole file or nothing: a temp file beside it, then a rename over any old one. */
export async function writeOutputFile(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFileAtomically(path, bytes);
  } catch (error) {
    throw new CliProblem(writeProblem(path, (error as NodeJS.ErrnoException).code));
  }
}

export function writeProblem(path: string, code: string | undefined): string {
  switch (code) {
    case 'EBUSY':
    case 'EPERM':
    case 'ETXTBSY':
      return `${path} is open in another program (Word?) — close it and try again.`;
    case 'EACCES':
    case 'EROFS':
      return `${path} cannot be written here: permission was refused.`;
    case 'EISDIR':
      return `${path} is a folder.`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `The folder ${dirname(path)} does not exist, so ${path} cannot be saved there.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `${path} could not be saved: the disk is full.`;
    case 'ENAMETOOLONG':
      return `${path} could not be saved: the name is too long.`;
    default:
      return `${path} could not be saved${code ? ` (${code})` : ''}.`;
  }
}
