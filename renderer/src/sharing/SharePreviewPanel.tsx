import type { SharePreview } from '../../../shared/api/contract.js';
import { sharingFileName } from '../../../shared/share/sharingFileName.js';
import { LoadFailure } from '../shell/LoadFailure.js';
import type { SharePreviewState } from './useSharePreview.js';

interface SharePreviewPanelProps {
  preview: SharePreviewState;
  /** Why there can be no preview yet (lists loading, a field to fix, weeks being looked up). */
  waiting: string | null;
  /** As typed: the saved file's name includes it. */
  authorName: string;
  protectedByPassphrase: boolean;
  onRetry(): void;
}

const number = (count: number) => count.toLocaleString('en-GB');

/** The preview holds no entry: saving is refused with this reason. */
export function nothingToShare(preview: SharePreview): boolean {
  return preview.weeklyLogs + preview.reflections === 0;
}

/** The preview's suggested name (the day it was made) with the author's name as typed, as the saved file will be named. */
export function previewFileName(preview: SharePreview, authorName: string): string {
  const day = /(\d{4}-\d{2}-\d{2})\.rpshare$/.exec(preview.fileName)?.[1];
  return day ? sharingFileName('share', authorName, day) : preview.fileName;
}

/** What the share file will hold, updated as the choices change; read out politely when it does. */
export function SharePreviewPanel({ preview, waiting, authorName, protectedByPassphrase, onRetry }: SharePreviewPanelProps) {
  const shown = preview.state === 'ready' || preview.state === 'loading' ? preview.preview : null;
  return (
    <section className="export-preview share-preview" aria-labelledby="share-preview-heading" aria-busy={preview.state === 'loading'} data-testid="share-preview" data-state={preview.state}>
      <h3 id="share-preview-heading">What the share file will hold</h3>
      <div aria-live="polite">
        {preview.state === 'none' ? <p className="muted">{waiting ?? 'The preview appears once the choices are complete.'}</p> : null}
        {preview.state === 'loading' && shown === null ? <p className="muted">Counting…</p> : null}
        {preview.state === 'error' ? <LoadFailure message={preview.message} onRetry={onRetry} /> : null}
        {shown ? (
          <>
            <p className="export-preview__title" data-testid="share-preview-description">
              {shown.description}
            </p>
            {nothingToShare(shown) ? (
              <p className="share-preview__nothing" data-testid="share-preview-nothing">
                No weekly logs or reflections match these choices, so there is nothing to share. Choose other dates, another framework or other entries.
              </p>
            ) : (
              <>
                <dl className="export-preview__counts" data-testid="share-preview-counts">
                  <div>
                    <dt>Weekly logs</dt>
                    <dd data-testid="share-preview-weekly-logs">{number(shown.weeklyLogs)}</dd>
                  </div>
                  <div>
                    <dt>Reflections</dt>
                    <dd data-testid="share-preview-reflections">{number(shown.reflections)}</dd>
                  </div>
                  <div>
                    <dt>Words</dt>
                    <dd data-testid="share-preview-words">{number(shown.words)}</dd>
                  </div>
                </dl>
                <p className="share-preview__frameworks" data-testid="share-preview-frameworks">
                  {shown.frameworks.length === 0 ? 'No framework: none of these entries is tagged as evidence.' : `Frameworks: ${shown.frameworks.join('; ')}.`}
                </p>
                <p className="export-preview__file">
                  File: <span data-testid="share-preview-file">{previewFileName(shown, authorName)}</span>
                </p>
                <p className="share-preview__protection" data-testid="share-preview-protection">
                  {protectedByPassphrase ? 'Encrypted with your passphrase.' : 'Not protected: anyone who gets the file can read it.'}
                </p>
              </>
            )}
          </>
        ) : null}
      </div>
    </section>
  );
}
