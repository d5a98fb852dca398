import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

export const readOnlyTextKey = new PluginKey('readOnlyText');

/**
 * Text a reader may move through and select with the keyboard, as in a read-only text box, but
 * never change: the view stays a text box (so the caret, Shift+arrows and screen-reader reading
 * all work) while every change to the document is refused before it happens, and typing,
 * pasting, dropping, cutting and ticking plans are stopped at the browser. Selections and decorations still
 * come and go.
 */
export const ReadOnlyText = Extension.create({
  name: 'readOnlyText',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: readOnlyTextKey,
        filterTransaction: (transaction) => !transaction.docChanged,
        props: {
          handlePaste: () => true,
          handleDrop: () => true,
          handleTextInput: () => true,
          handleDOMEvents: {
            beforeinput: (_view, event) => {
              event.preventDefault();
              return true;
            },
            cut: (_view, event) => {
              event.preventDefault();
              return true;
            },
            // A plan's tick is the author's: clicking it (or Space on it) changes nothing.
            click: (_view, event) => {
              if (!(event.target instanceof HTMLInputElement)) return false;
              event.preventDefault();
              return true;
            },
            dragstart: (_view, event) => {
              event.preventDefault();
              return true;
            },
          },
        },
      }),
    ];
  },
});
