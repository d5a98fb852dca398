import type { Editor } from '@tiptap/core';
import { type RefObject, useEffect, useId, useRef, useState } from 'react';
import { isApplePlatform } from '../format/keyboardShortcutText.js';
import { findingKindNames } from '../../../shared/privacy/findings.js';
import { type EditorFinding, privacyFindingAtSelection } from '../editor/PrivacyHighlights.js';
import type { EntryPrivacy } from './EntryPrivacy.js';
import '../styles/privacy.css';

interface PrivacyAtCaretProps {
  editor: Editor;
  privacy: EntryPrivacy;
  sectionTitle: string;
}

const sameFinding = (a: EditorFinding | null, b: EditorFinding | null) =>
  a === b || (a !== null && b !== null && a.from === b.from && a.to === b.to && a.kind === b.kind && a.text === b.text && a.reason === b.reason);

/** What was just done, with a way back for a dismissal. */
type Done = { kind: 'replaced'; text: string; placeholder: string } | { kind: 'dismissed'; text: string; dismissalId: string } | { kind: 'problem'; message: string };

/** The finding the caret is in, while the writer is in this section (its text or the buttons below it). */
function useFindingHere(editor: Editor, panel: RefObject<HTMLElement | null>): { finding: EditorFinding | null; present: boolean } {
  const [finding, setFinding] = useState<EditorFinding | null>(() => privacyFindingAtSelection(editor.state));
  const [present, setPresent] = useState(() => editor.isFocused);
  useEffect(() => {
    const update = () => {
      const next = privacyFindingAtSelection(editor.state);
      setFinding((previous) => (sameFinding(previous, next) ? previous : next));
    };
    const focus = () => setPresent(true);
    const blur = ({ event }: { event: FocusEvent }) => {
      // Tab from the text to these buttons keeps the explanation up.
      if (event.relatedTarget instanceof Node && panel.current?.contains(event.relatedTarget)) return;
      setPresent(false);
    };
    update();
    editor.on('transaction', update);
    editor.on('focus', focus);
    editor.on('blur', blur);
    return () => {
      editor.off('transaction', update);
      editor.off('focus', focus);
      editor.off('blur', blur);
    };
  }, [editor, panel]);
  useEffect(() => {
    const element = panel.current;
    if (!element) return;
    const enter = () => setPresent(true);
    const leave = (event: FocusEvent) => {
      const to = event.relatedTarget;
      if (to instanceof Node && (element.contains(to) || editor.view.dom.contains(to))) return;
      setPresent(false);
    };
    element.addEventListener('focusin', enter);
    element.addEventListener('focusout', leave);
    return () => {
      element.removeEventListener('focusin', enter);
      element.removeEventListener('focusout', leave);
    };
  }, [editor, panel]);
  return { finding, present };
}

/**
 * Under a section: when the caret is in a possible identifier, what it looks like and why, with
 * "Replace with [patient A]" and "Not an identifier". Tab from the text reaches the buttons; the
 * explanation is also said by screen readers as the caret arrives (it never takes focus).
 */
export function PrivacyAtCaret({ editor, privacy, sectionTitle }: PrivacyAtCaretProps) {
  const panel = useRef<HTMLDivElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const { finding, present } = useFindingHere(editor, panel);
  const [done, setDone] = useState<Done | null>(null);
  const [busy, setBusy] = useState(false);
  const focusUndo = useRef(false);

  useEffect(() => privacy.attach(editor), [editor, privacy]);

  // What was done stays until the writer types on or reaches another finding.
  useEffect(() => {
    const typed = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (transaction.docChanged) setDone(null);
    };
    editor.on('transaction', typed);
    return () => {
      editor.off('transaction', typed);
    };
  }, [editor]);
  useEffect(() => {
    if (finding) setDone(null);
  }, [finding]);

  useEffect(() => {
    if (focusUndo.current && done?.kind === 'dismissed') {
      focusUndo.current = false;
      undoButton.current?.focus();
    }
  }, [done]);

  const shown = present && finding !== null ? finding : null;
  const placeholder = shown ? privacy.placeholderFor(shown).placeholder : '';
  const kindName = shown ? findingKindNames[shown.kind] : '';
  const said = shown
    ? `Possible identifier in ${sectionTitle}: ${kindName.toLocaleLowerCase('en-GB')}, “${shown.text}”. ${shown.reason}`
    : done?.kind === 'replaced'
      ? `Replaced “${done.text}” with ${done.placeholder}.`
      : done?.kind === 'dismissed'
        ? `“${done.text}” will not be flagged here again.`
        : '';

  const replace = () => {
    if (!shown) return;
    const text = shown.text;
    const put = privacy.replace(editor, shown);
    if (put !== null) setDone({ kind: 'replaced', text, placeholder: put });
    else setDone({ kind: 'problem', message: `“${text}” has changed since it was found, so it was left as it is.` });
  };

  const dismiss = async () => {
    if (!shown || busy) return;
    const dismissing = shown;
    // Focus on the button (not kept in the text by a mouse click) goes on to Undo once the panel goes.
    const fromButton = panel.current?.contains(document.activeElement) ?? false;
    setBusy(true);
    const result = await privacy.dismiss(dismissing);
    setBusy(false);
    if (result.ok) {
      focusUndo.current = fromButton;
      setDone({ kind: 'dismissed', text: dismissing.text, dismissalId: result.value.id });
    } else {
      setDone({ kind: 'problem', message: `“${dismissing.text}” is still flagged: ${result.error.message}` });
    }
  };

  const undoDismissal = async (dismissalId: string, text: string) => {
    setBusy(true);
    const result = await privacy.undismiss(dismissalId);
    setBusy(false);
    if (result.ok) {
      setDone(null);
      editor.view.focus();
    } else {
      setDone({ kind: 'problem', message: `“${text}” is still marked as not an identifier: ${result.error.message}` });
    }
  };

  return (
    <div className="privacy-here" ref={panel} data-testid="privacy-here">
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
      {shown ? (
        <div className="privacy-here__panel" role="group" aria-labelledby={titleId} data-testid="privacy-explanation">
          <p className="privacy-here__title" id={titleId}>
            <span className="privacy-here__kind">Possible identifier: {kindName.toLocaleLowerCase('en-GB')}</span>{' '}
            <span className="privacy-here__text">“{shown.text}”</span>
          </p>
          <p className="privacy-here__reason">{shown.reason}</p>
          <div className="privacy-here__actions">
            <button type="button" className="button" onMouseDown={(event) => event.preventDefault()} onClick={replace} disabled={busy}>
              Replace with {placeholder}
            </button>
            <button type="button" className="button button--quiet" onMouseDown={(event) => event.preventDefault()} onClick={() => void dismiss()} disabled={busy}>
              Not an identifier
            </button>
          </div>
        </div>
      ) : done?.kind === 'dismissed' ? (
        <p className="privacy-here__done" data-testid="privacy-done">
          <span>“{done.text}” will not be flagged here again.</span>{' '}
          <button type="button" className="button button--quiet" ref={undoButton} onClick={() => void undoDismissal(done.dismissalId, done.text)} disabled={busy}>
            Undo
          </button>
        </p>
      ) : done?.kind === 'replaced' ? (
        <p className="privacy-here__done" data-testid="privacy-done">
          Replaced “{done.text}” with {done.placeholder}. Undo ({isApplePlatform() ? '⌘Z' : 'Ctrl+Z'}) puts it back.
        </p>
      ) : done?.kind === 'problem' ? (
        <p className="notice notice--error privacy-here__problem" role="alert">
          {done.message}
        </p>
      ) : null}
    </div>
  );
}
