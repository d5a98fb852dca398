/**
 * Closing the window never loses the last keystrokes: the first close is held back while the
 * page saves (it answers on ipcChannels.closeReady) and main writes everything to disk; then the
 * window really closes. A page that does not answer within the time limit cannot block quitting.
 */
export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  close(): void;
  isDestroyed(): boolean;
}

export interface CloseHandshakeOptions {
  /** Sends ipcChannels.beforeClose to the page. */
  askPageToSave(): void;
  /** Writes every accepted change to disk. */
  flush(): Promise<void>;
  /** Called when flushing failed; resolve true to close anyway. */
  confirmCloseAfterFailure?(error: unknown): Promise<boolean>;
  timeoutMs?: number;
}

export interface CloseHandshake {
  /** The page has saved (its closeReady message arrived). */
  pageIsReady(): void;
}

export const pageSaveTimeoutMs = 3000;

export function holdCloseUntilSaved(window: ClosableWindow, options: CloseHandshakeOptions): CloseHandshake {
  let mayClose = false;
  let inProgress = false;
  let markPageReady: () => void = () => undefined;

  const saveThenClose = async () => {
    const pageReady = new Promise<void>((resolve) => {
      markPageReady = resolve;
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, options.timeoutMs ?? pageSaveTimeoutMs);
    });
    try {
      options.askPageToSave();
    } catch {
      // The page is gone (crashed or destroyed): there is nothing more to wait for.
      markPageReady();
    }
    await Promise.race([pageReady, timedOut]);
    clearTimeout(timer);
    markPageReady = () => undefined;
    try {
      await options.flush();
    } catch (error) {
      const closeAnyway = options.confirmCloseAfterFailure ? await options.confirmCloseAfterFailure(error) : true;
      if (!closeAnyway) return;
    }
    mayClose = true;
    if (!window.isDestroyed()) window.close();
  };

  window.on('close', (event) => {
    if (mayClose) return;
    event.preventDefault();
    if (inProgress) return;
    inProgress = true;
    void saveThenClose().finally(() => {
      inProgress = false;
    });
  });

  return { pageIsReady: () => markPageReady() };
}
