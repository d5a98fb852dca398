/**
 * Electron's main-process modules, played by plain objects: there is no Electron program on these
 * machines. Only what electron/main.ts touches is here, and each fake keeps what it was given so a
 * test can act as Electron would (emit events, call the registered handlers).
 */
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Preventable {
  prevented: boolean;
  preventDefault(): void;
}

export function preventable<T extends object>(extra: T = {} as T): T & Preventable {
  return {
    ...extra,
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  sent: string[] = [];
  /** Each message with what went with it. */
  messages: unknown[][] = [];
  windowOpenHandler: (() => unknown) | null = null;
  send(channel: string, ...args: unknown[]): void {
    this.sent.push(channel);
    this.messages.push([channel, ...args]);
  }
  setWindowOpenHandler(handler: () => unknown): void {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  static windows: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.windows.filter((window) => !window.destroyed);
  }

  readonly webContents = new FakeWebContents();
  destroyed = false;
  shown = false;
  focused = false;
  loadedUrl: string | null = null;

  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.windows.push(this);
    app.emit('web-contents-created', preventable(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    if (this.destroyed) return;
    const event = preventable();
    this.emit('close', event);
    if (event.prevented) return;
    this.destroyed = true;
    this.emit('closed');
    if (BrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed');
  }
}

class FakeApp extends EventEmitter {
  quitted = false;
  exitCode: number | null = null;
  sandboxEnabled = false;
  holdsLock = true;
  isPackaged = false;
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  requestSingleInstanceLock(): boolean {
    return this.holdsLock;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getVersion(): string {
    return '9.9.9';
  }
  setAboutPanelOptions(): void {}
  /** As Electron: before-quit (preventable), then every window is closed (each may refuse), then will-quit. */
  quit(): void {
    const beforeQuit = preventable();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.prevented) return;
    for (const window of BrowserWindow.getAllWindows()) window.close();
    if (BrowserWindow.getAllWindows().length > 0) return;
    const willQuit = preventable();
    this.emit('will-quit', willQuit);
    if (!willQuit.prevented) this.quitted = true;
  }
  exit(code = 0): void {
    this.exitCode = code;
  }
  /** userData and the like: a folder of this test process's own (created by whoever writes there). */
  getPath(name: string): string {
    return join(tmpdir(), `reflective-portfolio-fake-${name}-${process.pid}`);
  }
}

export const app = new FakeApp();

class FakeIpcMain extends EventEmitter {
  handlers = new Map<string, (...args: unknown[]) => unknown>();
  handle(channel: string, handler: (...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
}

export const ipcMain = new FakeIpcMain();

export const protocol = {
  privileged: [] as { scheme: string; privileges?: Record<string, boolean> }[],
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]): void {
    if (app.listenerCount('ready') > 0) throw new Error('registerSchemesAsPrivileged must be called before ready');
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
    this.handlers.set(scheme, handler);
  },
};

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;

export const session = {
  defaultSession: {
    permissionRequest: null as PermissionRequestHandler | null,
    permissionCheck: null as (() => boolean) | null,
    devicePermission: null as (() => boolean) | null,
    setPermissionRequestHandler(handler: PermissionRequestHandler) {
      this.permissionRequest = handler;
    },
    setPermissionCheckHandler(handler: () => boolean) {
      this.permissionCheck = handler;
    },
    setDevicePermissionHandler(handler: () => boolean) {
      this.devicePermission = handler;
    },
    webRequest: { onHeadersReceived(_listener: unknown) {} },
  },
};

export const Menu = {
  applicationMenu: null as unknown,
  buildFromTemplate: (template: unknown) => template,
  setApplicationMenu(menu: unknown) {
    this.applicationMenu = menu;
  },
};

export const dialog = {
  errors: [] as string[],
  showMessageBox: async () => ({ response: 1 }),
  showErrorBox(title: string) {
    this.errors.push(title);
  },
};

/** A fresh Electron for each test (module state in electron/main.ts is re-imported too). */
export function resetFakeElectron(): void {
  BrowserWindow.windows = [];
  app.removeAllListeners();
  Object.assign(app, { quitted: false, exitCode: null, sandboxEnabled: false, holdsLock: true });
  ipcMain.removeAllListeners();
  ipcMain.handlers.clear();
  protocol.privileged = [];
  protocol.handlers.clear();
  Object.assign(session.defaultSession, { permissionRequest: null, permissionCheck: null, devicePermission: null });
  Menu.applicationMenu = null;
  dialog.errors = [];
}

const fakeKeychainMark = Buffer.from('fake-keychain:', 'utf8');

/**
 * safeStorage on a desktop with a keychain. Its "encryption" is a reversible scramble with a mark,
 * enough for a test to see that what was kept went through it and never sits on disk as given.
 * `available` false plays a machine without a keychain; `backend` 'basic_text' Linux without one.
 */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as string,
  encrypted: 0,
  async isAsyncEncryptionAvailable(): Promise<boolean> {
    return this.available;
  },
  async encryptStringAsync(plainText: string): Promise<Buffer> {
    if (!this.available) throw new Error('Encryption is not available.');
    this.encrypted += 1;
    return Buffer.concat([fakeKeychainMark, Buffer.from(plainText, 'utf8').map((byte) => byte ^ 0x5a)]);
  },
  async decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    if (!this.available || !encrypted.subarray(0, fakeKeychainMark.length).equals(fakeKeychainMark)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return { result: Buffer.from(encrypted.subarray(fakeKeychainMark.length).map((byte) => byte ^ 0x5a)).toString('utf8'), shouldReEncrypt: false };
  },
  getSelectedStorageBackend(): string {
    return this.backend;
  },
};

export function resetFakeSafeStorage(): void {
  Object.assign(safeStorage, { available: true, backend: 'gnome_libsecret', encrypted: 0 });
}
