import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, Selection, TextSelection } from '@tiptap/pm/state';

export const caretOnFocusPluginKey = new PluginKey('caretOnFocus');

/**
 * When keyboard focus lands on an editor whose text starts inside a list item with a checkbox, the
 * browser finds nowhere to put the caret and typing goes nowhere. This puts it at the start of
 * the text (or keeps the editor's own selection when that is a caret in text).
 */
export const CaretOnFocus = Extension.create({
  name: 'caretOnFocus',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: caretOnFocusPluginKey,
        props: {
          handleDOMEvents: {
            focus: (view) => {
              queueMicrotask(() => {
                if (view.isDestroyed || !view.editable) return;
                const domSelection = view.dom.ownerDocument.getSelection();
                if (domSelection && domSelection.rangeCount > 0 && view.dom.contains(domSelection.anchorNode)) return;
                if (!(view.state.selection instanceof TextSelection)) {
                  view.dispatch(view.state.tr.setSelection(Selection.atStart(view.state.doc)));
                }
                view.focus();
              });
              return false;
            },
          },
        },
      }),
    ];
  },
});
