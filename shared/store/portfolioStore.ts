import type { BackupInfo, PortfolioStatus } from '../api/contract.js';
import type { Result } from '../api/result.js';
import type { PortfolioData } from '../portfolio/portfolioData.js';

/** One open portfolio's data. Every change goes through `update`, which the host writes in order. */
export interface PortfolioStore {
  read(): PortfolioData;
  /** Applies the change in memory at once; resolves when that state (or a later one) is on disk. */
  update(change: (data: PortfolioData) => PortfolioData): Promise<void>;
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
