import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { Adapter } from 'lowdb';
import type { BackupInfo, PortfolioStatus } from '../../shared/api/contract.js';
import { type Result, failure, ok } from '../../shared/api/result.js';
import { summariseSections } from '../../shared/portfolio/entrySummary.js';
import { type PortfolioData, newPortfolio } from '../../shared/portfolio/portfolioData.js';
import { portfolioText, prepareEntryTexts, readPortfolioText } from '../../shared/portfolio/portfolioFile.js';
import type { EntryBody, EntrySections } from '../../shared/portfolio/weeklyLog.js';
import type { NewSections, PortfolioHost, PortfolioStore } from '../../shared/store/portfolioStore.js';
import { EntryUnreadableError, StorageWriteError } from '../../shared/store/storageWriteError.js';
import { writeFileAtomically } from './atomicWrite.js';
import { BackupFolder } from './backups.js';
import { BodyFolder } from './bodyFolder.js';
import { decodePortfolioBytes } from './decodePortfolioBytes.js';
import { SerialisedWriter } from './serialisedWriter.js';
import { type FolderLock, lockFolder } from './folderLock.js';

/**
 * A portfolio is a folder:
 *   portfolio.json   the lowdb index: settings, statuses and one record per entry (schema-versioned)
 *   bodies/          each entry's rich text, one immutable file per saved version
 *   backups/         earlier index files: the last ten saves and one per day for the last seven days
 *   damaged/         byte-for-byte copies of any file that could not be read
 * A save writes new body files first, then replaces the index atomically: the index is the commit
 * point, so a crash leaves the old state or the new one. Body files no index refers to any more
 * (the live one or a kept backup) are removed. Only this module writes there, one save at a time.
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

const bodiesOf = (data: PortfolioData) => new Set(data.entries.map((entry) => entry.body));

/** lowdb's adapter for the index: strict reading; writing commits pending bodies, then the index. */
class PortfolioIndexAdapter implements Adapter<PortfolioData> {
  private readonly writer: SerialisedWriter<PortfolioData>;
  readonly pendingBodies = new Map<string, EntryBody>();
  /** Which bodies each kept index file (the live one and each backup) refers to. */
  private readonly references = new Map<string, Set<string>>();
  private liveReferences = new Set<string>();
  /**
   * Bodies some known index (live, backup, or written this session) refers to: the only ones that
   * may be removed once nothing kept refers to them. A body of unknown origin is never removed.
   */
  private readonly knownBodies = new Set<string>();
  private backupsScanned = false;
  migratedFrom: number | null = null;
  fileFound = false;

  constructor(
    private readonly path: string,
    private readonly bodies: BodyFolder,
    private readonly backups: BackupFolder,
    private readonly now: () => Date,
  ) {
    this.writer = new SerialisedWriter((data) => this.commit(data));
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
    this.liveReferences = bodiesOf(reading.data);
    for (const name of this.liveReferences) this.knownBodies.add(name);
    return reading.data;
  }

  write(data: PortfolioData): Promise<void> {
    return this.writer.write(data);
  }

  idle(): Promise<void> {
    return this.writer.idle();
  }

  private async commit(data: PortfolioData): Promise<void> {
    const now = this.now();
    const referenced = bodiesOf(data);
    const toWrite = new Map<string, EntryBody>();
    for (const [name, body] of this.pendingBodies) {
      // Bodies already pending when this save began but not named by it were superseded by a later edit.
      if (referenced.has(name)) toWrite.set(name, body);
      else this.pendingBodies.delete(name);
    }
    try {
      await this.bodies.write(toWrite);
      const backup = await this.backups.keepCopyOf(this.path, now);
      if (backup) this.references.set(backup, this.liveReferences);
      await writeFileAtomically(this.path, portfolioText(data));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new StorageWriteError(code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'permission was refused' : 'the file could not be written');
    }
    for (const name of toWrite.keys()) this.pendingBodies.delete(name);
    for (const name of referenced) this.knownBodies.add(name);
    this.liveReferences = referenced;
    await this.tidy(now).catch(() => undefined);
  }

  /** Prunes old backups, then removes body files that neither the index nor a kept backup names. */
  private async tidy(now: Date): Promise<void> {
    const kept = await this.backups.prune(now);
    for (const name of [...this.references.keys()]) if (!kept.includes(name)) this.references.delete(name);
    if (!this.backupsScanned) {
      for (const name of kept) {
        if (this.references.has(name)) continue;
        const reading = await this.backups.read(name);
        const named = reading.ok ? bodiesOf(reading.data) : new Set<string>();
        for (const body of named) this.knownBodies.add(body);
        this.references.set(name, named);
        await new Promise((resolve) => setImmediate(resolve));
      }
      this.backupsScanned = true;
    }
    const needed = new Set([...this.liveReferences, ...this.pendingBodies.keys()]);
    for (const set of this.references.values()) for (const name of set) needed.add(name);
    const unneeded = [...this.knownBodies].filter((name) => !needed.has(name));
    await this.bodies.remove(unneeded);
    for (const name of unneeded) this.knownBodies.delete(name);
  }
}

export async function openPortfolio(folder: string, options: OpenOptions = {}): Promise<OpenedPortfolio> {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => randomUUID());
  const path = join(folder, portfolioFileName);
  const backups = new BackupFolder(join(folder, 'backups'));
  const bodies = new BodyFolder(join(folder, 'bodies'));
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const lock = await lockFolder(folder, now);
  try {
    return await openLockedPortfolio(folder, path, backups, bodies, now, newId, lock);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function openLockedPortfolio(
  folder: string,
  path: string,
  backups: BackupFolder,
  bodies: BodyFolder,
  now: () => Date,
  newId: () => string,
  lock: FolderLock,
): Promise<OpenedPortfolio> {
  await backups.ensure();
  await bodies.ensure();
  await removeLeftoverTempFiles(folder);
  await bodies.removeLeftovers();

  let adapter = new PortfolioIndexAdapter(path, bodies, backups, now);
  let db: Low<PortfolioData> | null = null;
  let status: PortfolioStatus;
  let closed = false;
  let warming: ReturnType<typeof setImmediate> | null = null;
  /** Recently used entry texts, by body name. */
  const sectionsCache = new Map<string, EntrySections>();

  const remember = (name: string, sections: EntrySections) => {
    sectionsCache.delete(name);
    sectionsCache.set(name, sections);
    if (sectionsCache.size > 100) sectionsCache.delete(sectionsCache.keys().next().value as string);
  };

  const warmSerialisation = (data: PortfolioData, from = 0): void => {
    if (closed || from >= data.entries.length) return;
    warming = setImmediate(() => warmSerialisation(data, prepareEntryTexts(data.entries, from, 200)));
  };

  const quarantine = async (bytes: Uint8Array | null, name: string): Promise<string | null> => {
    if (!bytes) return null;
    const damagedFolder = join(folder, 'damaged');
    await mkdir(damagedFolder, { recursive: true, mode: 0o700 });
    const target = join(damagedFolder, `${name}-${now().toISOString().replace(/[-:.]/g, '')}.json`);
    await writeFileAtomically(target, bytes);
    await chmod(target, 0o600);
    return target;
  };

  const load = async (): Promise<void> => {
    const candidate = new Low<PortfolioData>(adapter, newPortfolio(newId(), now()));
    try {
      await candidate.read();
    } catch (error) {
      if (!(error instanceof DamagedPortfolioFile)) throw error;
      db = null;
      const quarantinedAs = await quarantine(error.bytes, 'portfolio');
      status = { state: 'damaged', problem: error.problem, quarantinedAs, backups: await backups.list() };
      return;
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
    sections: async (entryId) => {
      if (!db) throw new Error('The portfolio is not open');
      const record = db.data.entries.find((entry) => entry.id === entryId);
      if (!record) throw new EntryUnreadableError('That entry does not exist.');
      const cached = sectionsCache.get(record.body) ?? adapter.pendingBodies.get(record.body)?.sections;
      if (cached) return cached;
      const reading = await bodies.read(record.body, entryId);
      if (!reading.ok) {
        await quarantine(reading.bytes, `entry-${record.weekStart}`);
        throw new EntryUnreadableError(
          `${record.kind === 'weekly-log' ? "This week's" : "This reflection's"} text could not be read: its file is damaged or missing. It has not been changed; an earlier version may be in the backups.`,
        );
      }
      remember(record.body, reading.body.sections);
      return reading.body.sections;
    },
    update: async (change, newSections: readonly NewSections[] = []) => {
      if (closed) throw new StorageWriteError('the portfolio has been closed');
      if (!db) throw new StorageWriteError('the portfolio is not open');
      let data = change(db.data);
      for (const { entryId, sections } of newSections) {
        const name = newId();
        let found = false;
        data = {
          ...data,
          entries: data.entries.map((entry) => (entry.id === entryId ? ((found = true), { ...entry, body: name, summary: summariseSections(sections, entry.kind) }) : entry)),
        };
        if (!found) throw new Error('New text was given for an entry the change did not keep');
        adapter.pendingBodies.set(name, { entryId, sections });
        remember(name, sections);
      }
      db.data = data;
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
      adapter = new PortfolioIndexAdapter(path, bodies, backups, now);
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
      if (closed) return;
      await adapter.idle();
      closed = true;
      if (warming) clearImmediate(warming);
      await lock.release();
    },
  };
}

/** A save cut off before its rename leaves a temp file; the portfolio file itself is whole. */
async function removeLeftoverTempFiles(folder: string): Promise<void> {
  const leftovers = (await readdir(folder)).filter((name) => /^\.portfolio\.json\.\d+\.\d+\.tmp$/.test(name));
  await Promise.all(leftovers.map((name) => rm(join(folder, name), { force: true })));
}
