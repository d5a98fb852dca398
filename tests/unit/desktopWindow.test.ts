import { EventEmitter } from 'node:events';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate } from '../../electron/desktop/applicationMenu.js';
import { type ClosableWindow, holdCloseUntilSaved } from '../../electron/desktop/closeHandshake.js';

/** A window that records close attempts and whether each was held back. */
class FakeWindow extends EventEmitter implements ClosableWindow {
  held = 0;
  closed = false;
  close(): void {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) this.held += 1;
    else this.closed = true;
  }
  isDestroyed(): boolean {
    return this.closed;
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('closing the desktop window', () => {
  it('is held back the first time while the page is asked to save', () => {
    const window = new FakeWindow();
    let asked = 0;
    holdCloseUntilSaved(window, { askPageToSave: () => (asked += 1), flush: async () => undefined });
    window.close();
    expect([window.held, window.closed, asked]).toEqual([1, false, 1]);
  });

  it('goes ahead once the page has saved and everything is flushed to disk', async () => {
    const window = new FakeWindow();
    const steps: string[] = [];
    const handshake = holdCloseUntilSaved(window, { askPageToSave: () => steps.push('asked'), flush: async () => void steps.push('flushed') });
    window.close();
    handshake.pageIsReady();
    await wait(0);
    expect(steps).toEqual(['asked', 'flushed']);
    expect(window.closed).toBe(true);
  });

  it('asks the page only once when close is pressed again while saving', async () => {
    const window = new FakeWindow();
    let asked = 0;
    const handshake = holdCloseUntilSaved(window, { askPageToSave: () => (asked += 1), flush: async () => undefined });
    window.close();
    window.close();
    handshake.pageIsReady();
    await wait(0);
    expect([asked, window.closed]).toEqual([1, true]);
  });

  it('does not wait for ever on a page that never answers', async () => {
    const window = new FakeWindow();
    let flushed = false;
    holdCloseUntilSaved(window, { askPageToSave: () => undefined, flush: async () => void (flushed = true), timeoutMs: 20 });
    window.close();
    await wait(60);
    expect([flushed, window.closed]).toEqual([true, true]);
  });

  it('does not wait for a page that can no longer be reached', async () => {
    const window = new FakeWindow();
    holdCloseUntilSaved(window, {
      askPageToSave: () => {
        throw new Error('Render frame was disposed');
      },
      flush: async () => undefined,
      timeoutMs: 10_000,
    });
    window.close();
    await wait(0);
    expect(window.closed).toBe(true);
  });

  it('stays open when writing to disk failed and the user chooses to keep it open', async () => {
    const window = new FakeWindow();
    const handshake = holdCloseUntilSaved(window, {
      askPageToSave: () => undefined,
      flush: async () => {
        throw new Error('ENOSPC');
      },
      confirmCloseAfterFailure: async () => false,
    });
    window.close();
    handshake.pageIsReady();
    await wait(0);
    expect(window.closed).toBe(false);
  });
});

describe('the application menu', () => {
  const labels = (template: MenuItemConstructorOptions[]) => template.map((item) => item.label ?? item.role);
  const submenuRoles = (template: MenuItemConstructorOptions[], label: string) =>
    (template.find((item) => item.label === label)?.submenu as MenuItemConstructorOptions[]).map((item) => item.role).filter(Boolean);

  it('has File, Edit, View and Help on Windows and Linux', () => {
    expect(labels(applicationMenuTemplate({ platform: 'linux', developerTools: false, openSharingFile: () => undefined }))).toEqual(['File', 'Edit', 'View', 'help']);
  });

  it('offers Quit in the File menu', () => {
    expect(submenuRoles(applicationMenuTemplate({ platform: 'win32', developerTools: false, openSharingFile: () => undefined }), 'File')).toEqual(['quit']);
  });

  it('uses the standard editing roles so shortcuts work in the editor', () => {
    expect(submenuRoles(applicationMenuTemplate({ platform: 'linux', developerTools: false, openSharingFile: () => undefined }), 'Edit')).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
  });

  it('puts the app menu with Quit first on macOS', () => {
    const template = applicationMenuTemplate({ platform: 'darwin', developerTools: false, openSharingFile: () => undefined });
    expect(labels(template)[0]).toBe('Reflective Portfolio');
    expect(submenuRoles(template, 'Reflective Portfolio')).toContain('quit');
  });

  it('opens share files and imports feedback files from the File menu', () => {
    const opened: string[] = [];
    const template = applicationMenuTemplate({ platform: 'linux', developerTools: false, openSharingFile: (kind) => opened.push(kind) });
    const file = template.find((item) => item.label === 'File')?.submenu as MenuItemConstructorOptions[];
    expect(file.map((item) => item.label ?? item.role ?? item.type)).toEqual(['Open Share File…', 'Import Feedback File…', 'separator', 'quit']);
    expect(file[0]?.accelerator).toBe('CmdOrCtrl+O');
    for (const item of file.slice(0, 2)) (item.click as () => void)();
    expect(opened).toEqual(['share', 'feedback']);
  });

  it('offers developer tools only when running from source', () => {
    expect(submenuRoles(applicationMenuTemplate({ platform: 'linux', developerTools: false, openSharingFile: () => undefined }), 'View')).not.toContain('toggleDevTools');
    expect(submenuRoles(applicationMenuTemplate({ platform: 'linux', developerTools: true, openSharingFile: () => undefined }), 'View')).toContain('toggleDevTools');
  });
});
