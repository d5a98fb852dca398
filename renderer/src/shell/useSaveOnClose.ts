import { useEffect } from 'react';
import type { Transport } from '../api/chooseTransport.js';
import type { PortfolioSession } from '../session/PortfolioSession.js';

/** Main waits three seconds for the page before closing the window anyway. */
const desktopCloseLimitMs = 2500;

/**
 * Nothing typed is lost when the window or tab closes: the desktop app asks the page to save and
 * waits; a browser tab sends what is unsaved with requests that outlive the page.
 */
export function useSaveOnClose(session: PortfolioSession, transport: Exclude<Transport, { kind: 'no-token' }>): void {
  useEffect(() => {
    if (transport.kind === 'desktop') {
      transport.bridge.onBeforeClose(async () => {
        await session.flushWithin(desktopCloseLimitMs);
      });
      return undefined;
    }
    const onPageHide = () => session.saves.sendAllWhileClosing();
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden') void session.saves.flush();
    };
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [session, transport]);
}
