import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../shared/api/contract.js';
import { openPortfolioApi } from '../../electron/startup/openPortfolioApi.js';
import * as fakeElectron from './fakes/fakeElectron.js';
import { BrowserWindow, app, ipcMain, preventable, protocol, resetFakeElectron, session } from './fakes/fakeElectron.js';

const monday = '2026-11-23';
const appPage = { senderFrame: { url: 'app://portfolio/index.html', parent: null } };
const emptyDoc = { type: 'doc', content: [{ type: 'paragraph' }] };

let workFolder: string;
let folder: string;
const originalArgv = process.argv;

beforeAll(async () => {
  workFolder = await mkdtemp(path.join(tmpdir(), 'rp-main-'));
});

afterAll(async () => {
  await rm(workFolder, { recursive: true, force: true });
});

beforeEach(() => {
  resetFakeElectron();
  // electron/main.ts does its work on import, so each test imports it afresh, with the same fakes.
  vi.resetModules();
  vi.doMock('electron', () => fakeElectron);
  folder = path.join(workFolder, `portfolio-${Math.random().toString(36).slice(2)}`);
});

afterEach(async () => {
  process.argv = originalArgv;
  // Quit as a user would, so no portfolio is left open behind the next test.
  const open = BrowserWindow.getAllWindows()[0];
  if (open) {
    app.quit();
    ipcMain.emit(ipcChannels.closeReady, { ...appPage, sender: open.webContents });
    await until(() => app.quitted);
  }
});

async function until(condition: () => boolean): Promise<void> {
  for (let tries = 0; tries < 200 && !condition(); tries += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!condition()) throw new Error('timed out waiting for the app');
}

/** Starts electron/main.ts as `electron <project> ...args` would, and waits for its window. */
async function startMain(args: string[] = ['--data', folder]): Promise<BrowserWindow> {
  process.argv = ['/opt/electron/electron', '/work/main', ...args];
  Object.defineProperty(process, 'defaultApp', { value: true, configurable: true });
  await import('../../electron/main.js');
  await until(() => BrowserWindow.windows.length === 1);
  return BrowserWindow.windows[0] as BrowserWindow;
}

function callOverIpc(event: unknown, name: string, argument: unknown): Promise<unknown> {
  const handler = ipcMain.handlers.get(ipcChannels.call);
  if (!handler) throw new Error('no IPC handler registered');
  return handler(event, name, argument) as Promise<unknown>;
}

describe('Electron’s main process', () => {
  it('registers app:// as a standard, secure scheme and turns the sandbox on for every page', async () => {
    await startMain();
    expect(protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(app.sandboxEnabled).toBe(true);
    expect(protocol.handlers.has('app')).toBe(true);
  });

  it('opens one hidden, sandboxed window on the app page and shows it when it is ready', async () => {
    const window = await startMain();
    expect(window.loadedUrl).toBe('app://portfolio/index.html');
    expect(window.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('answers the app page’s IPC calls from the portfolio folder given with --data', async () => {
    await startMain();
    expect(await callOverIpc(appPage, 'app.info', {})).toMatchObject({ ok: true, value: { mode: 'desktop', version: '9.9.9', portfolioFolder: folder } });
  });

  it('refuses IPC calls from any other page', async () => {
    await startMain();
    expect(await callOverIpc({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
  });

  it('stops its window navigating away from the app', async () => {
    const window = await startMain();
    const navigation = preventable({ url: 'https://example.org/' });
    window.webContents.emit('will-navigate', navigation);
    expect(navigation.prevented).toBe(true);
    expect(window.webContents.windowOpenHandler?.()).toEqual({ action: 'deny' });
  });

  it('refuses every permission the page asks for', async () => {
    await startMain();
    let granted: boolean | null = null;
    session.defaultSession.permissionRequest?.({}, 'media', (answer) => (granted = answer));
    expect(granted).toBe(false);
  });

  it('brings its window forward when the app is started a second time', async () => {
    const window = await startMain();
    app.emit('second-instance');
    expect(window.focused).toBe(true);
  });

  it('hands the page a share file double-clicked before or after it loaded, once it has loaded', async () => {
    const first = path.join(folder, 'first.rpshare');
    const second = path.join(folder, 'second.rpfeedback');
    await mkdir(folder, { recursive: true });
    await writeFile(first, '{"format":"reflective-portfolio-share"}');
    await writeFile(second, '{"format":"reflective-portfolio-feedback"}');
    const window = await startMain(['--data', folder, first]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(window.webContents.messages.filter(([channel]) => channel === ipcChannels.openFile)).toEqual([]);
    window.webContents.emit('did-finish-load');
    app.emit('second-instance', preventable(), ['/opt/electron/electron', '/work/main', second], folder);
    await until(() => window.webContents.messages.filter(([channel]) => channel === ipcChannels.openFile).length === 2);
    expect(window.webContents.messages.filter(([channel]) => channel === ipcChannels.openFile)).toEqual([
      [ipcChannels.openFile, { kind: 'share', name: 'first.rpshare', text: '{"format":"reflective-portfolio-share"}' }],
      [ipcChannels.openFile, { kind: 'feedback', name: 'second.rpfeedback', text: '{"format":"reflective-portfolio-feedback"}' }],
    ]);
  });

  it('does not open a second window when another copy already holds the lock', async () => {
    app.holdsLock = false;
    process.argv = ['/opt/electron/electron', '/work/main', '--data', folder];
    await import('../../electron/main.js');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(BrowserWindow.windows).toEqual([]);
  });

  it('exits with code 2 and opens nothing for an unknown option', async () => {
    process.argv = ['/opt/electron/electron', '/work/main', '--bogus'];
    Object.defineProperty(process, 'defaultApp', { value: true, configurable: true });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await import('../../electron/main.js');
    stderr.mockRestore();
    expect(app.exitCode).toBe(2);
    expect(BrowserWindow.windows).toEqual([]);
  });

  it('on closing the window, lets the page save, writes everything to disk and quits', async () => {
    const window = await startMain();
    const sections = { thisWeek: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Last words before closing.' }] }] }, keyThoughts: emptyDoc, achievements: emptyDoc, nextWeekPlans: emptyDoc };

    window.close();
    expect(window.webContents.sent).toEqual([ipcChannels.beforeClose]);
    expect(window.destroyed).toBe(false);

    // The page's last save arrives while the window waits, then the page says it is done.
    expect(await callOverIpc(appPage, 'week.save', { weekStart: monday, sections })).toMatchObject({ ok: true });
    ipcMain.emit(ipcChannels.closeReady, { ...appPage, sender: window.webContents });
    await until(() => app.quitted);

    expect(window.destroyed).toBe(true);
    const reopened = await openPortfolioApi({ folder, mode: 'desktop' });
    const week = await reopened.handlers['week.get']({ weekStart: monday });
    await reopened.opened.close();
    expect(week.ok && week.value.entry?.sections.thisWeek).toEqual(sections.thisWeek);
  });

  it('on Quit from the menu, also asks the page to save before anything closes', async () => {
    const window = await startMain();
    app.quit();
    expect(app.quitted).toBe(false);
    await until(() => window.webContents.sent.length > 0);
    expect(window.webContents.sent).toEqual([ipcChannels.beforeClose]);
    ipcMain.emit(ipcChannels.closeReady, { ...appPage, sender: window.webContents });
    await until(() => app.quitted);
    expect(window.destroyed).toBe(true);
  });

  it('ignores a close-ready message from a page that is not the app', async () => {
    const window = await startMain();
    window.close();
    ipcMain.emit(ipcChannels.closeReady, { senderFrame: { url: 'https://evil.example/', parent: null }, sender: window.webContents });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(window.destroyed).toBe(false);
  });
});
