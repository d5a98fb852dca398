import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { Adapter } from 'lowdb';
import type { BackupInfo, PortfolioStatus } from '../../shared/api/contract.js';
import { type Result, failure, ok } from '../../shared/api/result.js';
import { type PortfolioData, newPortfolio } from '../../shared/portfolio/portfolioData.js';
import { portfolioText, prepareEntryTexts, readPortfolioText } from '../../shared/portfolio/portfolioFile.js';
import type { PortfolioHost, PortfolioStore } from '../../shared/store/portfolioStore.js';
import { StorageWriteError } from '../../shared/store/storageWriteError.js';
import { writeFileAtomically } from './atomicWrite.js';
import { BackupFolder } from './backups.js';
import { decodePortfolioBytes } from './decodePortfolioBytes.js';
import { SerialisedWriter } from './serialisedWriter.js';

/**
 * A portfolio is a folder:
 *   portfolio.json   the lowdb file (schema-versioned JSON), replaced atomically on every save
 *   backups/         the last ten saves and one per day for the last seven days
 *   damaged/         byte-for-byte copies of any portfolio file that could not be read
 * Only this module writes there, one write at a time.
 */
export const portfolioFileName = 'portfolio.json';

export interface OpenedPortfolio extends PortfolioHost {
  readonly folder: string;
  /** Resolves when every accepted change is on disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  now?: () => Date;
  newId?: () => string;
}

class DamagedPortfolioFile extends Error {
  override name = 'DamagedPortfolioFile';
  constructor(
    readonly problem: string,
    readonly bytes: Uint8Array | null,
  ) {
    super(problem);
  }
}

/** lowdb's adapter for the portfolio file: strict reading, atomic fsync'd writes, a backup per save. */
class PortfolioFileAdapter implements Adapter<PortfolioData> {
  private readonly writer: SerialisedWriter<PortfolioData>;
  migratedFrom: number | null = null;
  fileFound = false;

  constructor(
    private readonly path: string,
    private readonly backups: BackupFolder,
    private readonly now: () => Date,
  ) {
    this.writer = new SerialisedWriter((data) => this.save(data));
  }

  async read(): Promise<PortfolioData | null> {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.fileFound = false;
        return null;
      }
      throw new DamagedPortfolioFile('The portfolio file could not be read (it may be locked by another program or not accessible to you).', null);
    }
    const text = decodePortfolioBytes(bytes);
    if (text === null) throw new DamagedPortfolioFile('The portfolio file contains damaged bytes (it is not valid text).', bytes);
    const reading = readPortfolioText(text);
    if (!reading.ok) throw new DamagedPortfolioFile(reading.problem, bytes);
    this.fileFound = true;
    this.migratedFrom = reading.migratedFrom;
    return reading.data;
  }

  write(data: PortfolioData): Promise<void> {
    return this.writer.write(data);
  }

  idle(): Promise<void> {
    return this.writer.idle();
  }

  private async save(data: PortfolioData): Promise<void> {
    const now = this.now();
    try {
      await this.backups.keepCopyOf(this.path, now);
      await writeFileAtomically(this.path, portfolioText(data));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new StorageWriteError(code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'permission was refused' : 'the file could not be written');
    }
    await this.backups.prune(now).catch(() => undefined);
  }
}

/** A save cut off before its rename leaves a temp file; the portfolio file itself is whole. */
async function removeLeftoverTempFiles(folder: string): Promise<void> {
  const leftovers = (await readdir(folder)).filter((name) => /^\.portfolio\.json\.\d+\.\d+\.tmp$/.test(name));
  await Promise.all(leftovers.map((name) => rm(join(folder, name), { force: true })));
}

export async function openPortfolio(folder: string, options: OpenOptions = {}): Promise<OpenedPortfolio> {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => randomUUID());
  const path = join(folder, portfolioFileName);
  const backups = new BackupFolder(join(folder, 'backups'));
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await backups.ensure();
  await removeLeftoverTempFiles(folder);

  let adapter = new PortfolioFileAdapter(path, backups, now);
  let db: Low<PortfolioData> | null = null;
  let status: PortfolioStatus;
  let closed = false;
  let warming: ReturnType<typeof setImmediate> | null = null;

  const warmSerialisation = (data: PortfolioData, from = 0): void => {
    if (closed || from >= data.entries.length) return;
    warming = setImmediate(() => warmSerialisation(data, prepareEntryTexts(data.entries, from, 50)));
  };

  const quarantine = async (bytes: Uint8Array | null): Promise<string | null> => {
    if (!bytes) return null;
    const damagedFolder = join(folder, 'damaged');
    await mkdir(damagedFolder, { recursive: true, mode: 0o700 });
    const target = join(damagedFolder, `portfolio-${now().toISOString().replace(/[-:.]/g, '')}.json`);
    await writeFileAtomically(target, bytes);
    await chmod(target, 0o600);
    return target;
  };

  const becomeDamaged = async (problem: string, bytes: Uint8Array | null): Promise<void> => {
    db = null;
    const quarantinedAs = await quarantine(bytes);
    status = { state: 'damaged', problem, quarantinedAs, backups: await backups.list() };
  };

  const load = async (): Promise<void> => {
    const candidate = new Low<PortfolioData>(adapter, newPortfolio(newId(), now()));
    try {
      await candidate.read();
    } catch (error) {
      if (error instanceof DamagedPortfolioFile) return becomeDamaged(error.problem, error.bytes);
      throw error;
    }
    if (!adapter.fileFound) {
      const earlier = await backups.list();
      if (earlier.length > 0) {
        db = null;
        status = { state: 'damaged', problem: 'The portfolio file is missing from its folder, but backups of it are there.', quarantinedAs: null, backups: earlier };
        return;
      }
      await candidate.write();
    } else if (adapter.migratedFrom !== null) {
      await candidate.write();
    }
    db = candidate;
    status = { state: 'ready', portfolioId: candidate.data.portfolioId, restoredFrom: null };
    warmSerialisation(candidate.data);
  };

  await load();

  const store: PortfolioStore = {
    read: () => {
      if (!db) throw new Error('The portfolio is not open');
      return db.data;
    },
    update: async (change) => {
      if (closed) throw new StorageWriteError('the portfolio has been closed');
      if (!db) throw new StorageWriteError('the portfolio is not open');
      db.data = change(db.data);
      await db.write();
    },
  };

  const restoreBackup = async (backupId: string): Promise<Result<PortfolioStatus>> => {
    const reading = await backups.read(backupId);
    if (!reading.ok || !reading.bytes) return failure('not-found', reading.ok ? 'That backup could not be read.' : reading.problem);
    const restored = reading.data;
    if (db) {
      await store.update(() => restored);
    } else {
      await adapter.idle();
      await writeFileAtomically(path, reading.bytes);
      adapter = new PortfolioFileAdapter(path, backups, now);
      await load();
      if (status.state !== 'ready') return failure('storage-failed', 'The backup could not be opened after it was put back.');
    }
    status = { state: 'ready', portfolioId: restored.portfolioId, restoredFrom: backupId };
    return ok(status);
  };

  return {
    folder,
    status: () => status,
    store: () => (db && !closed ? store : null),
    listBackups: (): Promise<BackupInfo[]> => backups.list(),
    restoreBackup,
    flush: () => adapter.idle(),
    close: async () => {
      await adapter.idle();
      closed = true;
      if (warming) clearImmediate(warming);
    },
  };
}
