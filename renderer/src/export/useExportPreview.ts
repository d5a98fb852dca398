import { useEffect, useRef, useState } from 'react';
import type { ExportOptions, ExportPackKind, ExportPreview } from '../../../shared/export/exportOptions.js';
import { useSession } from '../session/SessionContext.js';

/** A pause in typing this long asks for a new preview. */
export const previewPauseMs = 300;

export type PreviewState =
  /** No options to preview (a field has a problem). */
  | { state: 'none' }
  /** Asking; `preview` is the last answer for the same pack (other options), shown meanwhile. */
  | { state: 'loading'; pack: ExportPackKind; preview: ExportPreview | null }
  | { state: 'ready'; pack: ExportPackKind; preview: ExportPreview }
  | { state: 'error'; message: string };

/**
 * What the options would export, asked for once typing pauses. Only the answer to the latest
 * question is shown: one that comes back after the options changed again is dropped.
 */
export function useExportPreview(options: ExportOptions | null, attempt: number): PreviewState {
  const session = useSession();
  const [preview, setPreview] = useState<PreviewState>({ state: 'none' });
  const asked = useRef(0);
  const key = options ? JSON.stringify(options) : null;

  useEffect(() => {
    const question = ++asked.current;
    if (key === null) {
      setPreview({ state: 'none' });
      return;
    }
    const chosen = JSON.parse(key) as ExportOptions;
    const { pack } = chosen;
    setPreview((current) => ({ state: 'loading', pack, preview: (current.state === 'ready' || current.state === 'loading') && current.pack === pack ? current.preview : null }));
    const timer = setTimeout(() => {
      // Words typed a moment ago in a week or reflection count once they are saved.
      void session
        .flushWithin(3000)
        .then(() => session.client.call('export.preview', { options: chosen }))
        .then((result) => {
          if (question !== asked.current) return;
          setPreview(result.ok ? { state: 'ready', pack, preview: result.value } : { state: 'error', message: result.error.message });
        });
    }, previewPauseMs);
    return () => clearTimeout(timer);
  }, [session, key, attempt]);

  return preview;
}
