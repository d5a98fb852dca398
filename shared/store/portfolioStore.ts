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
}
