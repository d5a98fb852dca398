import { useEffect } from 'react';
import type { Transport } from '../api/chooseTransport.js';
import { routeHash } from '../routing/route.js';
import { offerOpenedFile } from '../session/openedFiles.js';

/**
 * In the desktop app, a share file opened from the File menu or by double-clicking goes to
 * Mentoring, and a feedback file to Sharing, which open it as if it had been chosen there.
 */
export function useDesktopOpenedFiles(transport: Exclude<Transport, { kind: 'no-token' }>): void {
  useEffect(() => {
    if (transport.kind !== 'desktop') return;
    transport.bridge.onOpenFile((file) => {
      offerOpenedFile(file);
      window.location.hash = routeHash(file.kind === 'share' ? { view: 'mentoring' } : { view: 'sharing' });
    });
  }, [transport]);
}
