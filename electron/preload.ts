/** Sandboxed preload (bundled into one file: it may require nothing but electron). */
import { contextBridge, ipcRenderer } from 'electron';
import { desktopBridgeKey } from '../shared/api/operationNames.js';
import { createDesktopBridge } from './preload/desktopBridge.js';

contextBridge.exposeInMainWorld(desktopBridgeKey, createDesktopBridge(ipcRenderer));
