import { describe, expect, test } from 'vitest';
import type { FeedbackCommentView } from '../../shared/api/contract.js';
import { commentPlaceNote } from '../../renderer/src/sharing/commentPlaceNote.js';
import { feedbackImportSummary, nothingNewMessage } from '../../renderer/src/sharing/feedbackImportSummary.js';
import { commentCounts, groupCommentsByEntry } from '../../renderer/src/sharing/groupCommentsByEntry.js';
import { inReadingOrder, passagesBySection, placeComments, placementAsPlace } from '../../renderer/src/sharing/placeComments.js';
import {
  type ShareDraft,
  defaultShareDraft,
  pickKey,
  pickableEntries,
  readSaveFields,
  readShareSelection,
  rememberShareDraft,
  rememberedShareDraft,
} from '../../renderer/src/sharing/shareDraft.js';
import type { EditorDoc } from '../../shared/document/editorJson.js';
import { anchorForRange, sectionText } from '../../shared/share/anchor.js';
import type { ReceivedComment, TextAnchor } from '../../shared/share/sharing.js';
import { doc, para, text, unitWith } from '../fixtures/evidenceDocs.js';

const noMerge = { added: 0, updated: 0, unchanged: 0, withdrawn: 0 };

describe('what an import of a feedback file says', () => {
  test('names the mentor and the file, then what changed, the noun once per kind', () => {
    expect(
      feedbackImportSummary({ reviewerName: 'Sam Jones', revision: 2, comments: { ...noMerge, added: 3, updated: 1 }, signOffs: { ...noMerge, added: 2 }, changedNothing: false }),
    ).toBe('Feedback from Sam Jones (file 2): 3 comments added, 1 updated, 2 sign-offs added.');
  });

  test('one of a kind is singular, withdrawals are counted, and kinds with no change are left out', () => {
    expect(
      feedbackImportSummary({ reviewerName: 'Ade Okoro', revision: 1, comments: { ...noMerge, added: 1, unchanged: 4, withdrawn: 2 }, signOffs: { ...noMerge, unchanged: 1 }, changedNothing: false }),
    ).toBe('Feedback from Ade Okoro (file 1): 1 comment added, 2 withdrawn.');
    expect(feedbackImportSummary({ reviewerName: 'Ade Okoro', revision: 3, comments: noMerge, signOffs: { ...noMerge, updated: 1 }, changedNothing: false })).toBe(
      'Feedback from Ade Okoro (file 3): 1 sign-off updated.',
    );
  });

  test('a file imported before says there was nothing new', () => {
    expect(feedbackImportSummary({ reviewerName: 'Sam Jones', revision: 2, comments: { ...noMerge, unchanged: 3 }, signOffs: noMerge, changedNothing: true })).toBe(nothingNewMessage);
    expect(nothingNewMessage).toBe('Nothing new: this feedback file had already been imported.');
  });
});

describe('where a comment is, in words', () => {
  test('an unchanged passage needs no words; the others say what happened', () => {
    expect(commentPlaceNote({ state: 'exact', sectionId: 'thisWeek', sectionTitle: 'This week', text: 'read aloud' })).toBeNull();
    expect(commentPlaceNote({ state: 'edited', sectionId: 'thisWeek', sectionTitle: 'This week', text: 'now reads\nthe sheet  aloud' })).toBe(
      'The passage has been edited since: it now reads “now reads the sheet  aloud”.',
    );
    expect(commentPlaceNote({ state: 'gone' })).toBe('The passage this was on is no longer in the entry; the comment is shown against the whole entry.');
    expect(commentPlaceNote({ state: 'whole-entry' })).toBe('On the whole entry');
    expect(commentPlaceNote({ state: 'no-entry' })).toBe('The entry has been deleted');
  });
});

// ---------------------------------------------------------------------------------------------

const before: EditorDoc = doc(para(text('Handover ran late again on Tuesday. The night team now reads the sheet aloud before anyone leaves.')), para(text('I asked for ten minutes.')));
const plans: EditorDoc = doc(para(text('Ask the ward manager about the rota.')));

function anchorFor(section: EditorDoc, sectionId: string, words: string): TextAnchor {
  const { text: laidOut, positions } = sectionText(section);
  const index = laidOut.indexOf(words);
  const anchor = anchorForRange(section, sectionId, positions[index] as number, (positions[index + words.length - 1] as number) + 1);
  if (!anchor) throw new Error(`no anchor for "${words}"`);
  return anchor;
}

function comment(id: string, anchor: TextAnchor | null, flags: Partial<Pick<ReceivedComment, 'resolved' | 'withdrawn'>> = {}): ReceivedComment {
  return {
    id,
    entryId: 'week1',
    anchor,
    text: `Comment ${id}`,
    createdAt: '2019-10-08T10:00:00.000Z',
    updatedAt: '2019-10-08T10:00:00.000Z',
    feedbackId: 'feedback1',
    shareId: 'share1',
    reviewer: { name: 'Sam Jones', role: 'Practice assessor', registration: null },
    receivedAt: '2019-10-09T10:00:00.000Z',
    withdrawn: false,
    replies: [],
    resolved: false,
    ...flags,
  };
}

describe('placing received comments in the text as it is now', () => {
  const onSheet = comment('sheet', anchorFor(before, 'thisWeek', 'reads the sheet aloud'));
  const onRota = comment('rota', anchorFor(plans, 'nextWeekPlans', 'about the rota'), { resolved: true });
  const whole = comment('whole', null);

  test('finds passages unchanged, edited inside, moved to another section, or gone', () => {
    const edited = doc(para(text('Handover ran late again on Tuesday. The night team now reads the handover sheet out loud before anyone leaves.')), para(text('I asked for ten minutes.')));
    const placed = placeComments([onSheet, onRota, whole], { thisWeek: edited, nextWeekPlans: doc(para(text('Nothing planned.'))), achievements: plans });
    expect(placed.get('whole')).toEqual({ state: 'whole-entry' });
    expect(placed.get('sheet')).toMatchObject({ state: 'edited', sectionId: 'thisWeek', text: 'reads the handover sheet out loud' });
    expect(placed.get('rota')).toMatchObject({ state: 'exact', sectionId: 'achievements', text: 'about the rota' });
    const gone = placeComments([onSheet], { thisWeek: doc(para(text('A different week altogether.'))) });
    expect(gone.get('sheet')).toEqual({ state: 'gone' });
  });

  test('gives each section the passages to underline, marking resolved and withdrawn ones settled', () => {
    const withdrawn = comment('late', anchorFor(before, 'thisWeek', 'ran late'), { withdrawn: true });
    const comments = [onSheet, onRota, whole, withdrawn];
    const placed = placeComments(comments, { thisWeek: before, nextWeekPlans: plans });
    const passages = passagesBySection(comments, placed);
    const laidOut = sectionText(before);
    const textAt = (from: number, to: number) => laidOut.text.slice(laidOut.positions.indexOf(from), laidOut.positions.indexOf(to - 1) + 1);
    expect(passages.get('thisWeek')?.map((passage) => [passage.commentId, textAt(passage.from, passage.to), passage.settled])).toEqual([
      ['sheet', 'reads the sheet aloud', false],
      ['late', 'ran late', true],
    ]);
    expect(passages.get('nextWeekPlans')?.map((passage) => [passage.commentId, passage.settled])).toEqual([['rota', true]]);
  });

  test('lists comments on the whole entry first, then passages top to bottom, then those whose passage is gone', () => {
    const late = comment('late', anchorFor(before, 'thisWeek', 'ran late'));
    const lost = comment('lost', { sectionId: 'thisWeek', quote: 'words never written here', prefix: '', suffix: '' });
    const comments = [onRota, lost, onSheet, whole, late];
    const placed = placeComments(comments, { thisWeek: before, nextWeekPlans: plans });
    expect(inReadingOrder(comments, placed, ['thisWeek', 'keyThoughts', 'achievements', 'nextWeekPlans']).map((listed) => listed.id)).toEqual(['whole', 'late', 'sheet', 'rota', 'lost']);
  });

  test('describes a placement for the comment card, with the section title', () => {
    const placed = placeComments([onSheet, whole], { thisWeek: before });
    const title = (sectionId: string) => (sectionId === 'thisWeek' ? 'This week' : '?');
    expect(placementAsPlace(onSheet, placed.get('sheet'), title)).toEqual({ state: 'exact', sectionId: 'thisWeek', sectionTitle: 'This week', text: 'reads the sheet aloud' });
    expect(placementAsPlace(whole, placed.get('whole'), title)).toEqual({ state: 'whole-entry' });
    expect(placementAsPlace(onSheet, { state: 'gone' }, title)).toEqual({ state: 'gone' });
  });
});

describe('the feedback list', () => {
  const view = (id: string, entryId: string, resolved = false): FeedbackCommentView => ({
    ...comment(id, null, { resolved }),
    entryId,
    entry: { kind: 'weekly-log', date: '2019-10-07', weekStart: '2019-10-07', title: '' },
    place: { state: 'whole-entry' },
  });

  test('groups comments under their entry in the order the entries first come', () => {
    const groups = groupCommentsByEntry([view('a', 'e1'), view('b', 'e2'), view('c', 'e1')]);
    expect(groups.map((group) => [group.entryId, group.comments.map((listed) => listed.id)])).toEqual([
      ['e1', ['a', 'c']],
      ['e2', ['b']],
    ]);
  });

  test('counts open and resolved comments', () => {
    expect(commentCounts([view('a', 'e1'), view('b', 'e1', true), view('c', 'e2')])).toEqual({ open: 2, resolved: 1 });
  });
});

// ---------------------------------------------------------------------------------------------

describe('the share form', () => {
  const draft = (change: Partial<ShareDraft> = {}): ShareDraft => ({ ...defaultShareDraft('2019-10-21', '2019-10-23', 'Sam Okafor'), ...change });

  test('starts with the twelve weeks up to today and the name given', () => {
    expect(draft()).toMatchObject({ kind: 'range', range: { from: '2019-08-05', to: '2019-10-23' }, name: 'Sam Okafor', passphrase: '' });
  });

  test('reads a date range, and says what is wrong with its dates', () => {
    expect(readShareSelection(draft(), null, new Map()).selection).toEqual({ kind: 'range', from: '2019-08-05', to: '2019-10-23' });
    const backwards = readShareSelection(draft({ range: { from: '2019-10-23', to: '2019-10-01' } }), null, new Map());
    expect(backwards.selection).toBeNull();
    expect(backwards.problems.get('to')).toBe('This is before the first date: choose 23 October 2019 or later.');
    expect(readShareSelection(draft({ range: { from: '', to: '2019-10-01' } }), null, new Map()).problems.get('from')).toBe('Enter a date: day, month and year.');
  });

  test('a framework needs one to exist; its dates are optional', () => {
    const unit = unitWith([]);
    expect(readShareSelection(draft({ kind: 'framework' }), unit, new Map()).selection).toEqual({ kind: 'framework', frameworkId: 'u26', from: null, to: null });
    expect(readShareSelection(draft({ kind: 'framework' }), null, new Map()).problems.has('frameworkId')).toBe(true);
  });

  test('picked weeks wait for their entry ids; picked reflections are shared by id', () => {
    const picked = [pickKey({ kind: 'week', weekStart: '2019-10-07' }), pickKey({ kind: 'reflection', entryId: 'refl1' })];
    const waiting = readShareSelection(draft({ kind: 'entries', picked }), null, new Map());
    expect(waiting).toMatchObject({ selection: null, waiting: 'Finding the weekly logs you ticked…' });
    expect(readShareSelection(draft({ kind: 'entries', picked }), null, new Map([['2019-10-07', 'week1']])).selection).toEqual({ kind: 'entries', entryIds: ['week1', 'refl1'] });
    expect(readShareSelection(draft({ kind: 'entries', picked: [] }), null, new Map())).toMatchObject({ selection: null, waiting: 'Tick the weekly logs and reflections to share.' });
    expect(readShareSelection(draft({ kind: 'entries', picked: [] }), null, new Map()).problems.size).toBe(0);
    expect(readShareSelection(draft({ kind: 'entries', picked: [pickKey({ kind: 'week', weekStart: '2019-10-14' })] }), null, new Map([['2019-10-14', null]])).problems.get('picked')).toBe(
      'The weeks ticked have no weekly log any more: tick others.',
    );
  });

  test('saving needs a name, and a passphrase typed the same twice and long enough, if any', () => {
    expect(readSaveFields(draft())).toEqual({ authorName: 'Sam Okafor', passphrase: null, problems: new Map() });
    expect(readSaveFields(draft({ name: '  ' })).problems.has('name')).toBe(true);
    expect(readSaveFields(draft({ passphrase: 'short', passphraseAgain: 'short' })).problems.get('passphrase')).toMatch(/at least 8 characters/);
    expect(readSaveFields(draft({ passphrase: 'purple kettle rain', passphraseAgain: 'purple kettle' })).problems.get('passphraseAgain')).toBe('The two passphrases are not the same: type it again.');
    expect(readSaveFields(draft({ passphrase: 'purple kettle rain', passphraseAgain: 'purple kettle rain' })).passphrase).toBe('purple kettle rain');
  });

  test('remembers the choices for the window, but never the passphrase', () => {
    const session = {};
    rememberShareDraft(session, draft({ passphrase: 'purple kettle rain', passphraseAgain: 'purple kettle rain', kind: 'entries' }));
    expect(rememberedShareDraft(session)).toMatchObject({ kind: 'entries', name: 'Sam Okafor', passphrase: '', passphraseAgain: '' });
  });

  test('lists weekly logs and reflections newest week first, each week’s log before its reflections', () => {
    const listed = pickableEntries(
      [
        { weekStart: '2019-09-30', ideaCount: 0, planCount: 0, words: 120 },
        { weekStart: '2019-10-07', ideaCount: 0, planCount: 0, words: 1 },
      ],
      [
        { entryId: 'r1', date: '2019-10-02', weekStart: '2019-09-30', title: 'Handover', templateName: 'Gibbs', words: 300 },
        { entryId: 'r2', date: '2019-10-04', weekStart: '2019-09-30', title: '', templateName: 'Kolb', words: 10 },
      ],
      (weekStart) => `Week of ${weekStart}`,
    );
    expect(listed.map((entry) => [entry.name, entry.details])).toEqual([
      ['Week of 2019-10-07', 'Weekly log · 1 word'],
      ['Week of 2019-09-30', 'Weekly log · 120 words'],
      ['Untitled reflection', 'Reflection · 4 October 2019 · Kolb · 10 words'],
      ['Handover', 'Reflection · 2 October 2019 · Gibbs · 300 words'],
    ]);
  });
});
