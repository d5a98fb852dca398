import { useEffect, useRef, useState } from 'react';
import type { SharePreview } from '../../../shared/api/contract.js';
import type { ShareSelection } from '../../../shared/share/sharing.js';
import { previewPauseMs } from '../export/useExportPreview.js';
import { useSession } from '../session/SessionContext.js';

export type SharePreviewState =
  /** Nothing to preview (a field has a problem, or picked weeks are being looked up). */
  | { state: 'none' }
  /** Asking; `preview` is the last answer, shown meanwhile. */
  | { state: 'loading'; preview: SharePreview | null }
  | { state: 'ready'; preview: SharePreview }
  | { state: 'error'; message: string };

/**
 * What a share file would hold, asked for once typing pauses. Only the answer to the latest
 * question is shown: one that comes back after the choices changed again is dropped.
 */
export function useSharePreview(selection: ShareSelection | null, attempt: number): SharePreviewState {
  const session = useSession();
  const [preview, setPreview] = useState<SharePreviewState>({ state: 'none' });
  const asked = useRef(0);
  const key = selection ? JSON.stringify(selection) : null;

  useEffect(() => {
    const question = ++asked.current;
    if (key === null) {
      setPreview({ state: 'none' });
      return;
    }
    const chosen = JSON.parse(key) as ShareSelection;
    setPreview((current) => ({ state: 'loading', preview: current.state === 'ready' || current.state === 'loading' ? current.preview : null }));
    const timer = setTimeout(() => {
      // Words typed a moment ago in a week or reflection count once they are saved.
      void session
        .flushWithin(3000)
        .then(() => session.client.call('share.preview', { selection: chosen }))
        .then((result) => {
          if (question !== asked.current) return;
          setPreview(result.ok ? { state: 'ready', preview: result.value } : { state: 'error', message: result.error.message });
        });
    }, previewPauseMs);
    return () => clearTimeout(timer);
  }, [session, key, attempt]);

  return preview;
}
