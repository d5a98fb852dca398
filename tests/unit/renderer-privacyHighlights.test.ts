import { getSchema } from '@tiptap/core';
import { history, undo } from '@tiptap/pm/history';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { describe, expect, test } from 'vitest';
import {
  type EditorFinding,
  findingTitle,
  privacyFindingAtSelection,
  privacyFindingsOf,
  privacyHighlightsKey,
  privacyHighlightsPlugin,
  replaceFinding,
  setPrivacyConfigMeta,
} from '../../renderer/src/editor/PrivacyHighlights.js';
import { sectionExtensions } from '../../renderer/src/editor/sectionExtensions.js';
import { namesToLetter } from '../../renderer/src/privacy/EntryPrivacy.js';
import type { PrivacyConfig } from '../../renderer/src/privacy/PrivacyStore.js';
import type { EditorDoc } from '../../shared/document/editorJson.js';
import type { ScanOptions } from '../../shared/privacy/findings.js';
import { placeholderForFinding } from '../../shared/privacy/placeholders.js';
import { type DismissedFinding, dismissedKeys, occurrenceIn } from '../../shared/privacy/privacySettings.js';
import { BlockScanner, scanText } from '../../shared/privacy/scanner.js';
import { docParagraphs } from '../../shared/privacy/outgoing.js';
import { bold, bullets, doc, para, text } from '../fixtures/evidenceDocs.js';

const stored: EditorDoc = doc(
  para(text('A quiet start to the week on the ward.')),
  para(text('I sat with '), text('Mrs Patel', bold), text(' while her daughter rang the GP; her NHS number is 943 476 5919.')),
  bullets([text('Team meeting on 12 March, reference code 943 476 5918 on the agenda')], [text('Ask Mr Okafor about the rota')]),
  { type: 'paragraph', content: [text('Call back on'), { type: 'hardBreak' }, text('07700 900123 after lunch.')] },
);

const schema = getSchema(sectionExtensions('thisWeek', () => false));
const noLists: ScanOptions = { alwaysFlag: [], neverFlag: [] };
const configOf = (lists: ScanOptions = noLists, dismissed: readonly DismissedFinding[] = []): PrivacyConfig => ({ lists, dismissed: dismissedKeys(dismissed) });

/** A section editor's state with the plugin, changed one transaction at a time, counting the paragraphs scanned. */
class Section {
  /** The text of every paragraph the scanner was run on, in order. */
  scanned: string[] = [];
  saved: unknown[] = [];
  state: EditorState;

  constructor(content: EditorDoc = stored, config: PrivacyConfig | null = configOf()) {
    const plugin = privacyHighlightsPlugin({
      source: null,
      newScanner: (lists) =>
        new BlockScanner(lists, {
          scanBlock: (block, options) => {
            this.scanned.push(block);
            return scanText(block, options);
          },
        }),
    });
    this.state = EditorState.create({ doc: schema.nodeFromJSON(content), plugins: [history(), plugin] });
    if (config) this.configure(config);
  }

  apply(change: (tr: Transaction) => unknown): void {
    const tr = this.state.tr;
    change(tr);
    this.state = this.state.apply(tr);
    if (tr.docChanged) this.saved.push(this.state.doc.toJSON());
  }

  configure(config: PrivacyConfig | null): void {
    this.apply((tr) => setPrivacyConfigMeta(tr, config));
  }

  /** Where `words` are (the first time they appear), as document positions. */
  rangeOf(words: string): { from: number; to: number } {
    let found: { from: number; to: number } | null = null;
    this.state.doc.descendants((node, position) => {
      if (found || !node.isTextblock) return !found;
      const index = node.textBetween(0, node.content.size, '\n', '\n').indexOf(words);
      if (index >= 0) found = { from: position + 1 + index, to: position + 1 + index + words.length };
      return false;
    });
    if (!found) throw new Error(`"${words}" is not in the document`);
    return found;
  }

  /** The underlines drawn: the words under each and its attributes. */
  drawn(): { words: string; attrs: Record<string, string> }[] {
    return (privacyHighlightsKey.getState(this.state)?.decorations.find() ?? []).map((decoration) => ({
      words: this.state.doc.textBetween(decoration.from, decoration.to, '\n', '\n'),
      attrs: (decoration as unknown as { type: { attrs: Record<string, string> } }).type.attrs,
    }));
  }

  underlined(): string[] {
    return this.drawn().map(({ words }) => words);
  }

  finding(words: string): EditorFinding {
    const found = privacyFindingsOf(this.state).find((finding) => finding.text === words);
    if (!found) throw new Error(`"${words}" is not flagged`);
    return found;
  }

  caretAt(position: number): void {
    this.apply((tr) => tr.setSelection(TextSelection.create(tr.doc, position)));
  }
}

describe('possible identifiers underlined in a section editor', () => {
  test('each finding is underlined where it is, in paragraphs, list items and across a line break, with its reason on hover', () => {
    const section = new Section();
    expect(section.underlined()).toEqual(['Mrs Patel', '943 476 5919', 'Mr Okafor', '07700 900123']);
    const findings = privacyFindingsOf(section.state);
    for (const finding of findings) expect(finding).toMatchObject(section.rangeOf(finding.text));
    const nhs = section.drawn()[1];
    expect(nhs?.attrs).toEqual({ class: 'privacy-finding', 'data-privacy-kind': 'nhs-number', title: findingTitle(section.finding('943 476 5919')) });
    expect(nhs?.attrs['title']).toMatch(/^Possible identifier \(nhs number\)\. Looks like an NHS number/);
    // A meeting date and a ten-digit number that fails the NHS check are left alone.
    expect(section.underlined().join(' ')).not.toMatch(/12 March|5918/);
  });

  test('nothing is flagged until the lists are known, nor in an editor with none (a mentor’s view)', () => {
    const section = new Section(stored, null);
    expect(section.underlined()).toEqual([]);
    expect(section.scanned).toEqual([]);
    section.configure(configOf());
    expect(section.underlined()).toHaveLength(4);
  });

  test('a keystroke rescans only the paragraph it changed', () => {
    const section = new Section();
    // Each paragraph was scanned once, a line break read as a new line.
    expect(section.scanned).toEqual([
      'A quiet start to the week on the ward.',
      'I sat with Mrs Patel while her daughter rang the GP; her NHS number is 943 476 5919.',
      'Team meeting on 12 March, reference code 943 476 5918 on the agenda',
      'Ask Mr Okafor about the rota',
      'Call back on\n07700 900123 after lunch.',
    ]);
    section.scanned = [];
    section.apply((tr) => tr.insertText('Mrs Lee and ', section.rangeOf('A quiet').from));
    expect(section.scanned).toEqual(['Mrs Lee and A quiet start to the week on the ward.']);
    expect(section.underlined()).toEqual(['Mrs Lee', 'Mrs Patel', '943 476 5919', 'Mr Okafor', '07700 900123']);
    // Typing in a list item rescans that item only, not its neighbour.
    section.scanned = [];
    section.apply((tr) => tr.insertText(' soon', section.rangeOf('the rota').to));
    expect(section.scanned).toEqual(['Ask Mr Okafor about the rota soon']);
    // Moving the caret scans nothing.
    section.scanned = [];
    section.caretAt(section.rangeOf('Patel').from);
    expect(section.scanned).toEqual([]);
  });

  test('the caret in a finding names it, unless it got there by typing', () => {
    const section = new Section();
    section.caretAt(section.rangeOf('Patel').from);
    expect(privacyFindingAtSelection(section.state)?.text).toBe('Mrs Patel');
    section.caretAt(section.rangeOf('Mrs Patel').to);
    expect(privacyFindingAtSelection(section.state)?.text).toBe('Mrs Patel');
    section.caretAt(section.rangeOf('while').from);
    expect(privacyFindingAtSelection(section.state)).toBeNull();
    // Typing a name leaves the explanation away until the caret is moved.
    const at = section.rangeOf('A quiet').from;
    section.apply((tr) => tr.insertText('Mrs Lee ', at).setSelection(TextSelection.create(tr.doc, at + 'Mrs Lee'.length)));
    expect(privacyFindingAtSelection(section.state)).toBeNull();
    section.caretAt(at + 2);
    expect(privacyFindingAtSelection(section.state)?.text).toBe('Mrs Lee');
  });

  test('a dismissed occurrence is not underlined; the same words elsewhere still are', () => {
    const twice = doc(para(text('Mrs Patel was calm today.')), para(text('Later Mrs Patel asked for her glasses.')));
    const section = new Section(twice);
    expect(section.underlined()).toEqual(['Mrs Patel', 'Mrs Patel']);
    const first = privacyFindingsOf(section.state)[0] as EditorFinding;
    expect(first.occurrence).toEqual({ kind: 'titled-name', text: 'Mrs Patel', before: '', after: ' was calm today.' });
    const dismissal: DismissedFinding = { id: 'd1', entryId: 'e1', ...first.occurrence, dismissedAt: '2024-03-12T10:00:00.000Z' };
    section.scanned = [];
    section.configure(configOf(noLists, [dismissal]));
    expect(section.underlined()).toEqual(['Mrs Patel']);
    expect(privacyFindingsOf(section.state)[0]?.occurrence.before).toBe('Later ');
    // Dismissing needs no scanning again.
    expect(section.scanned).toEqual([]);
    // The occurrence is what the check before export reads from the saved paragraph.
    const paragraph = docParagraphs(section.state.doc.toJSON() as EditorDoc)[0] as string;
    const [exported] = scanText(paragraph, noLists);
    expect(exported && occurrenceIn(paragraph, exported)).toEqual(first.occurrence);
    // Undismissed, it is underlined again.
    section.configure(configOf());
    expect(section.underlined()).toEqual(['Mrs Patel', 'Mrs Patel']);
  });

  test('new lists underline again: an always-flag name appears, a never-flag name goes', () => {
    const section = new Section();
    section.configure(configOf({ alwaysFlag: ['daughter'], neverFlag: [] }));
    expect(section.underlined()).toEqual(['Mrs Patel', 'daughter', '943 476 5919', 'Mr Okafor', '07700 900123']);
    expect(section.finding('daughter').kind).toBe('listed-name');
    section.configure(configOf({ alwaysFlag: ['daughter'], neverFlag: ['Okafor'] }));
    expect(section.underlined()).toEqual(['Mrs Patel', 'daughter', '943 476 5919', '07700 900123']);
    // The same lists again (a fresh answer from the back end) scan nothing.
    section.scanned = [];
    section.configure(configOf({ alwaysFlag: ['daughter'], neverFlag: ['Okafor'] }));
    expect(section.scanned).toEqual([]);
  });

  test('replacing a finding is one edit, undone by one undo, and saves only the placeholder', () => {
    const section = new Section();
    const name = section.finding('Mrs Patel');
    section.apply((tr) => expect(replaceFinding(tr, name, '[patient A]')).toBe(true));
    expect(section.state.doc.textBetween(0, section.state.doc.content.size, '\n', '\n')).toContain('I sat with [patient A] while');
    // The placeholder keeps the words' formatting and the caret goes after it.
    expect(section.state.selection.from).toBe(name.from + '[patient A]'.length);
    expect(section.underlined()).toEqual(['943 476 5919', 'Mr Okafor', '07700 900123']);
    expect(JSON.stringify(section.saved)).not.toMatch(/privacy|Mrs Patel/);
    undo(section.state, (tr) => {
      section.state = section.state.apply(tr);
      section.saved.push(section.state.doc.toJSON());
    });
    expect(section.saved.at(-1)).toEqual(stored);
    expect(section.underlined()).toEqual(['Mrs Patel', '943 476 5919', 'Mr Okafor', '07700 900123']);
  });

  test('a finding whose words changed since it was shown is not replaced', () => {
    const section = new Section();
    const stale = { ...section.finding('Mrs Patel') };
    section.apply((tr) => tr.insertText('Today ', 1));
    section.apply((tr) => expect(replaceFinding(tr, stale, '[patient A]')).toBe(false));
    expect(section.saved).toHaveLength(1);
  });

  test('nothing about the underlines is ever saved: typing then undoing saves the JSON that was loaded', () => {
    const section = new Section();
    section.caretAt(section.rangeOf('Patel').from);
    section.apply((tr) => tr.insertText('x', section.rangeOf('GP').to));
    section.apply((tr) => tr.delete(section.rangeOf('GPx').to - 1, section.rangeOf('GPx').to));
    expect(section.saved.at(-1)).toEqual(stored);
    expect(JSON.stringify(section.saved)).not.toMatch(/privacy|finding/i);
  });
});

describe('placeholders for names in one entry', () => {
  const replace = (text: string, names: readonly string[]) => placeholderForFinding({ kind: 'titled-name', text }, names);

  test('names get A, B, C in turn and the same person keeps their letter', () => {
    const patel = replace('Mrs Patel', namesToLetter('', []));
    expect(patel.placeholder).toBe('[patient A]');
    const lee = replace('Dr Lee', namesToLetter('I sat with [patient A].', patel.names));
    expect(lee.placeholder).toBe('[patient B]');
    expect(replace('Mr R. Patel', namesToLetter('', lee.names)).placeholder).toBe('[patient A]');
    expect(placeholderForFinding({ kind: 'listed-name', text: 'Lee' }, lee.names).placeholder).toBe('[patient B]');
    expect(placeholderForFinding({ kind: 'nhs-number', text: '943 476 5919' }, lee.names).placeholder).toBe('[NHS number]');
  });

  test('letters already in the entry’s text are not given to anyone else', () => {
    // From an earlier session: A and C stand for people whose names are gone.
    const names = namesToLetter('Handover from [patient A].\n[patient C] was discharged.', []);
    expect(replace('Mrs Patel', names).placeholder).toBe('[patient D]');
    // A name replaced this session keeps its letter even after the replacement is undone.
    expect(replace('Mrs Patel', namesToLetter('', ['patel'])).placeholder).toBe('[patient A]');
    expect(replace('Mr Okafor', namesToLetter('', ['patel'])).placeholder).toBe('[patient B]');
  });
});

describe('a long entry', () => {
  test('a keystroke in a 5,000-word entry is handled in a few milliseconds', () => {
    const sentences = [
      'Handover ran late again on Tuesday because the night team were short.',
      'I asked Mrs Patel how her night had been and she said the ward was noisy.',
      'We met on 12 March to plan the rota and agreed to read the sheet aloud.',
      'The reference code 943 476 5918 on the agenda was not an NHS number.',
    ];
    const paragraphs = Array.from({ length: 60 }, (_, index) => para(text(`${index + 1}. ${sentences.join(' ')} ${sentences.slice(0, 2).join(' ')}`)));
    const long = doc(...paragraphs);
    const words = docParagraphs(long).join(' ').split(/\s+/).length;
    expect(words).toBeGreaterThanOrEqual(5000);
    const started = performance.now();
    const section = new Section(long);
    const fullScan = performance.now() - started;
    expect(section.underlined()).toHaveLength(120);
    const timings: number[] = [];
    for (let index = 0; index < 200; index += 1) {
      const at = section.rangeOf(`${30 + (index % 5)}. Handover`).from;
      const before = performance.now();
      section.apply((tr) => tr.insertText('x', at));
      timings.push(performance.now() - before);
    }
    timings.sort((a, b) => a - b);
    const median = timings[100] ?? Infinity;
    console.info(`5,000-word entry (${words} words): first scan with the editor ${fullScan.toFixed(1)} ms, keystroke median ${median.toFixed(2)} ms, slowest ${timings.at(-1)?.toFixed(2)} ms`);
    expect(median).toBeLessThan(5);
  });
});
