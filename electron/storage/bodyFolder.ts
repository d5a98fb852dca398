import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { readEntryBodyText } from '../../shared/portfolio/portfolioFile.js';
import type { EntryBody } from '../../shared/portfolio/weeklyLog.js';
import { syncFolder, writeFileAtomically } from './atomicWrite.js';
import { decodePortfolioBytes } from './decodePortfolioBytes.js';
import { FolderCipher } from './folderCipher.js';

export type BodyReading = { ok: true; body: EntryBody } | { ok: false; bytes: Uint8Array | null };

/**
 * bodies/ holds one file per saved version of an entry's text. A body file is never changed after
 * it is written; a save writes a new one, and the index that names it is the commit point.
 */
export class BodyFolder {
  constructor(
    readonly folder: string,
    private readonly cipher: FolderCipher = new FolderCipher(),
  ) {}

  async ensure(): Promise<void> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
  }

  /** Writes bodies whole, then makes their names durable with one folder sync. */
  async write(bodies: ReadonlyMap<string, EntryBody>): Promise<void> {
    if (bodies.size === 0) return;
    for (const [name, body] of bodies) {
      await writeFileAtomically(join(this.folder, `${name}.json`), this.cipher.seal(JSON.stringify(body), 'body'), undefined, { syncFolder: false });
    }
    await syncFolder(this.folder);
  }

  async read(name: string, entryId: string): Promise<BodyReading> {
    const open = this.cipher.reader();
    let bytes: Uint8Array;
    try {
      bytes = await readFile(join(this.folder, `${name}.json`));
    } catch {
      return { ok: false, bytes: null };
    }
    const opening = open(bytes, 'body');
    const text = opening.ok ? decodePortfolioBytes(opening.plain) : null;
    const reading = text === null ? null : readEntryBodyText(text, entryId);
    return reading?.ok ? { ok: true, body: reading.body } : { ok: false, bytes };
  }

  async remove(names: Iterable<string>): Promise<void> {
    await Promise.all([...names].map((name) => rm(join(this.folder, `${name}.json`), { force: true })));
  }

  /** Temp files left by a save cut off before its rename. */
  async removeLeftovers(): Promise<void> {
    const files = await readdir(this.folder).catch(() => [] as string[]);
    await Promise.all(files.filter((file) => file.endsWith('.tmp')).map((file) => rm(join(this.folder, file), { force: true })));
  }
}
