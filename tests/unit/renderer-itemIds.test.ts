import { describe, expect, test } from 'vitest';
import { chooseIdsToReplace } from '../../renderer/src/editor/chooseIdsToReplace.js';
import { isItemId } from '../../renderer/src/editor/isItemId.js';

describe('ids of ideas and plans', () => {
  test('unique ids are kept', () => {
    expect(chooseIdsToReplace([{ position: 0, id: 'a' }, { position: 10, id: 'b' }], new Map())).toEqual([]);
  });

  test('missing or malformed ids are replaced', () => {
    expect(chooseIdsToReplace([{ position: 0, id: null }, { position: 5, id: '' }, { position: 9, id: 'has space' }, { position: 20, id: 'ok_1-2' }], new Map())).toEqual([0, 5, 9]);
  });

  test('after a copy-paste above the original, the original keeps its id and the copy gets a new one', () => {
    const occurrences = [
      { position: 3, id: 'idea-7' },
      { position: 40, id: 'idea-7' },
    ];
    expect(chooseIdsToReplace(occurrences, new Map([['idea-7', 40]]))).toEqual([3]);
  });

  test('when no copy stands where the id was, the first keeps it', () => {
    expect(chooseIdsToReplace([{ position: 3, id: 'x' }, { position: 9, id: 'x' }, { position: 15, id: 'x' }], new Map())).toEqual([9, 15]);
  });

  test('ids are letters, digits, hyphens and underscores, as the back end accepts', () => {
    expect(isItemId(crypto.randomUUID())).toBe(true);
    expect(isItemId('a/b')).toBe(false);
    expect(isItemId(7)).toBe(false);
  });
});
