import { describe, expect, test } from 'vitest';
import { mergeFeedback } from '../../shared/share/mergeFeedback.js';
import { type FeedbackPayload, type MentorComment, emptyFeedback } from '../../shared/share/sharing.js';

const reviewer = { name: 'Sam Jones', role: 'Practice assessor', registration: null };
const comment = (id: string, text: string, updatedAt = '2019-10-10T10:00:00.000Z'): MentorComment => ({ id, entryId: 'e1', anchor: null, text, createdAt: '2019-10-10T10:00:00.000Z', updatedAt });
const file = (revision: number, comments: MentorComment[], extra: Partial<FeedbackPayload> = {}): FeedbackPayload => ({
  feedbackId: 'f1',
  shareId: 's1',
  portfolioId: 'p1',
  revision,
  createdAt: '2019-10-11T10:00:00.000Z',
  reviewer,
  comments,
  signOffs: [],
  withdrawn: [],
  ...extra,
});

describe('merging feedback', () => {
  test('files arriving out of order end in the newest state whatever the order', () => {
    const first = file(1, [comment('c1', 'First words'), comment('c2', 'Second')]);
    const second = file(2, [comment('c1', 'Edited words', '2019-10-12T10:00:00.000Z'), comment('c3', 'Third')], { withdrawn: ['c2'] });
    const inOrder = mergeFeedback(mergeFeedback(emptyFeedback(), first, 't1').feedback, second, 't2').feedback;
    const reversed = mergeFeedback(mergeFeedback(emptyFeedback(), second, 't1').feedback, first, 't2').feedback;
    const state = (feedback: typeof inOrder) => feedback.comments.map((item) => [item.id, item.text, item.withdrawn]).sort();
    expect(state(inOrder)).toEqual([
      ['c1', 'Edited words', false],
      ['c2', 'Second', true],
      ['c3', 'Third', false],
    ]);
    // Received newest first, the withdrawn comment never arrives; the rest is the same.
    expect(state(reversed)).toEqual([
      ['c1', 'Edited words', false],
      ['c2', 'Second', false],
      ['c3', 'Third', false],
    ]);
  });

  test('another review cannot overwrite or withdraw a comment it did not send', () => {
    const mine = mergeFeedback(emptyFeedback(), file(1, [comment('c1', 'Mine')]), 't1').feedback;
    const other = file(5, [comment('c1', 'Impostor', '2030-01-01T00:00:00.000Z')], { feedbackId: 'f2', withdrawn: ['c1'] });
    const merged = mergeFeedback(mine, other, 't2');
    expect(merged.feedback.comments).toEqual([expect.objectContaining({ text: 'Mine', withdrawn: false, feedbackId: 'f1' })]);
    expect(merged.comments).toMatchObject({ added: 0, updated: 0, unchanged: 1, withdrawn: 0 });
  });

  test('the same file twice returns the very same state object, so nothing is written', () => {
    const once = mergeFeedback(emptyFeedback(), file(1, [comment('c1', 'Words')]), 't1').feedback;
    const twice = mergeFeedback(once, file(1, [comment('c1', 'Words')]), 't2');
    expect(twice.changedNothing).toBe(true);
    expect(twice.feedback).toBe(once);
  });
});
