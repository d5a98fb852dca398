import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRendererProtocolHandler } from '../../electron/desktop/rendererProtocol.js';
import { appEntryUrl, isAppUrl } from '../../electron/security/appOrigin.js';
import { contentSecurityPolicy } from '../../electron/security/contentSecurityPolicy.js';
import { type IpcSender, createIpcCallHandler } from '../../electron/security/ipcSender.js';
import { guardSession, guardWebContents, isNavigationAllowed, withContentSecurityPolicy } from '../../electron/security/webContentsGuards.js';
import { createMainWindow } from '../../electron/security/windowOptions.js';
import { type PortfolioApi, openPortfolioApi } from '../../electron/startup/openPortfolioApi.js';

let workFolder: string;
let rendererDir: string;
let portfolio: PortfolioApi;

beforeAll(async () => {
  workFolder = await mkdtemp(path.join(tmpdir(), 'rp-electron-'));
  rendererDir = path.join(workFolder, 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Reflective Portfolio</title>');
  await writeFile(path.join(workFolder, 'secret.txt'), 'outside the renderer build');
  portfolio = await openPortfolioApi({ folder: path.join(workFolder, 'portfolio'), mode: 'desktop' });
});

afterAll(async () => {
  await portfolio.opened.close();
  await rm(workFolder, { recursive: true, force: true });
});

/** A stand-in for a navigation event: records whether main refused it. */
function navigation(url: string) {
  return {
    url,
    refused: false,
    preventDefault() {
      this.refused = true;
    },
  };
}

/** Just enough of WebContents for guardWebContents: an event emitter that keeps the window-open handler. */
class FakeWebContents extends EventEmitter {
  windowOpenHandler: (() => { action: string }) | null = null;
  setWindowOpenHandler(handler: () => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

function guardedContents(): FakeWebContents {
  const contents = new FakeWebContents();
  guardWebContents(contents as unknown as WebContents);
  return contents;
}

/** Stands in for Electron's BrowserWindow and keeps the options it was built with. */
class RecordingWindow {
  constructor(readonly options: BrowserWindowConstructorOptions) {}
}

describe('the desktop window', () => {
  const { options } = createMainWindow(RecordingWindow, '/app/out/electron/preload.cjs');

  it('isolates the page from the preload and sandboxes it', () => {
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true });
  });

  it('gives the page no Node.js', () => {
    expect(options.webPreferences).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false });
  });

  it('keeps web security on and refuses insecure content', () => {
    expect(options.webPreferences).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false, webviewTag: false });
  });

  it('loads the bundled preload', () => {
    expect(options.webPreferences?.preload).toBe('/app/out/electron/preload.cjs');
  });

  it('does not let a middle click open anything', () => {
    expect(options.webPreferences?.disableBlinkFeatures).toBe('Auxclick');
  });

  it('stays hidden until the page is ready to show', () => {
    expect(options.show).toBe(false);
  });

  it('loads the page from the app:// origin', () => {
    expect(isAppUrl(appEntryUrl)).toBe(true);
  });
});

describe('navigation in the desktop window', () => {
  it('is allowed within the app’s own origin', () => {
    expect(isNavigationAllowed('app://portfolio/index.html#week')).toBe(true);
  });

  it('is refused to web sites, local files and look-alike origins', () => {
    for (const url of ['https://example.org/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://other/index.html', 'app://user@portfolio/', 'javascript:alert(1)', 'not a url']) {
      expect(isNavigationAllowed(url), url).toBe(false);
    }
  });

  it('to another site is stopped by the will-navigate guard', () => {
    const contents = guardedContents();
    const event = navigation('https://example.org/');
    contents.emit('will-navigate', event);
    expect(event.refused).toBe(true);
  });

  it('within the app is let through by the will-navigate guard', () => {
    const contents = guardedContents();
    const event = navigation('app://portfolio/index.html');
    contents.emit('will-navigate', event);
    expect(event.refused).toBe(false);
  });

  it('of a frame or through a redirect to another site is stopped too', () => {
    const contents = guardedContents();
    const framed = navigation('https://example.org/');
    const redirected = navigation('https://example.org/');
    contents.emit('will-frame-navigate', framed);
    contents.emit('will-redirect', redirected);
    expect([framed.refused, redirected.refused]).toEqual([true, true]);
  });

  it('can never open a new window', () => {
    expect(guardedContents().windowOpenHandler?.()).toEqual({ action: 'deny' });
  });

  it('can never attach a webview', () => {
    const contents = guardedContents();
    const event = navigation('app://portfolio/');
    contents.emit('will-attach-webview', event);
    expect(event.refused).toBe(true);
  });
});

describe('the desktop session', () => {
  type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
  type HeadersListener = (details: { responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders: Record<string, string[]> }) => void) => void;

  function guardedSession() {
    const captured: { request?: RequestHandler; check?: () => boolean; device?: () => boolean; headers?: HeadersListener } = {};
    const fake = {
      setPermissionRequestHandler: (handler: RequestHandler) => (captured.request = handler),
      setPermissionCheckHandler: (handler: () => boolean) => (captured.check = handler),
      setDevicePermissionHandler: (handler: () => boolean) => (captured.device = handler),
      webRequest: { onHeadersReceived: (listener: HeadersListener) => (captured.headers = listener) },
    };
    guardSession(fake as unknown as Session);
    return captured;
  }

  it('refuses every permission request', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) guardedSession().request?.({}, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false, false, false, false, false]);
  });

  it('answers every permission check and device check with no', () => {
    const session = guardedSession();
    expect([session.check?.(), session.device?.()]).toEqual([false, false]);
  });

  it('puts the app’s Content-Security-Policy on every response, replacing any other', () => {
    let headers: Record<string, string[]> = {};
    guardedSession().headers?.({ responseHeaders: { 'content-security-policy': ["script-src 'unsafe-eval'"], 'Content-Type': ['text/html'] } }, (response) => {
      headers = response.responseHeaders;
    });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [contentSecurityPolicy] });
  });

  it('adds the policy to a response that had no headers', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [contentSecurityPolicy] });
  });
});

describe('an IPC call from the page', () => {
  const appFrame = (url: string, parent: unknown = null): IpcSender => ({ senderFrame: { url, parent } });

  it('runs when it comes from the app’s own top-level page', async () => {
    const handle = createIpcCallHandler(portfolio.handlers);
    expect(await handle(appFrame('app://portfolio/index.html'), 'app.info', {})).toMatchObject({ ok: true, value: { mode: 'desktop' } });
  });

  it('is refused with an error value when the sending frame is a foreign web page', async () => {
    const handle = createIpcCallHandler(portfolio.handlers);
    expect(await handle(appFrame('https://evil.example/'), 'app.info', {})).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
  });

  it('is refused from a file:// page', async () => {
    const handle = createIpcCallHandler(portfolio.handlers);
    expect(await handle(appFrame('file:///tmp/page.html'), 'app.info', {})).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
  });

  it('is refused from a frame nested inside the page', async () => {
    const handle = createIpcCallHandler(portfolio.handlers);
    expect(await handle(appFrame('app://portfolio/index.html', { url: 'app://portfolio/' }), 'app.info', {})).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
  });

  it('is refused when the sending frame is gone', async () => {
    const handle = createIpcCallHandler(portfolio.handlers);
    expect(await handle({ senderFrame: null }, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
  });

  it('has its argument checked against the contract', async () => {
    const handle = createIpcCallHandler(portfolio.handlers);
    const result = await handle(appFrame('app://portfolio/index.html'), 'week.get', { weekStart: '2026-11-24' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});

describe('the app:// protocol', () => {
  it('serves the page with the Content-Security-Policy', async () => {
    const response = await createRendererProtocolHandler(rendererDir)(new Request('app://portfolio/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Reflective Portfolio');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('never serves a file outside the renderer build', async () => {
    const response = await createRendererProtocolHandler(rendererDir)(new Request('app://portfolio/%2e%2e%2fsecret.txt'));
    expect(response.status).toBe(404);
  });

  it('answers nothing for another app:// host', async () => {
    const response = await createRendererProtocolHandler(rendererDir)(new Request('app://elsewhere/index.html'));
    expect(response.status).toBe(404);
  });
});
