import { randomUUID } from 'node:crypto';
import type { ApiHandlers, AppInfo } from '../../shared/api/contract.js';
import { createPortfolioHandlers } from '../../shared/services/portfolioService.js';
import { ExportJobs, exportEngineFor } from '../export/exportJobs.js';
import { type OpenedPortfolio, openPortfolio } from '../storage/openPortfolio.js';
import { nodeFileCrypto } from '../security/nodeFileCrypto.js';
import type { KeyKeeper } from '../security/rememberedKeys.js';
import { productName, productVersion } from './productInfo.js';

export interface PortfolioApi {
  opened: OpenedPortfolio;
  handlers: ApiHandlers;
  exports: ExportJobs;
}

export interface OpenPortfolioApiOptions {
  folder: string;
  mode: AppInfo['mode'];
  version?: string;
  now?: () => Date;
  newId?: () => string;
  /** The built export worker (out/electron/exportWorker.cjs); without it, exports run in this process. */
  exportWorker?: string;
  /**
   * Where this device remembers the keys of encrypted portfolios (the desktop app passes
   * keychainKeyKeeper(safeStorage, app.getPath('userData'))); web mode passes none, so nothing is remembered.
   */
  keyKeeper?: KeyKeeper;
}

/** Opens the portfolio folder and builds the operations both the desktop window and web mode serve. */
export async function openPortfolioApi(options: OpenPortfolioApiOptions): Promise<PortfolioApi> {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => randomUUID());
  const opened = await openPortfolio(options.folder, { now, newId, ...(options.keyKeeper ? { keyKeeper: options.keyKeeper } : {}) });
  const appInfo: AppInfo = { productName, version: options.version ?? productVersion, mode: options.mode, portfolioFolder: opened.folder };
  const exports = new ExportJobs(exportEngineFor(options.exportWorker), newId);
  const sharing = { crypto: nodeFileCrypto, reviews: opened.reviews, app: `${productName} ${appInfo.version}` };
  return { opened, exports, handlers: createPortfolioHandlers(opened, { appInfo, newId, now, exports, sharing }) };
}
