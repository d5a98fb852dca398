import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import type { Framework } from '../../../shared/frameworks/framework.js';
import { type EvidenceRun, runsAt } from '../editor/evidenceRuns.js';
import { tagLabel } from './tagLabels.js';

interface EvidenceAtCaretProps {
  editor: Editor;
  frameworks: readonly Framework[];
  sectionTitle: string;
}

/** The runs under the editor's selection, kept while focus moves to the buttons below (the selection stays). */
function useRunsAtSelection(editor: Editor): EvidenceRun[] {
  const [runs, setRuns] = useState<EvidenceRun[]>([]);
  useEffect(() => {
    const update = () => {
      const { from, to } = editor.state.selection;
      const next = runsAt(editor.state.doc, from, to);
      setRuns((previous) =>
        previous.length === next.length && previous.every((run, index) => run.key === next[index]?.key && run.from === next[index]?.from && run.to === next[index]?.to) ? previous : next,
      );
    };
    update();
    editor.on('transaction', update);
    return () => {
      editor.off('transaction', update);
    };
  }, [editor]);
  return runs;
}

/**
 * Under a section: the tags on the passage the caret is in, each with a button that removes that
 * one tag from the whole passage. This is how tags are seen and removed with the keyboard.
 */
export function EvidenceAtCaret({ editor, frameworks, sectionTitle }: EvidenceAtCaretProps) {
  const runs = useRunsAtSelection(editor);
  const labels = runs.map((run) => ({ run, ...tagLabel(frameworks, run.tag) }));
  return (
    <div className="evidence-here" data-testid="evidence-here" hidden={runs.length === 0}>
      <p className="visually-hidden" aria-live="polite">
        {runs.length > 0 ? `Evidence here: ${labels.map((label) => label.code).join(', ')}` : ''}
      </p>
      {runs.length > 0 ? (
        <p className="evidence-here__title" aria-hidden="true">
          Evidence here:
        </p>
      ) : null}
      {runs.length > 0 ? (
        <ul className="evidence-here__tags" aria-label={`Evidence tags at the cursor in ${sectionTitle}`}>
          {labels.map(({ run, code, label, framework }) => (
            <li key={`${run.key}@${run.from}`} className="tag-chip" title={`${label} (${framework})`}>
              <span className="tag-chip__code">{code}</span>
              <button
                type="button"
                className="tag-chip__remove"
                aria-label={`Remove tag ${code} from this passage`}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  editor.chain().focus().removeEvidenceTag(run.key, run.from).run();
                }}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
