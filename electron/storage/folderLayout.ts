import { join } from 'node:path';

/** The names inside a portfolio folder (see openPortfolio.ts for what each holds). */
export const portfolioFileName = 'portfolio.json';

export const portfolioFolders = (folder: string) => ({
  bodies: join(folder, 'bodies'),
  backups: join(folder, 'backups'),
  reviews: join(folder, 'reviews'),
  damaged: join(folder, 'damaged'),
});

/** Only in an encrypted portfolio: its wrapped keys (keyFile.ts). */
export const keyFileName = 'portfolio.key';

/**
 * The key file and the copy of it kept in backups/ (written after it, byte for byte the same).
 * The copy's name matches none of the backup names, so listing and pruning backups never see it.
 */
export const keyFilePaths = (folder: string) => ({
  main: join(folder, keyFileName),
  copy: join(portfolioFolders(folder).backups, keyFileName),
});

/** Key files, live or quarantined into damaged/, all end so: none is a portfolio file. */
export const isKeyFileName = (name: string): boolean => name.endsWith('.key');

/** What writeFileAtomically leaves if it is cut off before its rename: `.<name>.<pid>.<n>.tmp`. */
export const leftoverTempFile = /^\..+\.\d+\.\d+\.tmp$/;
