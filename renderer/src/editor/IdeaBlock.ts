import { Node, mergeAttributes } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { ideaNodeType } from '../../../shared/portfolio/weeklyLog.js';
import { createIdeaBlockView } from './ideaBlockView.js';
import { ideaNumberingKey, ideaNumberingPlugin } from './ideaNumberingPlugin.js';

export interface IdeaBlockOptions {
  /** Whether Mod-Alt-i inserts an idea in this editor (the plans checklist leaves it to the page). */
  insertShortcut: boolean;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    ideaBlock: {
      /** Turns the current block into an idea. */
      setIdeaBlock: () => ReturnType;
      /** Inserts an empty idea at the cursor and puts the cursor in it. */
      insertIdea: () => ReturnType;
      /** Sets the number of this editor's first idea. */
      setIdeaNumberStart: (start: number) => ReturnType;
    };
  }
}

/**
 * One idea: a short block of inline text, numbered across the portfolio ("Idea 7"). The number is
 * shown by the view and never stored; the `id` links the idea to its status in the Ideas view.
 */
export const IdeaBlock = Node.create<IdeaBlockOptions>({
  name: ideaNodeType,
  group: 'block',
  content: 'inline*',
  defining: true,

  addOptions() {
    return { insertShortcut: true };
  },

  addAttributes() {
    return {
      id: {
        default: null,
        keepOnSplit: false,
        parseHTML: (element) => element.getAttribute('data-item-id'),
        renderHTML: (attributes) => (typeof attributes['id'] === 'string' ? { 'data-item-id': attributes['id'] } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-type="idea-block"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ 'data-type': 'idea-block' }, HTMLAttributes), 0];
  },

  addNodeView() {
    return createIdeaBlockView;
  },

  addProseMirrorPlugins() {
    return [ideaNumberingPlugin(this.name)];
  },

  addCommands() {
    return {
      setIdeaBlock:
        () =>
        ({ commands }) =>
          commands.setNode(this.name),

      insertIdea:
        () =>
        ({ state, tr, dispatch }) => {
          const type = state.schema.nodes[this.name];
          if (!type) return false;
          if (!dispatch) return true;
          const $at = state.selection.$to;
          const block = $at.depth >= 1 ? $at.node(1) : null;
          let cursor: number;
          if (block && $at.depth === 1 && block.type.name === 'paragraph' && block.content.size === 0) {
            const start = $at.before(1);
            tr.setNodeMarkup(start, type, { id: null });
            cursor = start + 1;
          } else if (block && $at.depth === 1 && block.isTextblock && $at.parentOffset === 0) {
            const start = $at.before(1);
            tr.insert(start, type.create());
            cursor = start + 1;
          } else if (block && $at.depth === 1 && block.isTextblock && $at.parentOffset < block.content.size) {
            tr.split($at.pos);
            tr.insert($at.pos + 1, type.create());
            cursor = $at.pos + 2;
          } else {
            const after = $at.depth >= 1 ? $at.after(1) : $at.pos;
            tr.insert(after, type.create());
            cursor = after + 1;
          }
          tr.setSelection(TextSelection.create(tr.doc, cursor)).scrollIntoView();
          return true;
        },

      setIdeaNumberStart:
        (start) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(ideaNumberingKey, start).setMeta('addToHistory', false);
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    const inEmptyIdeaOrAtItsStart = (mustBeEmpty: boolean) => {
      const { selection } = this.editor.state;
      const { $from } = selection;
      if (!selection.empty || $from.parent.type.name !== this.name || $from.parentOffset !== 0) return false;
      return !mustBeEmpty || $from.parent.content.size === 0;
    };
    return {
      'Mod-Alt-i': () => (this.options.insertShortcut ? this.editor.commands.insertIdea() : false),
      // Backspace at the start of an idea, or Enter in an empty one, turns it back into a paragraph.
      Backspace: () => (inEmptyIdeaOrAtItsStart(false) ? this.editor.commands.setParagraph() : false),
      Enter: () => (inEmptyIdeaOrAtItsStart(true) ? this.editor.commands.setParagraph() : false),
    };
  },
});
