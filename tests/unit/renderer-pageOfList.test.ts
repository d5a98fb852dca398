import { describe, expect, test } from 'vitest';
import { pageOfList } from '../../renderer/src/ideas/pageOfList.js';

describe('pages of a long list of ideas', () => {
  test('a short list is one page', () => {
    expect(pageOfList(4, 100, null)).toEqual({ page: 1, pageCount: 1, start: 0, end: 4 });
    expect(pageOfList(0, 100, null)).toEqual({ page: 1, pageCount: 1, start: 0, end: 0 });
  });

  test('the most recent ideas come first, as a full last page', () => {
    expect(pageOfList(7410, 100, null)).toEqual({ page: 75, pageCount: 75, start: 7310, end: 7410 });
  });

  test('the first page holds what is left over', () => {
    expect(pageOfList(7410, 100, 1)).toEqual({ page: 1, pageCount: 75, start: 0, end: 10 });
    expect(pageOfList(7410, 100, 2)).toEqual({ page: 2, pageCount: 75, start: 10, end: 110 });
  });

  test('a page past either end is brought back inside', () => {
    expect(pageOfList(250, 100, 9).page).toBe(3);
    expect(pageOfList(250, 100, 0).page).toBe(1);
  });
});
