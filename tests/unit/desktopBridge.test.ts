import { describe, expect, it } from 'vitest';
import { ipcChannels } from '../../shared/api/contract.js';
import { type BridgeIpc, createDesktopBridge } from '../../electron/preload/desktopBridge.js';

/** A stand-in for ipcRenderer that records what the bridge sends and lets a test play main's part. */
class FakeIpcRenderer implements BridgeIpc {
  invoked: unknown[][] = [];
  sent: string[] = [];
  private listeners = new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>();
  answer: (args: unknown[]) => Promise<unknown> = async () => ({ ok: true, value: 'answered' });

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, ...args]);
    return this.answer(args);
  }
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    return this;
  }
  send(channel: string): void {
    this.sent.push(channel);
  }
  emitFromMain(channel: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(channel) ?? []) listener({}, ...args);
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the desktop bridge the preload exposes', () => {
  it('offers only call, onBeforeClose and onOpenFile', () => {
    expect(Object.keys(createDesktopBridge(new FakeIpcRenderer())).sort()).toEqual(['call', 'onBeforeClose', 'onOpenFile']);
  });

  it('hands the page share and feedback files main opened, keeping those that came before the page listened, and drops malformed ones', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createDesktopBridge(ipc);
    ipc.emitFromMain(ipcChannels.openFile, { kind: 'share', name: 'a.rpshare', text: '{}' });
    ipc.emitFromMain(ipcChannels.openFile, { kind: 'script', name: 'x', text: '' });
    ipc.emitFromMain(ipcChannels.openFile, { kind: 'feedback', name: 'b.rpfeedback', text: 42 });
    const received: unknown[] = [];
    bridge.onOpenFile((file) => received.push(file));
    ipc.emitFromMain(ipcChannels.openFile, { kind: 'feedback', name: 'c.rpfeedback', text: '{}', extra: 'dropped' });
    expect(received).toEqual([
      { kind: 'share', name: 'a.rpshare', text: '{}' },
      { kind: 'feedback', name: 'c.rpfeedback', text: '{}' },
    ]);
  });

  it('forwards a contract operation over the call channel and returns main’s result', async () => {
    const ipc = new FakeIpcRenderer();
    const result = await createDesktopBridge(ipc).call('week.get', { weekStart: '2026-11-23' });
    expect(ipc.invoked).toEqual([[ipcChannels.call, 'week.get', { weekStart: '2026-11-23' }]]);
    expect(result).toEqual({ ok: true, value: 'answered' });
  });

  it('refuses a name that is not in the contract without sending anything', async () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createDesktopBridge(ipc);
    const result = await (bridge.call as (name: string, argument: unknown) => Promise<unknown>)('fs.readFile', { path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-operation' } });
    expect(ipc.invoked).toEqual([]);
  });

  it('turns a failed IPC invoke into an error value rather than a thrown error', async () => {
    const ipc = new FakeIpcRenderer();
    ipc.answer = async () => {
      throw new Error('No handler registered');
    };
    expect(await createDesktopBridge(ipc).call('app.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('runs the page’s before-close listener, then tells main the window may close', async () => {
    const ipc = new FakeIpcRenderer();
    const order: string[] = [];
    createDesktopBridge(ipc).onBeforeClose(async () => {
      order.push('page saved');
    });
    ipc.send = (channel) => order.push(channel);
    ipc.emitFromMain(ipcChannels.beforeClose);
    await settle();
    expect(order).toEqual(['page saved', ipcChannels.closeReady]);
  });

  it('tells main at once that the window may close when the page registered no listener', async () => {
    const ipc = new FakeIpcRenderer();
    createDesktopBridge(ipc);
    ipc.emitFromMain(ipcChannels.beforeClose);
    await settle();
    expect(ipc.sent).toEqual([ipcChannels.closeReady]);
  });

  it('still lets the window close when the page’s listener fails', async () => {
    const ipc = new FakeIpcRenderer();
    createDesktopBridge(ipc).onBeforeClose(async () => {
      throw new Error('save failed');
    });
    ipc.emitFromMain(ipcChannels.beforeClose);
    await settle();
    expect(ipc.sent).toEqual([ipcChannels.closeReady]);
  });
});
