import type { ApiInput, ApiOutputs, DesktopBridge } from '../../shared/api/contract.js';
import { type OperationName, ipcChannels, isOperationName } from '../../shared/api/operationNames.js';
import { type Result, failure } from '../../shared/api/result.js';

/** The three ipcRenderer methods the bridge uses; the page never gets ipcRenderer itself. */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown) => void): unknown;
  send(channel: string): void;
}

/**
 * What the preload exposes as window.reflectivePortfolio: `call` for the operations in the
 * contract (other names never reach IPC) and `onBeforeClose`, whose listener runs when the window
 * is closing and after which main is told it may close.
 */
export function createDesktopBridge(ipc: BridgeIpc): DesktopBridge {
  let beforeClose: (() => Promise<void>) | null = null;

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
  };
}
