import { describe, expect, test } from 'vitest';
import { offerOpenedFile, takeOpenedFiles } from '../../renderer/src/session/openedFiles.js';

describe('files the desktop app opened, waiting for their page', () => {
  test('a file offered before its page listens waits for it; each kind goes to its own page; a page that has gone takes nothing more', () => {
    offerOpenedFile({ kind: 'feedback', name: 'a.rpfeedback', text: 'A' });
    offerOpenedFile({ kind: 'share', name: 'b.rpshare', text: 'B' });
    const feedback: string[] = [];
    const stop = takeOpenedFiles('feedback', (file) => feedback.push(file.name));
    expect(feedback).toEqual(['a.rpfeedback']);
    offerOpenedFile({ kind: 'feedback', name: 'c.rpfeedback', text: 'C' });
    expect(feedback).toEqual(['a.rpfeedback', 'c.rpfeedback']);
    stop();
    offerOpenedFile({ kind: 'feedback', name: 'd.rpfeedback', text: 'D' });
    expect(feedback).toHaveLength(2);
    const shares: string[] = [];
    takeOpenedFiles('share', (file) => shares.push(file.name))();
    expect(shares).toEqual(['b.rpshare']);
    const later: string[] = [];
    takeOpenedFiles('feedback', (file) => later.push(file.name))();
    expect(later).toEqual(['d.rpfeedback']);
  });
});
