import { copyFile, link, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { BackupInfo } from '../../shared/api/contract.js';
import { type PortfolioFileReading, readPortfolioText } from '../../shared/portfolio/portfolioFile.js';
import { backupsToKeep, newestFirst } from './backupPolicy.js';
import { decodePortfolioBytes } from './decodePortfolioBytes.js';
import { FolderCipher, type OpenProblem } from './folderCipher.js';

export const backupNamePattern = /^portfolio-\d{8}T\d{9}Z(-\d+)?\.json$/;

function stampForName(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

const unopenedBackup: Record<OpenProblem, string> = {
  locked: 'The portfolio is locked: give its passphrase first.',
  tampered: 'That backup is damaged: it is not as it was when it was encrypted.',
  'unknown-key': 'That backup is encrypted with a key this portfolio no longer holds.',
  'not-encrypted': 'That backup is not encrypted, though this portfolio is, so it is not used.',
  'no-key-file': 'That backup is encrypted, but the portfolio\'s key file (portfolio.key) is missing.',
};

export class BackupFolder {
  constructor(
    readonly folder: string,
    private readonly cipher: FolderCipher = new FolderCipher(),
  ) {}

  async ensure(): Promise<void> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
  }

  /**
   * Keeps the file that is about to be replaced. The live file is only ever replaced by rename,
   * never changed in place, so a hard link is a faithful, instant copy; where links are not
   * supported (some USB drives), the file is copied.
   */
  async keepCopyOf(livePath: string, now: Date): Promise<string | null> {
    const base = `portfolio-${stampForName(now)}`;
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const target = join(this.folder, `${base}${attempt === 0 ? '' : `-${attempt}`}.json`);
      try {
        await link(livePath, target);
        return basename(target);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return null;
        if (code === 'EEXIST') continue;
        await copyFile(livePath, target);
        return basename(target);
      }
    }
    return null;
  }

  /** Removes backups no longer worth keeping; returns the names of those that remain. */
  async prune(now: Date): Promise<string[]> {
    const stamps = await this.stamps();
    const keep = backupsToKeep(stamps, now);
    await Promise.all(stamps.filter((backup) => !keep.has(backup.id)).map((backup) => rm(join(this.folder, backup.id), { force: true })));
    return [...keep];
  }

  async list(): Promise<BackupInfo[]> {
    const stamps = await this.stamps();
    const infos = await Promise.all(
      stamps.map(async (backup): Promise<BackupInfo> => {
        const reading = await this.read(backup.id);
        return { id: backup.id, savedAt: backup.savedAt.toISOString(), sizeBytes: backup.sizeBytes, usable: reading.ok };
      }),
    );
    return infos.sort((a, b) => newestFirst({ id: a.id, savedAt: new Date(a.savedAt) }, { id: b.id, savedAt: new Date(b.savedAt) }));
  }

  /** The backup read and checked; `bytes` are its plain (decrypted) bytes. */
  async read(backupId: string): Promise<PortfolioFileReading & { bytes?: Uint8Array }> {
    if (!backupNamePattern.test(backupId)) return { ok: false, problem: 'There is no backup with that name.' };
    const open = this.cipher.reader();
    let bytes: Uint8Array;
    try {
      bytes = await readFile(join(this.folder, backupId));
    } catch {
      return { ok: false, problem: 'That backup could not be read.' };
    }
    const opening = open(bytes, 'index');
    if (!opening.ok) return { ok: false, problem: unopenedBackup[opening.problem] };
    const text = decodePortfolioBytes(opening.plain);
    if (text === null) return { ok: false, problem: 'That backup is not valid text.' };
    return { ...readPortfolioText(text), bytes: opening.plain };
  }

  private async stamps(): Promise<Array<{ id: string; savedAt: Date; sizeBytes: number }>> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch {
      return [];
    }
    const found = await Promise.all(
      names
        .filter((name) => backupNamePattern.test(name))
        .map(async (name) => {
          try {
            const info = await stat(join(this.folder, name));
            return { id: name, savedAt: info.mtime, sizeBytes: info.size };
          } catch {
            return null;
          }
        }),
    );
    return found.filter((item): item is { id: string; savedAt: Date; sizeBytes: number } => item !== null);
  }
}
