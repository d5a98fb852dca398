import type { ExportPackKind, ExportPreview, FeedbackPreview } from '../../../shared/export/exportOptions.js';
import { plural } from '../coverage/coverageCells.js';
import { LoadFailure } from '../shell/LoadFailure.js';
import type { PreviewState } from './useExportPreview.js';

interface PreviewPanelProps {
  pack: ExportPackKind;
  preview: PreviewState;
  /** The assignment's word limit, when one is set. */
  wordLimit: number | null;
  /** Why there can be no preview yet (the lists still loading, no framework or reflection to export). */
  waiting: string | null;
  onRetry(): void;
}

const entriesLabel: Record<ExportPackKind, string> = {
  weeks: 'Weekly logs',
  assignment: 'Entries with evidence',
  appraisal: 'Entries in the period',
  reflection: 'Reflections',
  feedback: 'Entries commented on',
};

const number = (count: number) => count.toLocaleString('en-GB');

/** "1,234 words to spare" or "234 words over". */
function againstLimit(words: number, limit: number): string {
  return words <= limit ? `${plural(limit - words, 'word')} to spare` : `${plural(words - limit, 'word')} over`;
}

/** The feedback pack's counts: comments (and how many resolved), replies, sign-offs, gaps in the record, who from. */
function FeedbackCounts({ preview, feedback }: { preview: ExportPreview; feedback: FeedbackPreview }) {
  return (
    <>
      <dl className="export-preview__counts" data-testid="export-preview-counts">
        <div>
          <dt>Comments</dt>
          <dd data-testid="export-preview-comments">
            {number(feedback.comments)}
            {feedback.resolved > 0 ? <span className="export-preview__limit"> ({number(feedback.resolved)} resolved)</span> : null}
          </dd>
        </div>
        <div>
          <dt>{entriesLabel.feedback}</dt>
          <dd data-testid="export-preview-entries">{number(preview.entries)}</dd>
        </div>
        <div>
          <dt>Your replies</dt>
          <dd data-testid="export-preview-replies">{number(feedback.replies)}</dd>
        </div>
        <div>
          <dt>Sign-offs</dt>
          <dd data-testid="export-preview-sign-offs">{number(feedback.signOffs)}</dd>
        </div>
        {feedback.signOffs > 0 || feedback.notSignedOff > 0 ? (
          <div>
            <dt>Outcomes and criteria not signed off</dt>
            <dd data-testid="export-preview-not-signed-off">{number(feedback.notSignedOff)}</dd>
          </div>
        ) : null}
      </dl>
      {feedback.reviewers.length > 0 ? (
        <p className="export-preview__from" data-testid="export-preview-reviewers">
          From {feedback.reviewers.join('; ')}
        </p>
      ) : null}
    </>
  );
}

function Counts({ pack, preview, wordLimit }: { pack: ExportPackKind; preview: ExportPreview; wordLimit: number | null }) {
  if (preview.feedback) return <FeedbackCounts preview={preview} feedback={preview.feedback} />;
  const ownWords = preview.words - preview.quotedWords;
  return (
    <dl className="export-preview__counts" data-testid="export-preview-counts">
      <div>
        <dt>{entriesLabel[pack]}</dt>
        <dd data-testid="export-preview-entries">{number(preview.entries)}</dd>
      </div>
      {pack === 'assignment' ? (
        <>
          <div>
            <dt>Passages quoted</dt>
            <dd data-testid="export-preview-passages">{number(preview.passages)}</dd>
          </div>
          <div>
            <dt>Words with quotations</dt>
            <dd data-testid="export-preview-words">
              {number(preview.words)}
              {wordLimit !== null ? <span className="export-preview__limit"> ({againstLimit(preview.words, wordLimit)})</span> : null}
            </dd>
          </div>
          <div>
            <dt>Words without quotations</dt>
            <dd data-testid="export-preview-own-words">
              {number(ownWords)}
              {wordLimit !== null ? <span className="export-preview__limit"> ({againstLimit(ownWords, wordLimit)})</span> : null}
            </dd>
          </div>
          {wordLimit !== null ? (
            <div>
              <dt>Word limit</dt>
              <dd>{number(wordLimit)}</dd>
            </div>
          ) : null}
        </>
      ) : (
        <div>
          <dt>Words</dt>
          <dd data-testid="export-preview-words">{number(preview.words)}</dd>
        </div>
      )}
    </dl>
  );
}

/** What the document will hold, updated as the options change; read out politely when it does. */
export function PreviewPanel({ pack, preview, wordLimit, waiting, onRetry }: PreviewPanelProps) {
  const shown = preview.state === 'ready' || preview.state === 'loading' ? preview.preview : null;
  return (
    <section className="export-preview" aria-labelledby="export-preview-heading" aria-busy={preview.state === 'loading'} data-testid="export-preview" data-state={preview.state}>
      <h2 id="export-preview-heading">What the document will hold</h2>
      <div aria-live="polite">
        {preview.state === 'none' ? <p className="muted">{waiting ?? 'The preview appears once the options are complete.'}</p> : null}
        {preview.state === 'loading' && shown === null ? <p className="muted">Counting…</p> : null}
        {preview.state === 'error' ? (
<LoadFailure message={preview.message} onRetry={onRetry} />
        ) : null}
        {shown ? (
          <>
            <p className="export-preview__title" data-testid="export-preview-title">
              {shown.title}
            </p>
            <p className="export-preview__file">
              File: <span data-testid="export-preview-file">{shown.fileName}</span>
            </p>
            <Counts pack={pack} preview={shown} wordLimit={wordLimit} />
            {shown.notes.length > 0 ? (
              <ul className="export-preview__notes" data-testid="export-preview-notes">
                {shown.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
