import type { NodeViewRendererProps } from '@tiptap/core';
import type { NodeView, ViewMutationRecord } from '@tiptap/pm/view';
import type { IdeaNumberSpec } from './ideaNumberingPlugin.js';

type Decorations = NodeViewRendererProps['decorations'];

function ideaNumberIn(decorations: Decorations): number | null {
  for (const decoration of decorations) {
    const spec: unknown = decoration.spec;
    if (typeof spec === 'object' && spec !== null && typeof (spec as Partial<IdeaNumberSpec>).ideaNumber === 'number') {
      return (spec as IdeaNumberSpec).ideaNumber;
    }
  }
  return null;
}

/**
 * An idea on screen: a label "Idea N" that cannot be edited (so screen readers hear the number
 * first) and the idea's words. The number arrives as a decoration and changes as ideas move.
 */
export function createIdeaBlockView({ node, decorations }: NodeViewRendererProps): NodeView {
  const dom = document.createElement('div');
  dom.className = 'idea-block';
  dom.dataset['type'] = 'idea-block';
  dom.dataset['testid'] = 'idea-block';

  const label = document.createElement('span');
  label.className = 'idea-label';
  label.contentEditable = 'false';
  label.dataset['testid'] = 'idea-label';

  const text = document.createElement('div');
  text.className = 'idea-text';
  dom.append(label, text);

  const show = (itemId: unknown, current: Decorations) => {
    const number = ideaNumberIn(current);
    label.textContent = number === null ? 'Idea' : `Idea ${number}`;
    if (typeof itemId === 'string') dom.dataset['itemId'] = itemId;
    else delete dom.dataset['itemId'];
  };
  show(node.attrs['id'], decorations);

  return {
    dom,
    contentDOM: text,
    update: (updated, updatedDecorations) => {
      if (updated.type !== node.type) return false;
      show(updated.attrs['id'], updatedDecorations);
      return true;
    },
    ignoreMutation: (mutation: ViewMutationRecord) => mutation.type !== 'selection' && label.contains(mutation.target),
  };
}
