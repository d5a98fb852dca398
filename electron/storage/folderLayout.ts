import { join } from 'node:path';

/** The names inside a portfolio folder (see openPortfolio.ts for what each holds). */
export const portfolioFileName = 'portfolio.json';

export const portfolioFolders = (folder: string) => ({
  bodies: join(folder, 'bodies'),
  backups: join(folder, 'backups'),
  reviews: join(folder, 'reviews'),
  damaged: join(folder, 'damaged'),
});

/** What writeFileAtomically leaves if it is cut off before its rename: `.<name>.<pid>.<n>.tmp`. */
export const leftoverTempFile = /^\..+\.\d+\.\d+\.tmp$/;
