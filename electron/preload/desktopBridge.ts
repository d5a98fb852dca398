import { type ApiInput, type ApiOutputs, type DesktopBridge, type OpenedFile, isOpenedFile } from '../../shared/api/contract.js';
import { type OperationName, ipcChannels, isOperationName } from '../../shared/api/operationNames.js';
import { type Result, failure } from '../../shared/api/result.js';

/** The three ipcRenderer methods the bridge uses; the page never gets ipcRenderer itself. */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  send(channel: string): void;
}

/**
 * What the preload exposes as window.reflectivePortfolio: `call` for the operations in the
 * contract (other names never reach IPC) and `onBeforeClose`, whose listener runs when the window
 * is closing and after which main is told it may close, and `onOpenFile` for share and feedback
 * files opened from the File menu or the system (kept until the page listens).
 */
export function createDesktopBridge(ipc: BridgeIpc): DesktopBridge {
  let beforeClose: (() => Promise<void>) | null = null;
  let openFile: ((file: OpenedFile) => void) | null = null;
  const waitingFiles: OpenedFile[] = [];

  ipc.on(ipcChannels.openFile, (_event, file) => {
    if (!isOpenedFile(file)) return;
    const copy = { kind: file.kind, name: file.name, text: file.text };
    if (openFile) openFile(copy);
    else waitingFiles.push(copy);
  });

  ipc.on(ipcChannels.beforeClose, () => {
    const listener = beforeClose;
    const saving = listener ? Promise.resolve().then(listener) : Promise.resolve();
    void saving.catch(() => undefined).then(() => ipc.send(ipcChannels.closeReady));
  });

  return {
    call<K extends OperationName>(name: K, argument: ApiInput<K>): Promise<Result<ApiOutputs[K]>> {
      if (!isOperationName(name)) return Promise.resolve(failure('unknown-operation', 'That operation does not exist.'));
      return ipc
        .invoke(ipcChannels.call, name, argument)
        .then((result) => result as Result<ApiOutputs[K]>)
        .catch(() => failure('internal', 'The app could not reach the portfolio. Your last saved work is safe.'));
    },
    onBeforeClose(listener: () => Promise<void>): void {
      if (typeof listener === 'function') beforeClose = listener;
    },
    onOpenFile(listener: (file: OpenedFile) => void): void {
      if (typeof listener !== 'function') return;
      openFile = listener;
      for (const file of waitingFiles.splice(0)) listener(file);
    },
  };
}
