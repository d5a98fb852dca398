import { describe, expect, it } from 'vitest';
import { countEvidence, passagesInDoc, passagesInSections } from '../../shared/evidence/passages.js';
import { summariseSections } from '../../shared/portfolio/entrySummary.js';
import { emptySections } from '../../shared/portfolio/weeklyLog.js';
import { bullets, doc, para, tagMark, text } from '../fixtures/evidenceDocs.js';

const bold = { type: 'bold' };
const italic = { type: 'italic' };
const lo3 = tagMark('lo3');
const lo4 = tagMark('lo4');
const p5 = tagMark('lo3', 'p5');

describe('tagged passages in editor JSON', () => {
  it('finds a passage inside a paragraph, with its words counted', () => {
    const passages = passagesInDoc(doc(para(text('We met the family. '), text('Partnership working meant everyone had a voice.', lo3), text(' Then lunch.'))), 'thisWeek');
    expect(passages).toEqual([
      { section: 'thisWeek', tag: { framework: 'u26', outcome: 'lo3', criterion: null }, key: 'u26/lo3', occurrence: 0, text: 'Partnership working meant everyone had a voice.', words: 7 },
    ]);
  });

  it('keeps one passage across bold and italic inside it', () => {
    const passages = passagesInDoc(doc(para(text('Shared ', lo3), text('goals', lo3, bold), text(' and ', lo3), text('trust', lo3, italic, bold), text('.'))), 'keyThoughts');
    expect(passages.map((passage) => passage.text)).toEqual(['Shared goals and trust']);
  });

  it('keeps every tag of overlapping passages, each with its own extent', () => {
    // "A B C": LO3 over "A B", LO4 over "B C".
    const passages = passagesInDoc(doc(para(text('Alpha ', lo3), text('Beta ', lo3, lo4), text('Gamma', lo4))), 'thisWeek');
    expect(passages.map((passage) => [passage.key, passage.text])).toEqual([
      ['u26/lo3', 'Alpha Beta'],
      ['u26/lo4', 'Beta Gamma'],
    ]);
  });

  it('treats a tag laid over two list items as one passage, its items on separate lines', () => {
    const passages = passagesInDoc(doc(bullets([text('First point', lo4)], [text('Second point', lo4)], [text('Untagged')])), 'achievements');
    expect(passages).toHaveLength(1);
    expect(passages[0]?.text).toBe('First point\nSecond point');
    expect(passages[0]?.words).toBe(4);
  });

  it('splits passages of the same tag where untagged words come between, and numbers them in order', () => {
    const passages = passagesInDoc(doc(para(text('one', lo3), text(' gap '), text('two', lo3)), para(text('three', lo3))), 'thisWeek');
    expect(passages.map((passage) => [passage.text, passage.occurrence])).toEqual([
      ['one', 0],
      ['two\nthree', 1],
    ]);
  });

  it('tells an outcome tag from a criterion tag of the same outcome', () => {
    const passages = passagesInDoc(doc(para(text('Criterion evidence', p5), text(' and outcome evidence', lo3))), 'thisWeek');
    expect(passages.map((passage) => passage.key)).toEqual(['u26/lo3/p5', 'u26/lo3']);
  });

  it('ignores marks of other types and evidence marks with broken attributes, and tagged spaces alone', () => {
    const broken = { type: 'evidence', attrs: { framework: '', outcome: 'lo3' } };
    const passages = passagesInDoc(doc(para(text('link', { type: 'link', attrs: { href: 'https://example.org' } }), text('bad', broken), text('   ', lo3))), 'thisWeek');
    expect(passages).toEqual([]);
  });

  it('ignores evidence marks whose ids are not ids (spaces, slashes, too long), as pasted HTML can hold', () => {
    const bad = (framework: string, outcome: string) => ({ type: 'evidence', attrs: { framework, outcome, criterion: null } });
    const passages = passagesInDoc(doc(para(text('one', bad('my unit', 'lo1')), text(' two', bad('a/b', 'c')), text(' three', bad('u26', 'x'.repeat(101))))), 'thisWeek');
    expect(passages).toEqual([]);
  });

  it('collects every section and counts passages and words per tag for the summary', () => {
    const sections = { ...emptySections(), thisWeek: doc(para(text('Team roles were clear.', lo4))), keyThoughts: doc(bullets([text('Everyone contributes', lo4)], [text('Person first', lo3)])) };
    expect(passagesInSections(sections).map((passage) => passage.section)).toEqual(['thisWeek', 'keyThoughts', 'keyThoughts']);
    expect(countEvidence(passagesInSections(sections))).toEqual([
      { tag: 'u26/lo4', passages: 2, words: 6 },
      { tag: 'u26/lo3', passages: 1, words: 2 },
    ]);
    expect(summariseSections(sections, 'weekly-log').evidence).toEqual(countEvidence(passagesInSections(sections)));
  });
});
