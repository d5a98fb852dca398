import { dispatch } from '../../shared/api/dispatch.js';
import type { ApiHandlers } from '../../shared/api/contract.js';
import { type Result, failure } from '../../shared/api/result.js';
import { isAppUrl } from './appOrigin.js';

/** The part of Electron's IPC event this check reads (WebFrameMain has these fields). */
export interface IpcSender {
  senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/** Only the app's own page, in a top-level frame, may call the portfolio's operations. */
export function isTrustedSender(event: IpcSender): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** The `ipcMain.handle` listener for ipcChannels.call: check the sender, then the contract does the rest. */
export function createIpcCallHandler(handlers: ApiHandlers) {
  return async (event: IpcSender, name: unknown, argument: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event)) return failure('unauthorised', 'Only the app’s own page may use the portfolio.');
    return dispatch(handlers, name, argument);
  };
}
