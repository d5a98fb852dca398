import type { BrowserWindowConstructorOptions } from 'electron';
import { productName } from '../startup/productInfo.js';

/** Electron's BrowserWindow class, passed in so this module can be checked without Electron. */
export type WindowClass<W> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * The main window: the page gets no Node, runs sandboxed in its own world, and is shown only once
 * painted. The options are written inline in `new BrowserWindow({…})` so static scanners
 * (electronegativity) can read them.
 */
export function createMainWindow<W>(BrowserWindow: WindowClass<W>, preloadPath: string): W {
  return new BrowserWindow({
    title: productName,
    width: 1200,
    height: 820,
    minWidth: 640,
    minHeight: 480,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
