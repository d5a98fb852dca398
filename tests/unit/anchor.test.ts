import { Editor } from '@tiptap/core';
import { describe, expect, test } from 'vitest';
import { sectionExtensions } from '../../renderer/src/editor/sectionExtensions.js';
import type { EditorDoc } from '../../shared/document/editorJson.js';
import { anchorForRange, resolveAnchor, sectionText } from '../../shared/share/anchor.js';
import { bold, bullets, doc, para, tagMark, text } from '../fixtures/evidenceDocs.js';

/** The real editor's schema, with no page: positions are ProseMirror's own. */
function pmDoc(json: EditorDoc) {
  const editor = new Editor({ element: null, extensions: sectionExtensions('thisWeek', () => false), content: json });
  return editor.state.doc;
}

const rich: EditorDoc = doc(
  para(text('Monday: '), text('handover', bold), text(' was rushed.')),
  bullets([text('First point')], [text('Second '), text('tagged point', tagMark('lo1'))]),
  { type: 'ideaBlock', attrs: { id: 'i1' }, content: [text('Use SBAR at every handover')] },
  { type: 'paragraph', content: [text('Line one'), { type: 'hardBreak' }, text('line two')] },
  { type: 'taskList', content: [{ type: 'taskItem', attrs: { id: 'p1', checked: false }, content: [para(text('Ask the educator'))] }] },
);

describe('section text and ProseMirror positions', () => {
  test('every character sits at the position the editor gives it', () => {
    const { text: laidOut, positions } = sectionText(rich);
    const node = pmDoc(rich);
    expect(laidOut).toBe('Monday: handover was rushed.\nFirst point\nSecond tagged point\nUse SBAR at every handover\nLine one\nline two\nAsk the educator\n');
    laidOut.split('').forEach((char, index) => {
      if (char === '\n') return;
      expect(node.textBetween(positions[index] as number, (positions[index] as number) + 1)).toBe(char);
    });
  });

  test('an anchor made from an editor selection quotes exactly the selected words, with context', () => {
    const node = pmDoc(rich);
    let from = -1;
    node.descendants((child, position) => {
      if (child.isText && child.text?.includes('tagged point')) from = position + (child.text?.indexOf('tagged point') ?? 0);
    });
    const anchor = anchorForRange(rich, 'thisWeek', from, from + 'tagged point'.length);
    expect(anchor).toEqual({ sectionId: 'thisWeek', quote: 'tagged point', prefix: expect.stringMatching(/First point\nSecond $/), suffix: '\nUse SBAR at every handover\nLine' });
    const found = resolveAnchor({ thisWeek: rich }, anchor!);
    expect(found).toEqual({ state: 'exact', sectionId: 'thisWeek', from, to: from + 'tagged point'.length, text: 'tagged point' });
  });

  test('a selection of only spaces, or past the end, makes no anchor', () => {
    const spaced = doc(para(text('a    b')));
    expect(anchorForRange(spaced, 'thisWeek', 2, 5)).toBeNull();
    expect(anchorForRange(spaced, 'thisWeek', 50, 60)).toBeNull();
  });
});

describe('finding an anchor again', () => {
  const anchorFor = (json: EditorDoc, quote: string) => {
    const { text: laidOut, positions } = sectionText(json);
    const at = laidOut.indexOf(quote);
    return anchorForRange(json, 'thisWeek', positions[at] as number, (positions[at + quote.length - 1] as number) + 1)!;
  };

  test('of two identical passages, the one with the same neighbours is chosen', () => {
    const json = doc(para(text('On Monday I felt unsure. The team helped.')), para(text('On Friday I felt unsure. The manager helped.')));
    const { text: laidOut, positions } = sectionText(json);
    const second = laidOut.lastIndexOf('I felt unsure');
    const anchor = anchorForRange(json, 'thisWeek', positions[second] as number, (positions[second + 12] as number) + 1)!;
    const found = resolveAnchor({ thisWeek: json }, anchor);
    expect(found).toMatchObject({ state: 'exact', from: positions[second] });
  });

  test('a short quote whose words changed is not matched to some other similar words', () => {
    const json = doc(para(text('The bay was calm. I said sorry to the family. Then lunch.')));
    const anchor = anchorFor(json, 'said sorry');
    expect(resolveAnchor({ thisWeek: doc(para(text('Nothing like it now: we paid for lunch and saw the family.'))) }, anchor)).toEqual({ state: 'gone' });
    // With its neighbours still there, a lightly edited short quote is found.
    expect(resolveAnchor({ thisWeek: doc(para(text('The bay was calm. I said sorrie to the family. Then lunch.'))) }, anchor)).toMatchObject({ state: 'edited', text: 'said sorrie' });
  });

  test('a section that no longer exists sends the search to the other sections, then gives up', () => {
    const json = doc(para(text('Reflecting on the night shift handover today.')));
    const anchor = anchorFor(json, 'night shift handover');
    expect(resolveAnchor({ keyThoughts: json }, anchor)).toMatchObject({ state: 'exact', sectionId: 'keyThoughts' });
    expect(resolveAnchor({}, anchor)).toEqual({ state: 'gone' });
  });
});

describe('a passage with words added inside it', () => {
  test('is found whole between its neighbours, not cut short where the old words were close', () => {
    const before = doc(para(text('Every morning the nurse in charge reads the handover sheet aloud to the whole team before the shift starts.')));
    const { text: laidOut, positions } = sectionText(before);
    const quote = 'reads the handover sheet aloud';
    const at = laidOut.indexOf(quote);
    const anchor = anchorForRange(before, 'thisWeek', positions[at] as number, (positions[at + quote.length - 1] as number) + 1)!;
    const after = doc(para(text('Every morning the nurse in charge reads the handover sheet and the drug chart aloud to the whole team before the shift starts.')));
    expect(resolveAnchor({ thisWeek: after }, anchor)).toMatchObject({ state: 'edited', text: 'reads the handover sheet and the drug chart aloud' });
    const reworded = doc(para(text('Every morning the nurse in charge reads the handover sheet out loud to the whole team before the shift starts.')));
    expect(resolveAnchor({ thisWeek: reworded }, anchor)).toMatchObject({ state: 'edited', text: 'reads the handover sheet out loud' });
  });
});
