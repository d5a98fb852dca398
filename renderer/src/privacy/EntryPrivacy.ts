import type { Editor } from '@tiptap/core';
import type { Result } from '../../../shared/api/result.js';
import { failure } from '../../../shared/api/result.js';
import { type Placeholder, patientLetter, placeholderForFinding, replacedNamesIn } from '../../../shared/privacy/placeholders.js';
import type { DismissedFinding } from '../../../shared/privacy/privacySettings.js';
import { type EditorFinding, privacyFindingsOf, textblockText } from '../editor/PrivacyHighlights.js';
import type { PrivacyStore } from './PrivacyStore.js';

/** A finding and the section editor it is in. */
export interface FindingInSection {
  editor: Editor;
  finding: EditorFinding;
}

/** Every paragraph's text in an editor, one per line (what placeholders already in the entry are read from). */
function editorText(editor: Editor): string {
  const lines: string[] = [];
  editor.state.doc.descendants((node) => {
    if (!node.isTextblock) return true;
    lines.push(textblockText(node));
    return false;
  });
  return lines.join('\n');
}

/** The names list `placeholderForFinding` starts from: placeholders already in the text, then the names replaced this session at their letters. */
export function namesToLetter(textOfEntry: string, replacedThisSession: readonly string[]): string[] {
  const names = replacedNamesIn(textOfEntry);
  replacedThisSession.forEach((name, index) => {
    while (names.length <= index) names.push(`[patient ${patientLetter(names.length)}]`);
    names[index] = name;
  });
  return names;
}

/**
 * The privacy check of the entry on screen, across its section editors: how many possible
 * identifiers there are, the next one after the caret, and fixing or dismissing one. Names
 * replaced in one entry are lettered together: the same name keeps its letter, and letters
 * already in the entry's text ("[patient A]") are not given to anyone else.
 */
export class EntryPrivacy {
  private readonly attached = new Map<Editor, () => void>();
  private readonly listeners = new Set<() => void>();
  /** The entry the names below were replaced in, and those names' keys in letter order. */
  private namesFor: { entry: string | null; names: string[] } = { entry: null, names: [] };
  private lastEditor: Editor | null = null;

  constructor(
    readonly store: PrivacyStore,
    /** The entry's id for a dismissal, saving it first when it is new (null when it cannot be had). */
    private readonly entryId: () => Promise<string | null>,
    /** Identifies the entry on screen: names are lettered per entry. */
    private readonly entryKey: () => string | null,
  ) {}

  /** Follows a section editor's findings while it is on the page (returns the detach). */
  attach(editor: Editor): () => void {
    const changed = () => this.bump();
    const focused = () => {
      this.lastEditor = editor;
    };
    editor.on('transaction', changed);
    editor.on('focus', focused);
    this.attached.set(editor, () => {
      editor.off('transaction', changed);
      editor.off('focus', focused);
    });
    this.bump();
    return () => {
      this.attached.get(editor)?.();
      this.attached.delete(editor);
      if (this.lastEditor === editor) this.lastEditor = null;
      this.bump();
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** How many possible identifiers the entry holds (listeners hear of every change that may alter it). */
  snapshot = (): number => this.count();

  /** The attached editors in the order they are on the page. */
  editors(): Editor[] {
    return [...this.attached.keys()]
      .filter((editor) => !editor.isDestroyed)
      .sort((a, b) => (a.view.dom.compareDocumentPosition(b.view.dom) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }

  findings(): FindingInSection[] {
    return this.editors().flatMap((editor) => privacyFindingsOf(editor.state).map((finding) => ({ editor, finding })));
  }

  count(): number {
    let count = 0;
    for (const editor of this.attached.keys()) if (!editor.isDestroyed) count += privacyFindingsOf(editor.state).length;
    return count;
  }

  /**
   * The next finding after the selection of the editor being written in (or last written in),
   * going on through the later sections and round to the first.
   */
  next(): FindingInSection | null {
    const editors = this.editors();
    const all = this.findings();
    if (all.length === 0) return null;
    const current = editors.find((editor) => editor.isFocused) ?? (this.lastEditor && editors.includes(this.lastEditor) ? this.lastEditor : null);
    if (!current) return all[0] ?? null;
    const { from, to } = current.state.selection;
    const currentIndex = editors.indexOf(current);
    const after = all.find(({ editor, finding }) => {
      const index = editors.indexOf(editor);
      if (index !== currentIndex) return index > currentIndex;
      return finding.from > from || (finding.from === from && finding.to > to);
    });
    return after ?? all[0] ?? null;
  }

  /** Selects the next finding and puts focus in its editor; null when there is none. */
  goToNext(): FindingInSection | null {
    const next = this.next();
    if (!next) return null;
    next.editor.chain().selectPrivacyFinding(next.finding).run();
    next.editor.view.focus();
    this.lastEditor = next.editor;
    return next;
  }

  /** What the finding would be replaced with. */
  placeholderFor(finding: Pick<EditorFinding, 'kind' | 'text'>): Placeholder {
    const entry = this.entryKey();
    if (this.namesFor.entry !== entry) this.namesFor = { entry, names: [] };
    const text = this.editors().map(editorText).join('\n');
    return placeholderForFinding(finding, namesToLetter(text, this.namesFor.names));
  }

  /** Replaces the finding with its placeholder in its editor, as an edit Undo takes back; the placeholder, or null when its words have changed. */
  replace(editor: Editor, finding: EditorFinding): string | null {
    const { placeholder, names } = this.placeholderFor(finding);
    if (!editor.chain().focus().replacePrivacyFinding(finding, placeholder).run()) return null;
    // Remembered even if the replacement is undone, so the letter stays that person's in this entry.
    this.namesFor = { entry: this.entryKey(), names: [...names] };
    return placeholder;
  }

  /** Marks this occurrence as not an identifier (in the portfolio, so the check before export skips it too). */
  async dismiss(finding: EditorFinding): Promise<Result<DismissedFinding>> {
    const entryId = await this.entryId();
    if (entryId === null) return failure('not-found', 'This entry has not been saved yet, so nothing can be marked in it. Try again in a moment.');
    return this.store.dismiss(entryId, finding.occurrence);
  }

  async undismiss(dismissalId: string): Promise<Result<unknown>> {
    return this.store.undismiss(dismissalId);
  }

  private bump(): void {
    for (const listener of this.listeners) listener();
  }
}
