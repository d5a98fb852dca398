/**
 * Electron's main process: one window showing the renderer build from app://portfolio/, the
 * portfolio's operations over IPC (sender checked, arguments checked by the contract), and a
 * close that always saves first. Every security setting lives in ./security, testable without Electron.
 */
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, safeStorage, session } from 'electron';
import { ipcChannels } from '../shared/api/contract.js';
import { applicationMenuTemplate } from './desktop/applicationMenu.js';
import { readSharingFile, sharingFileFilters, sharingFileKind } from './desktop/openSharingFile.js';
import { holdCloseUntilSaved } from './desktop/closeHandshake.js';
import { createRendererProtocolHandler } from './desktop/rendererProtocol.js';
import { appEntryUrl, appScheme } from './security/appOrigin.js';
import { createIpcCallHandler, isTrustedSender } from './security/ipcSender.js';
import { guardSession, guardWebContents } from './security/webContentsGuards.js';
import { createMainWindow } from './security/windowOptions.js';
import { parseArguments, usageExitCode, usageText } from './startup/arguments.js';
import { portfolioFolderFor } from './startup/defaultPortfolioFolder.js';
import { type PortfolioApi, openPortfolioApi } from './startup/openPortfolioApi.js';
import { PortfolioInUseError } from './storage/folderLock.js';
import { reportFaultsQuietly } from './security/quietFaults.js';
import { keychainKeyKeeper } from './security/rememberedKeys.js';

// Only in Electron itself: the tests import this file with fake modules inside their own process.
if (process.versions['electron']) reportFaultsQuietly(process, (line) => process.stderr.write(line), (code) => app.exit(code));

const rendererDir = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');

// Running from source (`electron <folder>`) puts the app path in argv[1]; a packaged app does not.
const reading = parseArguments(process.argv.slice(process.defaultApp ? 2 : 1));
if (!reading.ok || reading.arguments.help) {
  if (reading.ok) process.stdout.write(usageText);
  else process.stderr.write(`${reading.problem}\n`);
  app.exit(reading.ok ? 0 : usageExitCode);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  startDesktop(portfolioFolderFor(reading.arguments.dataFolder, { platform: process.platform, env: process.env, homeFolder: os.homedir() }));
}

function startDesktop(folder: string): void {
  let portfolio: PortfolioApi | null = null;
  let mainWindow: BrowserWindow | null = null;
  let portfolioClosed = false;
  let shuttingDown = false;
  const handshakes = new Map<number, ReturnType<typeof holdCloseUntilSaved>>();

  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

  /** Share and feedback files to hand the page once it has loaded. */
  const filesForPage: string[] = [];
  let pageLoaded = false;

  const sendFileToPage = async (filePath: string, kind: 'share' | 'feedback') => {
    const reading = await readSharingFile(filePath, kind);
    const window = mainWindow;
    if (!window || window.isDestroyed()) return;
    if (reading.ok) window.webContents.send(ipcChannels.openFile, reading.file);
    else await dialog.showMessageBox(window, { type: 'warning', message: 'That file could not be opened.', detail: reading.problem });
  };

  /** A file double-clicked in the system (or passed on the command line): opened once the page can take it. */
  const openFromSystem = (filePath: string) => {
    const kind = sharingFileKind(filePath);
    if (!kind) return;
    if (pageLoaded) void sendFileToPage(filePath, kind);
    else filesForPage.push(filePath);
  };
  if (reading.ok && reading.arguments.openFile) filesForPage.push(path.resolve(reading.arguments.openFile));

  const chooseSharingFile = async (kind: 'share' | 'feedback') => {
    const window = mainWindow;
    if (!window || window.isDestroyed()) return;
    const { canceled, filePaths } = await dialog.showOpenDialog(window, {
      title: kind === 'share' ? 'Open a share file' : 'Import a feedback file',
      properties: ['openFile'],
      filters: sharingFileFilters[kind].map((filter) => ({ name: filter.name, extensions: [...filter.extensions] })),
    });
    const chosen = filePaths[0];
    if (!canceled && chosen) await sendFileToPage(chosen, kind);
  };

  app.on('second-instance', (_event, argv) => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    const second = Array.isArray(argv) ? parseArguments(argv.slice(process.defaultApp ? 2 : 1)) : null;
    if (second?.ok && second.arguments.openFile) openFromSystem(path.resolve(second.arguments.openFile));
  });
  // macOS hands double-clicked files over by event, before or after the app is ready.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    openFromSystem(filePath);
  });

  const flushPortfolio = async () => {
    if (portfolio && !portfolioClosed) await portfolio.opened.flush();
  };

  const createWindow = () => {
    const window = createMainWindow(BrowserWindow, preloadPath);
    mainWindow = window;
    const contentsId = window.webContents.id;
    handshakes.set(
      contentsId,
      holdCloseUntilSaved(window, {
        askPageToSave: () => window.webContents.send(ipcChannels.beforeClose),
        flush: flushPortfolio,
        confirmCloseAfterFailure: async () => {
          const { response } = await dialog.showMessageBox(window, {
            type: 'warning',
            buttons: ['Keep the window open', 'Close anyway'],
            defaultId: 0,
            cancelId: 0,
            message: 'Your latest changes could not be saved to disk.',
            detail: 'Check that the portfolio folder is available and the disk is not full, then try again. Closing now loses the changes made since the last save.',
          });
          return response === 1;
        },
      }),
    );
    window.once('ready-to-show', () => window.show());
    window.webContents.on('did-finish-load', () => {
      pageLoaded = true;
      for (const filePath of filesForPage.splice(0)) openFromSystem(filePath);
    });
    window.on('closed', () => {
      handshakes.delete(contentsId);
      if (mainWindow === window) mainWindow = null;
    });
    window.loadURL(appEntryUrl).catch(() => undefined); // a failed load shows in the window itself
  };

  ipcMain.on(ipcChannels.closeReady, (event) => {
    if (isTrustedSender(event)) handshakes.get(event.sender.id)?.pageIsReady();
  });

  // A single-window app: closing the window quits on every system, macOS included.
  app.on('window-all-closed', () => app.quit());

  // The store is closed (everything on disk) before the process ends, however quitting began.
  app.on('before-quit', (event) => {
    if (portfolioClosed) return;
    event.preventDefault();
    if (shuttingDown) return;
    shuttingDown = true;
    void (async () => {
      const windows = BrowserWindow.getAllWindows();
      await Promise.all(windows.map((window) => new Promise<void>((resolve) => {
        window.once('closed', () => resolve());
        window.close();
      })));
      try {
        portfolio?.exports.cancelAll();
        await flushPortfolio();
        await portfolio?.opened.close();
      } finally {
        portfolioClosed = true;
        app.quit();
      }
    })();
  });

  void app.whenReady().then(async () => {
    portfolio = await openPortfolioApi({
      folder,
      mode: 'desktop',
      version: app.getVersion(),
      exportWorker: path.join(__dirname, 'exportWorker.cjs'),
      // The keys of an encrypted portfolio, remembered only when the user asks, in the system's keychain.
      keyKeeper: keychainKeyKeeper(safeStorage, app.getPath('userData')),
    });
    guardSession(session.defaultSession);
    protocol.handle(appScheme, createRendererProtocolHandler(rendererDir));
    ipcMain.handle(ipcChannels.call, createIpcCallHandler(portfolio.handlers));
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(applicationMenuTemplate({ platform: process.platform, developerTools: !app.isPackaged, openSharingFile: (kind) => void chooseSharingFile(kind) })),
    );
    app.setAboutPanelOptions({ applicationName: 'Reflective Portfolio', applicationVersion: app.getVersion() });
    createWindow();
  }).catch((error: unknown) => {
    const reason = error instanceof PortfolioInUseError ? error.message : `The portfolio folder could not be opened: ${folder}\n(${error instanceof Error ? error.name : 'unknown error'})`;
    dialog.showErrorBox('Reflective Portfolio could not start', reason);
    portfolioClosed = true;
    app.exit(1);
  });
}
