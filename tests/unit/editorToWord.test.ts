// The editor's JSON → Word mapping (shared/export/editorToWord.ts), node by node and mark by mark:
// each case is packed into a real .docx with the export's own styles and numbering, and checked in
// the XML Word reads (paragraph styles, list numbering, run formatting, hyperlinks), not in docx's objects.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EditorDoc, EditorMark, EditorNode } from '../../shared/document/editorJson.js';
import type { EvidenceTag } from '../../shared/frameworks/framework.js';
import { type WordContext, editorDocToWord, plainTextToWord, safeLinkTarget } from '../../shared/export/editorToWord.js';
import { packDocument } from '../../shared/export/exportPack.js';
import { type HeadingStyle, wordDocument, wordStyleIds } from '../../shared/export/wordStyles.js';
import { type WordParagraph, type WordXml, readWordXml } from '../support/docxXml.js';
import { mammothHtml } from '../support/wordFile.js';
import { bold, code, italic, link, strike, underline } from '../fixtures/evidenceDocs.js';

// ---------------------------------------------------------------------------------------------
// Building editor JSON as the section editors store it.

const text = (words: string, ...marks: EditorMark[]): EditorNode => (marks.length > 0 ? { type: 'text', text: words, marks } : { type: 'text', text: words });
const p = (...content: (EditorNode | string)[]): EditorNode => ({ type: 'paragraph', content: content.map((part) => (typeof part === 'string' ? text(part) : part)) });
const emptyParagraph: EditorNode = { type: 'paragraph' };
const li = (...content: EditorNode[]): EditorNode => ({ type: 'listItem', content });
const ul = (...items: EditorNode[]): EditorNode => ({ type: 'bulletList', content: items });
const ol = (...items: EditorNode[]): EditorNode => ({ type: 'orderedList', attrs: { start: 1, type: null }, content: items });
const task = (checked: boolean, words: string): EditorNode => ({ type: 'taskItem', attrs: { id: `plan-${words.length}`, checked }, content: [p(words)] });
const tasks = (...items: EditorNode[]): EditorNode => ({ type: 'taskList', content: items });
const doc = (...content: EditorNode[]): EditorDoc => ({ type: 'doc', content });
const hardBreak: EditorNode = { type: 'hardBreak' };

const evidence = (outcome: string, criterion: string | null = null): EditorMark => ({ type: 'evidence', attrs: { framework: 'u26', outcome, criterion } });

// ---------------------------------------------------------------------------------------------
// The context a pack gives the mapping: idea numbers, tag codes, the heading style, list instances.

const codes: Record<string, string> = { 'lo3/': 'LO3', 'lo3/p5': 'LO3 P5', 'lo4/': 'LO4' };

function context(options: { headingStyle?: HeadingStyle; showTags?: boolean } = {}): WordContext {
  let instance = 0;
  return {
    ideaNumber: (id) => ({ 'idea-a': 7, 'idea-b': 8 })[id] ?? null,
    // An outcome no longer in the framework ("gone") has no code.
    tagCode: (tag: EvidenceTag) => codes[`${tag.outcome}/${tag.criterion ?? ''}`] ?? null,
    headingStyle: options.headingStyle ?? wordStyleIds.heading3,
    showTags: options.showTags ?? true,
    nextListInstance: () => (instance += 1),
  };
}

/** The document Word would open for one section holding `content`. */
async function packed(content: EditorDoc, options: Parameters<typeof context>[0] = {}): Promise<{ bytes: Uint8Array; word: WordXml }> {
  const document = wordDocument({
    title: 'Mapping test',
    subject: 'Editor JSON to Word',
    author: 'Test',
    description: '',
    footer: '',
    cover: [],
    coverOwnPage: false,
    contents: 0,
    parts: [{ heading: null, children: editorDocToWord(content, context(options)) }],
  });
  const bytes = await packDocument(document);
  return { bytes, word: readWordXml(bytes) };
}

async function paragraphsOf(content: EditorDoc, options: Parameters<typeof context>[0] = {}): Promise<WordParagraph[]> {
  return (await packed(content, options)).word.paragraphs;
}

async function only(content: EditorDoc, options: Parameters<typeof context>[0] = {}): Promise<WordParagraph> {
  const paragraphs = await paragraphsOf(content, options);
  expect(paragraphs).toHaveLength(1);
  return paragraphs[0]!;
}

/** The runs' text and the formatting a test looks at, without empty runs. */
const runsOf = (paragraph: WordParagraph) => paragraph.runs.filter((run) => run.text !== '');

describe('paragraphs and text', () => {
  it('a paragraph is a Normal paragraph holding its words exactly, markup characters included', async () => {
    const paragraph = await only(doc(p('Handover on the ward <b>ran</b> late & "quietly" — it’s fine')));
    expect(paragraph.style).toBeNull();
    expect(paragraph.numbering).toBeNull();
    expect(paragraph.text).toBe('Handover on the ward <b>ran</b> late & "quietly" — it’s fine');
    expect(runsOf(paragraph)).toHaveLength(1);
    expect(runsOf(paragraph)[0]).toMatchObject({ bold: false, italic: false, underline: null, strike: false, font: null, shading: null, link: null });
  });

  it('empty paragraphs, blank ones and a lone line break are left out (spacing comes from the styles)', async () => {
    const paragraphs = await paragraphsOf(doc(emptyParagraph, p('First'), emptyParagraph, p('   '), p(hardBreak), emptyParagraph, p('Second'), { type: 'paragraph', content: [] }));
    expect(paragraphs.map((paragraph) => paragraph.text)).toEqual(['First', 'Second']);
  });

  it('a hard break is a line break inside the paragraph, and a newline in the text is one too', async () => {
    const paragraph = await only(doc(p('The Nesta workshop was worth it.', hardBreak, 'Looking back helped.'), { type: 'paragraph' }));
    expect(paragraph.text).toBe('The Nesta workshop was worth it.\nLooking back helped.');
    expect((await only(doc(p('Line one\nLine two')))).text).toBe('Line one\nLine two');
  });

  it('a heading typed in an entry takes the style the pack gives it and keeps with what follows', async () => {
    const [under3, body] = await paragraphsOf(doc({ type: 'heading', attrs: { level: 3 }, content: [text('Regional social prescribing event')] }, p('On Wednesday…')));
    expect(under3).toMatchObject({ style: 'Heading3', text: 'Regional social prescribing event', keepNext: true });
    expect(body?.style).toBeNull();
    expect((await only(doc({ type: 'heading', attrs: { level: 3 }, content: [text('Attention')] }), { headingStyle: wordStyleIds.heading2 })).style).toBe('Heading2');
    expect(await paragraphsOf(doc({ type: 'heading', attrs: { level: 3 } }))).toEqual([]);
  });
});

describe('marks', () => {
  it('bold, italic, underline, strike and code are run formatting, alone and together', async () => {
    const paragraph = await only(
      doc(p(text('bold', bold), ' ', text('italic', italic), ' ', text('underlined', underline), ' ', text('struck', strike), ' ', text('survey.xlsx', code), ' ', text('all', bold, italic, underline, strike))),
    );
    const runs = Object.fromEntries(runsOf(paragraph).map((run) => [run.text, run]));
    expect(runs['bold']).toMatchObject({ bold: true, italic: false, underline: null, strike: false });
    expect(runs['italic']).toMatchObject({ bold: false, italic: true });
    expect(runs['underlined']).toMatchObject({ underline: 'single', bold: false });
    expect(runs['struck']).toMatchObject({ strike: true, bold: false });
    expect(runs['survey.xlsx']).toMatchObject({ font: 'Consolas', bold: false });
    expect(runs['all']).toMatchObject({ bold: true, italic: true, underline: 'single', strike: true });
    expect(runs[' ']).toMatchObject({ bold: false, italic: false, underline: null, strike: false, font: null });
  });

  it('a web or mail link is a real hyperlink in the Hyperlink style; the text around it is not', async () => {
    const paragraph = await only(doc(p('See ', text('Nesta', link('https://www.nesta.org.uk/')), ' or ', text('write', bold, link('mailto:team@example.org')), '.')));
    expect(paragraph.text).toBe('See Nesta or write.');
    const linked = paragraph.runs.filter((run) => run.link !== null);
    expect(linked.map((run) => [run.text, run.link, run.style])).toEqual([
      ['Nesta', 'https://www.nesta.org.uk/', 'Hyperlink'],
      ['write', 'mailto:team@example.org', 'Hyperlink'],
    ]);
    expect(linked[1]?.bold).toBe(true);
    expect(paragraph.runs.find((run) => run.text === 'See ')?.link).toBeNull();
  });

  it('a javascript:, data: or unreadable link is dropped to its words', async () => {
    const paragraph = await only(
      doc(p(text('open the survey', link('javascript:alert(1)')), ' ', text('picture', link('data:text/html,<b>x</b>')), ' ', text('local', link('/etc/passwd')), ' ', text('none', { type: 'link' }))),
    );
    expect(paragraph.text).toBe('open the survey picture local none');
    expect(paragraph.runs.every((run) => run.link === null && run.style === null)).toBe(true);
    expect(safeLinkTarget('JavaScript:alert(1)')).toBeNull();
    expect(safeLinkTarget('http://example.org/a b')).toBe('http://example.org/a%20b');
    expect(safeLinkTarget(`https://example.org/${'x'.repeat(2_001)}`)).toBeNull();
  });
});

describe('lists', () => {
  it('a bullet list is Word bullets, one paragraph per item; a nested list sits a level deeper', async () => {
    const { word } = await packed(doc(ul(li(p('Strategic co-production')), li(p('Before I go'), ul(li(p('Start to finish')), li(p('Around roles')))), li(p('Last')))));
    const items = word.paragraphs;
    expect(items.map((item) => [item.text, item.numbering?.level])).toEqual([
      ['Strategic co-production', 0],
      ['Before I go', 0],
      ['Start to finish', 1],
      ['Around roles', 1],
      ['Last', 0],
    ]);
    expect(word.listLevel(items[0]!.numbering!.numId, 0)).toMatchObject({ format: 'bullet', text: '•' });
    expect(word.listLevel(items[2]!.numbering!.numId, 1)).toMatchObject({ format: 'bullet', text: '◦' });
    expect(new Set(items.map((item) => item.numbering?.numId)).size).toBe(1);
  });

  it('a list item of several paragraphs: the first carries the bullet, the rest sit under it with no bullet', async () => {
    const items = await paragraphsOf(doc(ul(li(p('Before I go and talk to the workforce…'), p('Although in reality…')), li(p('Next item')))));
    expect(items.map((item) => [item.text, item.numbering?.level ?? null, item.style])).toEqual([
      ['Before I go and talk to the workforce…', 0, 'ListParagraph'],
      ['Although in reality…', null, 'ListContinue'],
      ['Next item', 0, 'ListParagraph'],
    ]);
    expect(items[1]?.indentLeft).toBe(720);
  });

  it('numbered lists count 1, 2, 3; each list starts again; one inside a numbered list counts a, b, c; one inside bullets counts 1, 2, 3', async () => {
    const { word } = await packed(
      doc(
        ol(li(p('Describe the change')), li(p('Say who it involved'), ol(li(p('Staff')), li(p('Patients'))))),
        p('Between the lists'),
        ol(li(p('Again from one'))),
        ul(li(p('Questions:'), ol(li(p('What elements?')), li(p('Who can help?'))))),
      ),
    );
    const byText = new Map(word.paragraphs.map((paragraph) => [paragraph.text, paragraph]));
    const level = (words: string) => {
      const numbering = byText.get(words)?.numbering;
      if (!numbering) throw new Error(`${words} is not in a list`);
      return { numId: numbering.numId, level: numbering.level, ...word.listLevel(numbering.numId, numbering.level) };
    };
    expect(level('Describe the change')).toMatchObject({ level: 0, format: 'decimal', text: '%1.', start: 1 });
    expect(level('Say who it involved').numId).toBe(level('Describe the change').numId);
    expect(level('Staff')).toMatchObject({ level: 1, format: 'lowerLetter', text: '%2.' });
    expect(level('Again from one')).toMatchObject({ level: 0, format: 'decimal', start: 1 });
    expect(level('Again from one').numId).not.toBe(level('Describe the change').numId);
    expect(level('What elements?')).toMatchObject({ level: 1, format: 'decimal' });
    expect(level('Who can help?').numId).toBe(level('What elements?').numId);
    expect(byText.get('Between the lists')?.numbering).toBeNull();
  });

  it('a numbered list keeps the number the editor says it starts at', async () => {
    const { word } = await packed(doc({ type: 'orderedList', attrs: { start: 3, type: null }, content: [li(p('Third step')), li(p('Fourth step'))] }));
    const [first, second] = word.paragraphs;
    expect(word.listLevel(first!.numbering!.numId, 0)).toMatchObject({ format: 'decimal', start: 3 });
    expect(second?.numbering?.numId).toBe(first?.numbering?.numId);
  });

  it('a task list shows ☑ for a ticked item and ☐ for one not ticked', async () => {
    const { word } = await packed(doc(tasks(task(true, 'Consider how training may look'), task(false, 'Head in to London'))));
    const [done, open] = word.paragraphs;
    expect(done?.text).toBe('Consider how training may look');
    expect(word.listLevel(done!.numbering!.numId, 0)).toMatchObject({ format: 'bullet', text: '☑' });
    expect(word.listLevel(open!.numbering!.numId, 0)).toMatchObject({ format: 'bullet', text: '☐' });
  });

  it('empty list items and empty lists are left out', async () => {
    const paragraphs = await paragraphsOf(doc(ul(li(emptyParagraph)), tasks({ type: 'taskItem', attrs: { checked: false, id: null }, content: [emptyParagraph] }), ul(li(p('Kept')), li(emptyParagraph))));
    expect(paragraphs.map((paragraph) => paragraph.text)).toEqual(['Kept']);
  });
});

describe('blocks', () => {
  it('a quote is in the Quote style, every paragraph of it', async () => {
    const paragraphs = await paragraphsOf(doc({ type: 'blockquote', content: [p('Social prescribing is everyone’s responsibility,'), p('not just the link workers’.')] }, p('After')));
    expect(paragraphs.map((paragraph) => [paragraph.style, paragraph.text])).toEqual([
      ['Quote', 'Social prescribing is everyone’s responsibility,'],
      ['Quote', 'not just the link workers’.'],
      [null, 'After'],
    ]);
  });

  it('an idea is an Idea paragraph led by its number in bold; an idea whose number is not known says just "Idea"', async () => {
    const [seven, unknown] = await paragraphsOf(
      doc({ type: 'ideaBlock', attrs: { id: 'idea-a' }, content: [text('Arrange a meeting with the '), text('communications', italic), text(' team.')] }, { type: 'ideaBlock', attrs: { id: 'nobody' }, content: [text('Shadow a navigator')] }, { type: 'ideaBlock', attrs: { id: 'idea-b' } }),
    );
    expect(seven).toMatchObject({ style: 'Idea', text: 'Idea 7: Arrange a meeting with the communications team.' });
    expect(runsOf(seven!)[0]).toMatchObject({ text: 'Idea 7: ', bold: true });
    expect(runsOf(seven!).find((run) => run.text === 'communications')?.italic).toBe(true);
    expect(unknown).toMatchObject({ style: 'Idea', text: 'Idea: Shadow a navigator' });
  });

  it('a code block keeps its lines in the Code Block style', async () => {
    const paragraph = await only(doc({ type: 'codeBlock', attrs: { language: null }, content: [text('Sent: 14 Oct, 09:00\nReminder: 21 Oct\n')] }));
    expect(paragraph).toMatchObject({ style: 'CodeBlock', text: 'Sent: 14 Oct, 09:00\nReminder: 21 Oct' });
  });

  it('a horizontal rule is a centred row of asterisks, not an empty paragraph', async () => {
    const paragraph = await only(doc({ type: 'horizontalRule' }));
    expect(paragraph.alignment).toBe('center');
    expect(paragraph.text.replace(/\s/g, '')).toBe('***');
  });

  it('a node this version does not know keeps its words', async () => {
    const paragraphs = await paragraphsOf(doc({ type: 'callout', attrs: { tone: 'info' }, content: [p('Inside a callout')] }, { type: 'details', content: [{ type: 'detailsSummary', content: [text('Summary words')] }] }));
    expect(paragraphs.map((paragraph) => paragraph.text)).toEqual(['Inside a callout', 'Summary words']);
  });
});

describe('evidence tags', () => {
  it('a tagged passage is shaded and followed by its code in the Evidence Code style', async () => {
    const paragraph = await only(doc(p('I found that ', text('everyone had an equal voice', evidence('lo3', 'p5')), ' in the group.')));
    expect(paragraph.text).toBe('I found that everyone had an equal voice [LO3 P5] in the group.');
    const runs = runsOf(paragraph);
    expect(runs.map((run) => [run.text, run.shading, run.style])).toEqual([
      ['I found that ', null, null],
      ['everyone had an equal voice', 'FFF4CC', null],
      [' [LO3 P5]', null, 'EvidenceCode'],
      [' in the group.', null, null],
    ]);
  });

  it('overlapping tags keep each code where its own passage ends; tags ending together share one', async () => {
    const inner = await only(doc(p(text('Outer starts ', evidence('lo3')), text('inner words', evidence('lo3'), evidence('lo3', 'p5')), text(' outer ends.', evidence('lo3')))));
    expect(inner.text).toBe('Outer starts inner words [LO3 P5] outer ends. [LO3]');
    const together = await only(doc(p(text('Both tags', evidence('lo3'), evidence('lo4')), ' after.')));
    expect(together.text).toBe('Both tags [LO3, LO4] after.');
    const formatted = await only(doc(p(text('bold and tagged', bold, evidence('lo4')), text(' plain and tagged', evidence('lo4')))));
    expect(formatted.text).toBe('bold and tagged plain and tagged [LO4]');
    expect(runsOf(formatted)[0]).toMatchObject({ bold: true, shading: 'FFF4CC' });
  });

  it('a passage whose outcome is gone from its framework is plain text with no code', async () => {
    const paragraph = await only(doc(p(text('Once evidence', evidence('gone')), ' and ', text('still evidence', evidence('lo4')))));
    expect(paragraph.text).toBe('Once evidence and still evidence [LO4]');
    expect(runsOf(paragraph).find((run) => run.text === 'Once evidence')?.shading).toBeNull();
  });

  it('tags can be left out altogether (the appraisal pack): no shading, no codes', async () => {
    const paragraph = await only(doc(p(text('everyone had an equal voice', evidence('lo3', 'p5')))), { showTags: false });
    expect(paragraph.text).toBe('everyone had an equal voice');
    expect(paragraph.runs.every((run) => run.shading === null)).toBe(true);
  });

  it('a malformed tag is no tag', async () => {
    const paragraph = await only(doc(p(text('pasted', { type: 'evidence', attrs: { framework: 'u 26', outcome: '<lo3>' } }))));
    expect(paragraph.text).toBe('pasted');
    expect(paragraph.runs[0]?.shading).toBeNull();
  });
});

describe('plain text from the export screen', () => {
  it('a blank line starts a paragraph; a single line break stays a line break', async () => {
    const document = wordDocument({
      title: 't',
      subject: 's',
      author: '',
      description: '',
      footer: '',
      cover: [],
      coverOwnPage: false,
      contents: 0,
      parts: [{ heading: null, children: plainTextToWord('These passages show outcomes.\nFor the person.\n\n\n  The eight steps come from Helen Sanderson.  \n\n') }],
    });
    const { paragraphs } = readWordXml(await packDocument(document));
    expect(paragraphs.map((paragraph) => paragraph.text)).toEqual(['These passages show outcomes.\nFor the person.', 'The eight steps come from Helen Sanderson.']);
  });
});

describe('a second reader', () => {
  const folders: string[] = [];
  afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

  it('mammoth reads the lists nested, the quote, the link and the bold back', async () => {
    const { bytes } = await packed(
      doc(
        p('Plain ', text('bold', bold), ' and ', text('Nesta', link('https://www.nesta.org.uk/')), '.'),
        ul(li(p('Bullet one')), li(p('Bullet two'), ol(li(p('Number one')), li(p('Number two'))))),
        { type: 'blockquote', content: [p('Quoted words')] },
      ),
    );
    const folder = await mkdtemp(join(tmpdir(), 'editor-to-word-'));
    folders.push(folder);
    const path = join(folder, 'mapping.docx');
    await writeFile(path, bytes);
    const { html } = await mammothHtml(path);
    expect(html).toContain('<p>Plain <strong>bold</strong> and <a href="https://www.nesta.org.uk/">Nesta</a>.</p>');
    expect(html).toContain('<ul><li>Bullet one</li><li>Bullet two<ol><li>Number one</li><li>Number two</li></ol></li></ul>');
    expect(html).toMatch(/Quoted words/);
  });
});
