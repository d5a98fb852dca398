import type { Editor } from '@tiptap/core';

/**
 * A shortcut can arrive before the editor has read the browser's latest selection change (a
 * Shift+Arrow pressed just before): take the selection from the page now. ProseMirror's observer is
 * internal, so it is used only if it is there.
 */
export function readSelectionNow(editor: Editor): void {
  const observer = (editor.view as unknown as { domObserver?: { flush?: () => void } }).domObserver;
  if (editor.view.hasFocus()) observer?.flush?.();
}
