import type { PortfolioStatus } from '../../shared/api/contract.js';
import { type Result, failure, ok } from '../../shared/api/result.js';
import type { PortfolioProtection, ProtectionState } from '../../shared/store/portfolioStore.js';
import type { KeyKeeper } from '../security/rememberedKeys.js';
import { type CipherMode, type DataKey, type FolderCipher, newDataKey } from './folderCipher.js';
import { FolderGate } from './folderGate.js';
import { type KeyFile, type KeyFileReading, newKeyFileId, newWrapping, readKeyFile, removeKeyFile, settleKeyFiles, unwrapKeys, wrappingKeyFor, writeKeyFile } from './keyFile.js';
import { convertFolder } from './reencryptFolder.js';

export const wrongPassphrase = 'That passphrase does not open this portfolio. Nothing has been changed.';

/** What the folder holds once its key file has been read at open. */
export type FolderOpening = { kind: 'plain' } | { kind: 'unlocked' } | { kind: 'locked' } | { kind: 'damaged'; problem: string };

interface Unlocked {
  file: KeyFile;
  wrappingKey: Buffer;
  keys: Map<string, DataKey>;
}

export interface FolderProtectionOptions {
  folder: string;
  cipher: FolderCipher;
  /** The portfolio's writers' gate: every file rewrite here waits for saves, and saves for it. */
  gate: FolderGate;
  keyKeeper: KeyKeeper;
  /** Dates a damaged key file kept in damaged/. */
  now(): Date;
  /** Reads the index once the keys are known; the status it leaves. */
  load(): Promise<PortfolioStatus>;
  status(): PortfolioStatus;
  plainCopy(): Promise<Result<Uint8Array>>;
}

const blank = (passphrase: string) => passphrase.trim() === '';
const blankPassphrase = () => failure<never>('invalid-argument', 'A passphrase cannot be empty or only spaces.');

function modeFor(state: KeyFile['state'], keys: ReadonlyMap<string, DataKey>, current: DataKey): CipherMode {
  if (state === 'decrypting') return { kind: 'keys', keys, writeWith: null, readsPlain: true };
  return { kind: 'keys', keys, writeWith: current, readsPlain: state === 'encrypting' };
}

/**
 * Setting, changing and removing a portfolio's passphrase, unlocking it and remembering its key
 * (docs/encryption-at-rest.md). Each change is three steps, so a hard kill at any point leaves a
 * folder that opens with the old passphrase or the new one:
 *   1. portfolio.key is replaced (atomically) by one under the passphrase the folder ends with,
 *      saying a change is under way and naming every key a file may be encrypted with;
 *   2. every file is rewritten, atomically and one at a time, into its new form;
 *   3. portfolio.key is replaced by one saying the change is done (or, when the passphrase is
 *      removed, deleted).
 * A change found unfinished when the portfolio is next unlocked is finished then (rolled forward)
 * before anything is read, so a folder never stays part old, part new.
 */
export class FolderProtection implements PortfolioProtection {
  private unlocked: Unlocked | null = null;
  private encrypted = false;
  private remembered = false;
  private canRemember = false;
  /** One protection operation at a time (they take seconds; a second click waits its turn). */
  private readonly operations = new FolderGate();

  constructor(private readonly options: FolderProtectionOptions) {}

  /** Reads portfolio.key (or its copy) and, if this device remembers the key, unlocks with it. */
  async open(): Promise<FolderOpening> {
    const { cipher, keyKeeper } = this.options;
    this.canRemember = await keyKeeper.available();
    const reading = await this.readKeyFiles();
    if (reading.kind === 'absent') {
      cipher.setMode({ kind: 'plain' });
      return { kind: 'plain' };
    }
    this.encrypted = true;
    cipher.setMode({ kind: 'locked' });
    if (reading.kind === 'damaged') return { kind: 'damaged', problem: reading.problem };
    const file = reading.file;
    const kept = this.canRemember ? await keyKeeper.recall(file.id).catch(() => null) : null;
    if (!kept) return { kind: 'locked' };
    const keys = unwrapKeys(file, kept);
    if (!keys) {
      // The passphrase was changed elsewhere (or removed and set again): the kept key is no use now.
      await keyKeeper.forget(file.id).catch(() => undefined);
      return { kind: 'locked' };
    }
    try {
      await this.options.gate.run(() => this.finish({ file, wrappingKey: Buffer.from(kept), keys }));
    } catch {
      // An unfinished change that cannot be completed now (a full disk, say): the passphrase is asked
      // for, and unlocking tries again and says why if it fails.
      this.unlocked = null;
      cipher.setMode({ kind: 'locked' });
      return { kind: 'locked' };
    }
    if (!this.encrypted) await keyKeeper.forget(file.id).catch(() => undefined);
    this.remembered = this.encrypted;
    return this.encrypted ? { kind: 'unlocked' } : { kind: 'plain' };
  }

  state(): ProtectionState {
    return { encrypted: this.encrypted, remembered: this.encrypted && this.remembered, canRemember: this.canRemember };
  }

  unlock(passphrase: string, remember: boolean): Promise<Result<PortfolioStatus>> {
    return this.operations.run(async () => {
      if (this.options.cipher.mode.kind !== 'locked') return ok(this.options.status());
      const reading = await this.readKeyFiles();
      if (reading.kind === 'damaged') return failure('invalid-file', reading.problem);
      if (reading.kind === 'absent') {
        this.encrypted = false;
        this.options.cipher.setMode({ kind: 'plain' });
        return ok(await this.options.load());
      }
      if (blank(passphrase)) return blankPassphrase();
      const opened = await this.check(reading.file, passphrase);
      if (!opened) return failure('passphrase-wrong', wrongPassphrase);
      try {
        await this.options.gate.run(() => this.finish(opened));
      } catch (error) {
        this.unlocked = null;
        this.options.cipher.setMode({ kind: 'locked' });
        return failure('storage-failed', `The passphrase is right, but an unfinished change of it could not be completed (${reasonOf(error)}). Nothing was lost; try again.`);
      }
      if (!this.encrypted) await this.options.keyKeeper.forget(reading.file.id).catch(() => undefined);
      const status = await this.options.load();
      if (remember && this.unlocked) await this.keepKey();
      return ok(status);
    });
  }

  setPassphrase(passphrase: string, remember: boolean): Promise<Result<ProtectionState>> {
    return this.operations.run(async () => {
      if (this.encrypted) return failure('invalid-argument', 'This portfolio already has a passphrase. Change it instead.');
      if (blank(passphrase)) return blankPassphrase();
      const { kdf, wrappingKey } = await newWrapping(passphrase);
      const key = newDataKey();
      const id = newKeyFileId();
      try {
        await this.options.gate.run(async () => {
          const changing = await writeKeyFile(this.options.folder, { id, state: 'encrypting', kdf, wrappingKey, keys: [key] });
          this.encrypted = true;
          this.remembered = false;
          this.unlocked = { file: changing, wrappingKey, keys: new Map([[key.id, key]]) };
          await this.finish(this.unlocked);
        });
      } catch (error) {
        return this.failedPart(error, 'The portfolio could not be encrypted', kdf.salt);
      }
      if (remember) await this.keepKey();
      return ok(this.state());
    });
  }

  changePassphrase(current: string, next: string, remember: boolean): Promise<Result<ProtectionState>> {
    return this.operations.run(async () => {
      const refused = this.refusedWithoutKey();
      if (refused) return refused;
      if (blank(next)) return blankPassphrase();
      const opened = await this.checkCurrent(current);
      if (!opened) return failure('passphrase-wrong', wrongPassphrase);
      const { kdf, wrappingKey } = await newWrapping(next);
      const key = newDataKey();
      try {
        await this.options.gate.run(async () => {
          await this.finish(opened);
          const known = this.unlocked ?? opened;
          const keys = [key, ...known.keys.values()];
          const changing = await writeKeyFile(this.options.folder, { id: known.file.id, state: 'changing', kdf, wrappingKey, keys });
          this.unlocked = { file: changing, wrappingKey, keys: new Map(keys.map((each) => [each.id, each])) };
          await this.finish(this.unlocked);
        });
      } catch (error) {
        return this.failedPart(error, 'The passphrase could not be changed', kdf.salt);
      }
      if (remember) await this.keepKey();
      else await this.forgetKey();
      return ok(this.state());
    });
  }

  removePassphrase(current: string): Promise<Result<ProtectionState>> {
    return this.operations.run(async () => {
      const refused = this.refusedWithoutKey();
      if (refused) return refused;
      const opened = await this.checkCurrent(current);
      if (!opened) return failure('passphrase-wrong', wrongPassphrase);
      const id = opened.file.id;
      try {
        await this.options.gate.run(async () => {
          await this.finish(opened);
          const known = this.unlocked ?? opened;
          const currentKey = known.keys.get(known.file.current) as DataKey;
          const decrypting = await writeKeyFile(this.options.folder, { id, state: 'decrypting', kdf: known.file.kdf, wrappingKey: known.wrappingKey, keys: [currentKey] });
          this.unlocked = { ...known, file: decrypting, keys: new Map([[currentKey.id, currentKey]]) };
          await this.finish(this.unlocked);
        });
      } catch (error) {
        return this.failedPart(error, 'The passphrase could not be removed', null);
      }
      await this.options.keyKeeper.forget(id).catch(() => undefined);
      this.remembered = false;
      return ok(this.state());
    });
  }

  setRemembered(remember: boolean): Promise<Result<ProtectionState>> {
    return this.operations.run(async () => {
      const refused = this.refusedWithoutKey();
      if (refused) return refused;
      if (!remember) {
        await this.forgetKey();
        return ok(this.state());
      }
      if (!this.canRemember) return failure('invalid-argument', 'This device has no keychain the app can use, so the passphrase is asked for each time the portfolio is opened.');
      if (!(await this.keepKey())) return failure('storage-failed', "This device's keychain could not keep the key. The passphrase will be asked for next time.");
      return ok(this.state());
    });
  }

  /** Never while a passphrase is being set, changed or removed: files read part-way through would be under two keys. */
  plainCopy(): Promise<Result<Uint8Array>> {
    return this.operations.run(() => this.options.plainCopy());
  }

  private refusedWithoutKey(): Result<never> | null {
    if (!this.encrypted) return failure('invalid-argument', 'This portfolio has no passphrase.');
    if (!this.unlocked) return failure('portfolio-unavailable', 'The portfolio is locked: open it with its passphrase first.');
    return null;
  }

  /**
   * The key file, or its copy if the key file is damaged or missing; whichever of the two is
   * damaged, missing or behind is put right from the other (the damaged bytes kept in damaged/).
   * Putting right is best effort: the portfolio opens from the good one even if it cannot be written.
   */
  private async readKeyFiles(): Promise<KeyFileReading> {
    const reading = await readKeyFile(this.options.folder);
    await settleKeyFiles(this.options.folder, reading, this.options.now()).catch(() => undefined);
    return reading;
  }

  /** The keys, if `passphrase` opens `file`; null for a wrong one. Nothing is written. */
  private async check(file: KeyFile, passphrase: string): Promise<Unlocked | null> {
    if (blank(passphrase)) return null;
    const wrappingKey = await wrappingKeyFor(file, passphrase);
    const keys = unwrapKeys(file, wrappingKey);
    return keys ? { file, wrappingKey, keys } : null;
  }

  private async checkCurrent(passphrase: string): Promise<Unlocked | null> {
    const reading = await readKeyFile(this.options.folder);
    return reading.kind === 'found' ? this.check(reading.file, passphrase) : null;
  }

  /**
   * Puts the cipher in the mode `opened`'s key file says and completes any change it records
   * (steps 2 and 3). Runs inside the gate.
   */
  private async finish(opened: Unlocked): Promise<void> {
    const { folder, cipher } = this.options;
    const { file, wrappingKey, keys } = opened;
    const current = keys.get(file.current) as DataKey;
    this.unlocked = opened;
    cipher.setMode(modeFor(file.state, keys, current));
    if (file.state === 'ready') return;
    await convertFolder(folder, cipher.mode, file.state === 'decrypting' ? null : current);
    if (file.state === 'decrypting') {
      await removeKeyFile(folder);
      cipher.setMode({ kind: 'plain' });
      this.unlocked = null;
      this.encrypted = false;
      return;
    }
    const done = await writeKeyFile(folder, { id: file.id, state: 'ready', kdf: file.kdf, wrappingKey, keys: [current] });
    this.unlocked = { file: done, wrappingKey, keys: new Map([[current.id, current]]) };
    cipher.setMode(modeFor('ready', this.unlocked.keys, current));
  }

  /**
   * Says which passphrase the folder needs after a change failed part-way (the disk filled, say),
   * from its key file as it is now: `newSalt` is the salt of the passphrase the change was to set.
   */
  private async failedPart(error: unknown, what: string, newSalt: Buffer | null): Promise<Result<never>> {
    const reading = await readKeyFile(this.options.folder).catch(() => null);
    const why = reasonOf(error);
    if (!reading || reading.kind === 'damaged') return failure('storage-failed', `${what} (${why}).`);
    if (reading.kind === 'absent') {
      return failure('storage-failed', `${what} (${why}). ${this.encrypted ? 'It opens without a passphrase.' : 'Nothing was changed: it still opens without a passphrase.'}`);
    }
    const finished = 'the rest is done the next time the portfolio is opened';
    if (newSalt && reading.file.kdf.salt.equals(newSalt)) return failure('storage-failed', `${what} completely (${why}). The new passphrase is already needed to open it; ${finished}.`);
    if (reading.file.state === 'decrypting') return failure('storage-failed', `${what} completely (${why}). The passphrase is still needed to open it; ${finished}.`);
    return failure('storage-failed', `${what} (${why}). Nothing was changed: it opens with the passphrase it had.`);
  }

  private async keepKey(): Promise<boolean> {
    if (!this.unlocked || !this.canRemember) return false;
    try {
      await this.options.keyKeeper.keep(this.unlocked.file.id, this.unlocked.wrappingKey);
      this.remembered = true;
    } catch {
      this.remembered = false;
    }
    return this.remembered;
  }

  private async forgetKey(): Promise<void> {
    if (this.unlocked) await this.options.keyKeeper.forget(this.unlocked.file.id).catch(() => undefined);
    this.remembered = false;
  }
}

/** Why a write failed, in words: never the error's own message, which may name a file or quote one. */
function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'permission was refused' : 'a file could not be written';
}
