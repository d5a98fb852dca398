import { Extension } from '@tiptap/core';
import { isItemId } from './isItemId.js';
import { itemIdsPlugin } from './itemIdsPlugin.js';

export interface ItemIdsOptions {
  /** Node types that carry an id (ideas and plans). */
  types: string[];
  newId: () => string;
  /** True when one of the week's other sections already holds this id. */
  isUsedElsewhere: (id: string) => boolean;
}

/**
 * Gives every idea and plan a unique `id` (the link from reviews and idea statuses to the text):
 * keeps ids that are already unique, replaces missing and duplicated ones after every change.
 * Pasted copies get fresh ids; a cut-and-paste keeps them.
 */
export const ItemIds = Extension.create<ItemIdsOptions>({
  name: 'itemIds',

  addOptions() {
    return { types: [], newId: () => crypto.randomUUID(), isUsedElsewhere: () => false };
  },

  addGlobalAttributes() {
    return [
      {
        types: this.options.types,
        attributes: {
          id: {
            default: null,
            keepOnSplit: false,
            parseHTML: (element) => element.getAttribute('data-item-id'),
            renderHTML: (attributes) => (isItemId(attributes['id']) ? { 'data-item-id': attributes['id'] } : {}),
          },
        },
      },
    ];
  },

  addProseMirrorPlugins() {
    return [itemIdsPlugin(this.options)];
  },
});
