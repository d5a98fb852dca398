import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { Low } from 'lowdb';
import type { Adapter } from 'lowdb';
import type { BackupInfo, PortfolioStatus } from '../../shared/api/contract.js';
import { type Result, failure, ok } from '../../shared/api/result.js';
import { summariseSections } from '../../shared/portfolio/entrySummary.js';
import { type PortfolioData, newPortfolio } from '../../shared/portfolio/portfolioData.js';
import { portfolioText, prepareEntryTexts, readPortfolioText } from '../../shared/portfolio/portfolioFile.js';
import type { EntryBody, EntryRecord, EntrySections } from '../../shared/portfolio/weeklyLog.js';
import type { NewSections, PortfolioHost, PortfolioProtection, PortfolioStore } from '../../shared/store/portfolioStore.js';
import { EntryUnreadableError, StorageWriteError } from '../../shared/store/storageWriteError.js';
import { type KeyKeeper, noKeyKeeper } from '../security/rememberedKeys.js';
import { writeFileAtomically } from './atomicWrite.js';
import { BackupFolder } from './backups.js';
import { BodyFolder } from './bodyFolder.js';
import { decodePortfolioBytes } from './decodePortfolioBytes.js';
import { FolderCipher, type OpenProblem, isEncryptedFile } from './folderCipher.js';
import { FolderGate } from './folderGate.js';
import { leftoverTempFile, portfolioFileName, portfolioFolders } from './folderLayout.js';
import { type FolderLock, lockFolder } from './folderLock.js';
import { FolderProtection } from './folderProtection.js';
import { ReviewFolder, reviewFilePattern } from './reviewFolder.js';
import { SerialisedWriter } from './serialisedWriter.js';

/**
 * A portfolio is a folder:
 *   portfolio.json   the lowdb index: settings, statuses and one record per entry (schema-versioned)
 *   bodies/          each entry's rich text, one immutable file per saved version
 *   backups/         earlier index files: the last ten saves and one per day for the last seven days;
 *                    in an encrypted portfolio also portfolio.key, a copy of the key file
 *   damaged/         byte-for-byte copies of any file that could not be read
 *   reviews/         a mentor's reviews of share files opened here, one file each (ReviewFolder)
 *   portfolio.key    only when the portfolio is encrypted at rest: its wrapped keys (keyFile.ts)
 * A save writes new body files first, then replaces the index atomically: the index is the commit
 * point, so a crash leaves the old state or the new one. Body files no index refers to any more
 * (the live one or a kept backup) are removed. Only this module writes there, one save at a time.
 * In an encrypted portfolio every one of these files is encrypted (folderCipher.ts), temporary
 * files included; nothing else in the app knows (docs/encryption-at-rest.md).
 */
export { portfolioFileName };

export interface OpenedPortfolio extends PortfolioHost {
  readonly folder: string;
  /** The mentor reviews kept in this folder, encrypted as the folder is. */
  readonly reviews: ReviewFolder;
  readonly protection: PortfolioProtection;
  /** Resolves when every accepted change is on disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  now?: () => Date;
  newId?: () => string;
  /** Where this device remembers keys of encrypted portfolios; by default nothing is remembered. */
  keyKeeper?: KeyKeeper;
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

/** Why an index file that is there could not be decrypted, in words. */
const unopenedIndex: Record<OpenProblem, string> = {
  locked: 'The portfolio is locked: it needs its passphrase.',
  tampered: 'The portfolio file is damaged: it is not as it was when it was encrypted (it may have been cut short or changed by another program).',
  'unknown-key': 'The portfolio file is encrypted with a key this portfolio does not hold.',
  'not-encrypted': 'The portfolio file is not encrypted, though this portfolio is: it may have been replaced by another file.',
  'no-key-file': 'The portfolio file is encrypted, but its key file (portfolio.key) is missing from the folder, and so is the copy of it in the backups folder.',
};

/** lowdb's adapter for the index: strict reading; writing commits pending bodies, then the index. */
class PortfolioIndexAdapter implements Adapter<PortfolioData> {
  private readonly writer: SerialisedWriter<PortfolioData>;
  readonly pendingBodies = new Map<string, EntryBody>();
  /**
   * The bodies pending when each index was handed over to be written. A save may wait its turn
   * (behind another, or a change of passphrase) while newer edits add bodies; only those pending
   * before it and not named by it were superseded.
   */
  private readonly pendingAtWrite = new WeakMap<PortfolioData, ReadonlySet<string>>();
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
    private readonly cipher: FolderCipher,
    gate: FolderGate,
  ) {
    this.writer = new SerialisedWriter((data) => gate.run(() => this.commit(data)));
  }

  async read(): Promise<PortfolioData | null> {
    const open = this.cipher.reader();
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
    const opening = open(bytes, 'index');
    if (!opening.ok) throw new DamagedPortfolioFile(unopenedIndex[opening.problem], bytes);
    const text = decodePortfolioBytes(opening.plain);
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
    this.pendingAtWrite.set(data, new Set(this.pendingBodies.keys()));
    return this.writer.write(data);
  }

  idle(): Promise<void> {
    return this.writer.idle();
  }

  private async commit(data: PortfolioData): Promise<void> {
    const now = this.now();
    const referenced = bodiesOf(data);
    const toWrite = new Map<string, EntryBody>();
    const pendingThen = this.pendingAtWrite.get(data);
    for (const [name, body] of this.pendingBodies) {
      // Bodies already pending when this save was asked for but not named by it were superseded by a later edit.
      if (referenced.has(name)) toWrite.set(name, body);
      else if (!pendingThen || pendingThen.has(name)) this.pendingBodies.delete(name);
    }
    try {
      await this.bodies.write(toWrite);
      const backup = await this.backups.keepCopyOf(this.path, now);
      if (backup) this.references.set(backup, this.liveReferences);
      await writeFileAtomically(this.path, this.cipher.seal(portfolioText(data), 'index'));
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

/**
 * Opens the portfolio folder, holding its lock until `close`. An encrypted portfolio opens locked
 * (status 'locked', no store) unless `keyKeeper` remembers its key; `protection.unlock` opens it.
 */
export async function openPortfolio(folder: string, options: OpenOptions = {}): Promise<OpenedPortfolio> {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => randomUUID());
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const lock = await lockFolder(folder, now);
  try {
    return await openLockedPortfolio(folder, now, newId, options.keyKeeper ?? noKeyKeeper, lock);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function openLockedPortfolio(folder: string, now: () => Date, newId: () => string, keyKeeper: KeyKeeper, lock: FolderLock): Promise<OpenedPortfolio> {
  const path = join(folder, portfolioFileName);
  const folders = portfolioFolders(folder);
  const cipher = new FolderCipher({ kind: 'locked' });
  const gate = new FolderGate();
  const backups = new BackupFolder(folders.backups, cipher);
  const bodies = new BodyFolder(folders.bodies, cipher);
  const reviews = new ReviewFolder(folders.reviews, cipher, gate);
  await backups.ensure();
  await bodies.ensure();
  await removeLeftoverTempFiles(folder);

  let adapter = new PortfolioIndexAdapter(path, bodies, backups, now, cipher, gate);
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

  /**
   * Keeps a damaged file's bytes as they were. In an encrypted folder they are ciphertext already;
   * a plain file found there (which may hold text) is kept encrypted, as a 'damaged copy'.
   */
  const quarantine = async (bytes: Uint8Array | null, name: string): Promise<string | null> => {
    if (!bytes) return null;
    await mkdir(folders.damaged, { recursive: true, mode: 0o700 });
    const target = join(folders.damaged, `${name}-${now().toISOString().replace(/[-:.]/g, '')}.json`);
    await writeFileAtomically(target, isEncryptedFile(bytes) ? bytes : cipher.seal(bytes, 'damaged'));
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

  /** An entry's text from memory (recent or not yet written) or its body file; throws when the file is damaged or missing. */
  const sectionsOf = async (record: EntryRecord): Promise<EntrySections> => {
    const cached = sectionsCache.get(record.body) ?? adapter.pendingBodies.get(record.body)?.sections;
    if (cached) return cached;
    const reading = await bodies.read(record.body, record.id);
    if (!reading.ok) {
      await quarantine(reading.bytes, `entry-${record.weekStart}`);
      throw new EntryUnreadableError(
        `${record.kind === 'weekly-log' ? "This week's" : "This reflection's"} text could not be read: its file is damaged or missing. It has not been changed; an earlier version may be in the backups.`,
      );
    }
    remember(record.body, reading.body.sections);
    return reading.body.sections;
  };

  /** A zip of the portfolio as an unencrypted folder: the index as it stands, the text it names, the reviews. */
  const plainCopy = async (): Promise<Result<Uint8Array>> => {
    if (!db || closed) return failure('portfolio-unavailable', 'The portfolio is not open, so no copy of it can be made.');
    await adapter.idle();
    const data = db.data;
    const utf8 = (text: string) => new TextEncoder().encode(text);
    const files: Record<string, Uint8Array> = { [portfolioFileName]: utf8(portfolioText(data)) };
    for (const record of data.entries) {
      try {
        files[`bodies/${record.body}.json`] = utf8(JSON.stringify({ entryId: record.id, sections: await sectionsOf(record) } satisfies EntryBody));
      } catch (error) {
        // A damaged entry is left out (the copy says it cannot be read, as the app does); the rest is copied.
        if (!(error instanceof EntryUnreadableError)) throw error;
      }
    }
    const reviewNames = await readdir(folders.reviews).catch(() => [] as string[]);
    for (const name of reviewNames.filter((each) => reviewFilePattern.test(each)).sort()) {
      const open = cipher.reader();
      const bytes = await readFile(join(folders.reviews, name)).catch(() => null);
      const opening = bytes ? open(bytes, 'review') : null;
      if (opening?.ok) files[`reviews/${name}`] = opening.plain;
    }
    return ok(zipSync(files, { level: 6 }));
  };

  const protection = new FolderProtection({ folder, cipher, gate, keyKeeper, now, status: () => status, plainCopy, load: async () => (await load(), status) });
  const opening = await protection.open();
  if (opening.kind === 'plain' || opening.kind === 'unlocked') await load();
  else if (opening.kind === 'locked') status = { state: 'locked' };
  else status = { state: 'damaged', problem: opening.problem, quarantinedAs: null, backups: [] };

  const store: PortfolioStore = {
    read: () => {
      if (!db) throw new Error('The portfolio is not open');
      return db.data;
    },
    sections: async (entryId) => {
      if (!db) throw new Error('The portfolio is not open');
      const record = db.data.entries.find((entry) => entry.id === entryId);
      if (!record) throw new EntryUnreadableError('That entry does not exist.');
      return sectionsOf(record);
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
    if (cipher.locked) return failure('portfolio-unavailable', 'The portfolio is locked: open it with its passphrase first.');
    const reading = await backups.read(backupId);
    if (!reading.ok || !reading.bytes) return failure('not-found', reading.ok ? 'That backup could not be read.' : reading.problem);
    const restored = reading.data;
    if (db) {
      await store.update(() => restored);
    } else {
      await adapter.idle();
      const plain = reading.bytes;
      await gate.run(() => writeFileAtomically(path, cipher.seal(plain, 'index')));
      adapter = new PortfolioIndexAdapter(path, bodies, backups, now, cipher, gate);
      await load();
      if (status.state !== 'ready') return failure('storage-failed', 'The backup could not be opened after it was put back.');
    }
    status = { state: 'ready', portfolioId: restored.portfolioId, restoredFrom: backupId };
    return ok(status);
  };

  return {
    folder,
    reviews,
    protection,
    status: () => status,
    store: () => (db && !closed ? store : null),
    listBackups: async (): Promise<BackupInfo[]> => (cipher.locked ? [] : backups.list()),
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

/** A write cut off before its rename leaves a temp file; the file it was to replace is whole. */
async function removeLeftoverTempFiles(folder: string): Promise<void> {
  const folders = portfolioFolders(folder);
  for (const place of [folder, folders.bodies, folders.backups, folders.reviews, folders.damaged]) {
    const leftovers = (await readdir(place).catch(() => [] as string[])).filter((name) => leftoverTempFile.test(name));
    await Promise.all(leftovers.map((name) => rm(join(place, name), { force: true })));
  }
}
