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
import { type CipherMode, type DataKey, FolderCipher, type OpenProblem } from './folderCipher.js';
import { portfolioFileName } from './folderLayout.js';
import { type KeyFile, keyFileName, readKeyFile, unwrapKeys, wrappingKeyFor } from './keyFile.js';

/**
 * A portfolio read as it was last saved, for the command line. Nothing here writes: no lock is
 * taken, nothing is migrated on disk, damaged files are not quarantined. The app may have the
 * portfolio open at the same time; the index is replaced only by rename and body files never
 * change, so what is read is one whole saved state. An encrypted portfolio is read with its
 * passphrase, in memory: nothing decrypted is written anywhere. Its key is read from portfolio.key,
 * or from the copy in backups/ when that is damaged or missing (the app puts the two right when it
 * next opens the portfolio; this reader leaves them as they are).
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
  | 'entry-unreadable'
  /** The portfolio is encrypted and no passphrase was given. */
  | 'passphrase-needed'
  /** The passphrase given does not open the portfolio. */
  | 'passphrase-wrong';

export interface SnapshotOptions {
  /** Asked only when the portfolio is encrypted; null when there is none to give. */
  passphrase?: () => Promise<string | null>;
}

export type SnapshotReading<T> = { ok: true; value: T } | { ok: false; problem: SnapshotProblem; message: string };

const problem = <T>(kind: SnapshotProblem, message: string): SnapshotReading<T> => ({ ok: false, problem: kind, message });

const unopenedIndex: Record<OpenProblem, string> = {
  locked: 'The portfolio is encrypted and needs its passphrase.',
  tampered: 'The portfolio file is damaged: it is not as it was when it was encrypted.',
  'unknown-key': 'The portfolio file is encrypted with a key this portfolio does not hold.',
  'not-encrypted': 'The portfolio file is not encrypted, though this portfolio is: it may have been replaced by another file.',
  'no-key-file': `The portfolio file is encrypted, but its key file (${keyFileName}) is missing, and so is the copy of it in the backups folder.`,
};

/** How an encrypted folder's files are read, as its key file says, without finishing any change it records. */
function readingModeFor(file: KeyFile, keys: ReadonlyMap<string, DataKey>): CipherMode {
  return { kind: 'keys', keys, writeWith: null, readsPlain: file.state === 'encrypting' || file.state === 'decrypting' };
}

export async function readPortfolioSnapshot(folder: string, options: SnapshotOptions = {}): Promise<SnapshotReading<PortfolioSnapshot>> {
  const folderKind = await kindOf(folder);
  if (folderKind === 'missing') return problem('folder-missing', `There is no folder at ${folder}.`);
  if (folderKind === 'file') return problem('folder-missing', `${folder} is a file, not a portfolio folder.`);

  const cipher = new FolderCipher();
  const keyFile = await readKeyFile(folder);
  if (keyFile.kind === 'damaged') return problem('damaged', keyFile.problem.replace('this encrypted portfolio', `the encrypted portfolio in ${folder}`));
  if (keyFile.kind === 'found') {
    const passphrase = options.passphrase ? await options.passphrase() : null;
    if (passphrase === null) return problem('passphrase-needed', `The portfolio in ${folder} is encrypted: its passphrase is needed to read it.`);
    const keys = passphrase.trim() === '' ? null : unwrapKeys(keyFile.file, await wrappingKeyFor(keyFile.file, passphrase));
    if (!keys) return problem('passphrase-wrong', `That passphrase does not open the portfolio in ${folder}. Nothing was read or changed.`);
    cipher.setMode(readingModeFor(keyFile.file, keys));
  }

  const indexPath = join(folder, portfolioFileName);
  const backups = new BackupFolder(join(folder, 'backups'), cipher);
  const open = cipher.reader();
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

  const opening = open(bytes, 'index');
  const text = opening.ok ? decodePortfolioBytes(opening.plain) : null;
  const reading = !opening.ok
    ? { ok: false as const, problem: unopenedIndex[opening.problem] }
    : text === null
      ? { ok: false as const, problem: 'The portfolio file contains damaged bytes (it is not valid text).' }
      : readPortfolioText(text);
  if (!reading.ok) {
    if (text !== null && savedByNewerVersion(text)) return problem('newer-version', reading.problem);
    return problem('damaged', `${reading.problem} ${await whereGoodCopiesAre(folder, backups)}`);
  }

  const data = reading.data;
  const bodies = new BodyFolder(join(folder, 'bodies'), cipher);
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
