import type { BackupInfo, PortfolioStatus } from '../api/contract.js';
import type { Result } from '../api/result.js';
import type { PortfolioData } from '../portfolio/portfolioData.js';
import type { EntrySections } from '../portfolio/weeklyLog.js';

export interface NewSections {
  entryId: string;
  sections: EntrySections;
}

/**
 * One open portfolio. The index (every entry's record and summary) is in memory; an entry's rich
 * text is read on demand. Every change goes through `update`, which the host writes in order.
 */
export interface PortfolioStore {
  read(): PortfolioData;
  /** An entry's rich text, as last saved. */
  sections(entryId: string): Promise<EntrySections>;
  /**
   * Applies `change` to the index at once and, for each of `newSections`, stores the text as a new
   * body of that entry (whose record `change` must leave in place) with its summary re-derived.
   * Resolves when that state, or a later one, is on disk.
   */
  update(change: (data: PortfolioData) => PortfolioData, newSections?: readonly NewSections[]): Promise<void>;
}

/** What the service needs from whoever opened the portfolio folder (the Node side). */
export interface PortfolioHost {
  status(): PortfolioStatus;
  /** Null while the portfolio could not be opened; nothing may be written then. */
  store(): PortfolioStore | null;
  listBackups(): Promise<BackupInfo[]>;
  /** Puts a backup back as the portfolio; the file it replaces is kept as a backup or quarantined copy. */
  restoreBackup(backupId: string): Promise<Result<PortfolioStatus>>;
  /** Encryption at rest; absent where the host cannot encrypt (some tests). */
  readonly protection?: PortfolioProtection;
}

/** Whether the portfolio is encrypted at rest, and whether this device remembers its key. */
export interface ProtectionState {
  encrypted: boolean;
  /** This device keeps the key in the operating system's keychain, so no passphrase is asked for on open. */
  remembered: boolean;
  /** The keychain can be used here (the desktop app with Electron safeStorage; never in web mode). */
  canRemember: boolean;
}

/**
 * Encryption at rest of the whole portfolio folder (index, bodies, backups, mentor reviews), behind
 * the store: nothing else in the app knows whether the files on disk are encrypted. Every method
 * leaves the folder openable with the old passphrase or the new one if it is interrupted, even by
 * a hard kill. A wrong passphrase fails with 'passphrase-wrong' and changes nothing.
 */
export interface PortfolioProtection {
  state(): ProtectionState;
  /** Opens a locked portfolio. `remember` keeps the key in the keychain where that is possible. */
  unlock(passphrase: string, remember: boolean): Promise<Result<PortfolioStatus>>;
  /** Encrypts an unencrypted portfolio under a new passphrase. */
  setPassphrase(passphrase: string, remember: boolean): Promise<Result<ProtectionState>>;
  /** Re-encrypts everything under a new key from `next`; `current` must open the portfolio. */
  changePassphrase(current: string, next: string, remember: boolean): Promise<Result<ProtectionState>>;
  /** Decrypts everything and forgets the key; `current` must open the portfolio. */
  removePassphrase(current: string): Promise<Result<ProtectionState>>;
  /** Keeps or forgets the key in this device's keychain. */
  setRemembered(remember: boolean): Promise<Result<ProtectionState>>;
  /** An unencrypted copy of the portfolio as a zip of a folder the app can open (index, live bodies, reviews). */
  plainCopy(): Promise<Result<Uint8Array>>;
}
