import { useCallback, useEffect, useState } from 'react';
import type { TemplatesOverview } from '../../../shared/api/contract.js';
import { useSession } from '../session/SessionContext.js';

export type OverviewState = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; overview: TemplatesOverview };

/** Writes left waiting (an editor just closed) are sent first, for no longer than this. */
const waitForSavesMs = 3000;

/** The built-in and custom templates and how many entries use each, read once the page's writes are sent. */
export function useTemplatesOverview(): { state: OverviewState; reload: () => void; replace: (overview: TemplatesOverview) => void } {
  const session = useSession();
  const [state, setState] = useState<OverviewState>({ kind: 'loading' });
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      await session.flushWithin(waitForSavesMs);
      const result = await session.client.call('templates.list', {});
      if (cancelled) return;
      setState(result.ok ? { kind: 'loaded', overview: result.value } : { kind: 'failed', message: result.error.message });
    })();
    return () => {
      cancelled = true;
    };
  }, [session, asked]);

  const reload = useCallback(() => setAsked((count) => count + 1), []);
  const replace = useCallback((overview: TemplatesOverview) => setState({ kind: 'loaded', overview }), []);
  return { state, reload, replace };
}
