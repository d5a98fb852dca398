import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { format } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { formatWeekCommencingShort, formatUkDate } from '../../shared/dates/weeks.js';
import { currentSchemaVersion, type PortfolioData } from '../../shared/portfolio/portfolioData.js';
import { readPortfolioText } from '../../shared/portfolio/portfolioFile.js';
import type { EntryRecord, EntrySections } from '../../shared/portfolio/weeklyLog.js';
import { BackupFolder } from './backups.js';
import { BodyFolder } from './bodyFolder.js';
import { decodePortfolioBytes } from './decodePortfolioBytes.js';
import { portfolioFileName } from './openPortfolio.js';

/**
 * A portfolio read as it was last saved, for the command line. Nothing here writes: no lock is
 * taken, nothing is migrated on disk, damaged files are not quarantined. The app may have the
 * portfolio open at the same time; the index is replaced only by rename and body files never
 * change, so what is read is one whole saved state.
 */
export interface PortfolioSnapshot {
  readonly folder: string;
  /** The index, migrated in memory if an older version of the app saved it. */
  readonly data: PortfolioData;
  /** One entry's rich text, read from bodies/ when asked for. */
  sections(entryId: string): Promise<SnapshotReading<EntrySections>>;
}

export type SnapshotProblem =
  /** The folder does not exist (or the path names a file). */
  | 'folder-missing'
  /** The folder exists but has no portfolio.json and no backups of one. */
  | 'not-a-portfolio'
  /** portfolio.json is damaged, unreadable or missing beside its backups. */
  | 'damaged'
  /** portfolio.json was saved by a newer version of the app. */
  | 'newer-version'
  /** An entry's body file is missing or damaged, or the entry does not exist. */
  | 'entry-unreadable';

export type SnapshotReading<T> = { ok: true; value: T } | { ok: false; problem: SnapshotProblem; message: string };

const problem = <T>(kind: SnapshotProblem, message: string): SnapshotReading<T> => ({ ok: false, problem: kind, message });

export async function readPortfolioSnapshot(folder: string): Promise<SnapshotReading<PortfolioSnapshot>> {
  const folderKind = await kindOf(folder);
  if (folderKind === 'missing') return problem('folder-missing', `There is no folder at ${folder}.`);
  if (folderKind === 'file') return problem('folder-missing', `${folder} is a file, not a portfolio folder.`);

  const indexPath = join(folder, portfolioFileName);
  const backups = new BackupFolder(join(folder, 'backups'));
  let bytes: Uint8Array;
  try {
    bytes = await readFile(indexPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      if ((await backups.list()).length > 0) {
        return problem('damaged', `The portfolio file is missing from ${folder}, but backups of it are there. ${await whereGoodCopiesAre(folder, backups)}`);
      }
      return problem('not-a-portfolio', `${folder} is not a portfolio folder: it has no ${portfolioFileName}.`);
    }
    return problem('damaged', `The portfolio file in ${folder} could not be read (it may be locked by another program or not accessible to you).`);
  }

  const text = decodePortfolioBytes(bytes);
  const reading = text === null ? { ok: false as const, problem: 'The portfolio file contains damaged bytes (it is not valid text).' } : readPortfolioText(text);
  if (!reading.ok) {
    if (text !== null && savedByNewerVersion(text)) return problem('newer-version', reading.problem);
    return problem('damaged', `${reading.problem} ${await whereGoodCopiesAre(folder, backups)}`);
  }

  const data = reading.data;
  const bodies = new BodyFolder(join(folder, 'bodies'));
  return {
    ok: true,
    value: {
      folder,
      data,
      sections: async (entryId) => {
        const record = data.entries.find((entry) => entry.id === entryId);
        if (!record) return problem('entry-unreadable', `There is no entry with the id ${entryId} in this portfolio.`);
        const body = await bodies.read(record.body, entryId);
        if (body.ok) return { ok: true, value: body.body.sections };
        return problem(
          'entry-unreadable',
          `The text of ${describeEntry(record)} (id ${entryId}) could not be read: its file in ${join(folder, 'bodies')} is damaged or missing. Open the portfolio in Reflective Portfolio to see it; an earlier version may be in the backups.`,
        );
      },
    },
  };
}

async function kindOf(path: string): Promise<'missing' | 'file' | 'folder'> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

/** readPortfolioText says so in its sentence; the kind is worked out here so the command line can treat it apart from damage. */
function savedByNewerVersion(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    const version = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)['schemaVersion'] : undefined;
    return typeof version === 'number' && version > currentSchemaVersion;
  } catch {
    return false;
  }
}

async function whereGoodCopiesAre(folder: string, backups: BackupFolder): Promise<string> {
  const usable = (await backups.list()).filter((backup) => backup.usable);
  const place = join(folder, 'backups');
  if (usable.length === 0) return `No good copy was found in ${place}.`;
  const newest = usable[0] as (typeof usable)[number];
  const copies = usable.length === 1 ? 'one good copy' : `${usable.length} good copies`;
  return `The backups folder (${place}) holds ${copies}, the newest saved on ${format(new Date(newest.savedAt), "d MMM yyyy 'at' HH:mm", { locale: enGB })}. Open the portfolio in Reflective Portfolio and it offers to restore the newest one.`;
}

export function describeEntry(record: EntryRecord): string {
  return record.kind === 'weekly-log' ? `the weekly log for ${formatWeekCommencingShort(record.weekStart)}` : `the reflection dated ${formatUkDate(record.date)}`;
}
