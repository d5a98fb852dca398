// The mentor feedback and sign-off record, and sign-offs in the assignment and appraisal packs, made
// from the sample portfolio after two mentors' feedback went through the real share → review →
// feedback file → import loop (tests/fixtures/sampleFeedback.ts), read back read-only as the
// command line reads it, and checked as a user's word processor sees them: LibreOffice prints each
// to PDF (the feedback record's pages rendered to tests/.artifacts/export-feedback-p<N>.png for a
// person to look at), python-docx reads styles, tables, fields and properties, mammoth reads it back.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PortfolioSnapshot, readPortfolioSnapshot } from '../../electron/storage/readPortfolioSnapshot.js';
import type { ExportOptions, ExportPreview, FeedbackExport } from '../../shared/export/exportOptions.js';
import { type ExportPlan, entriesToLoad, entriesToPreview, packDocument, planExport } from '../../shared/export/exportPack.js';
import { nothingToExport } from '../../shared/export/nothingToExport.js';
import { descendants, parseXml, unzip } from '../support/docxXml.js';
import { gridTable, wordDocument } from '../../shared/export/wordStyles.js';
import { frameworkDisplayName } from '../../shared/frameworks/framework.js';
import type { EntrySections } from '../../shared/portfolio/weeklyLog.js';
import { type SampleFeedback, addSampleFeedback, sampleFeedbackWords as words } from '../fixtures/sampleFeedback.js';
import { type SamplePortfolio, buildSamplePortfolio } from '../fixtures/samplePortfolio.js';
import { type DocxStructure, convertToPdf, mammothHtml, pdfPageCount, pdfText, readDocxStructure, renderPage } from '../support/wordFile.js';

const now = new Date('2019-11-01T10:00:00Z');
const artifacts = join(import.meta.dirname, '..', '.artifacts');
const documents = ['feedback', 'assignment', 'appraisal'] as const;
type Made = (typeof documents)[number];

interface Printed {
  options: ExportOptions;
  preview: ExportPreview;
  structure: DocxStructure;
  html: string;
  messages: string[];
  pdfText: string;
  pages: number;
}

let folder = '';
let sample: SamplePortfolio;
let feedback: SampleFeedback;
let snapshot: PortfolioSnapshot;
const made = {} as Record<Made, Printed>;

async function bodiesOf(options: ExportOptions): Promise<Map<string, EntrySections>> {
  const bodies = new Map<string, EntrySections>();
  for (const id of entriesToLoad(snapshot.data, options)) {
    const reading = await snapshot.sections(id);
    if (!reading.ok) throw new Error(reading.message);
    bodies.set(id, reading.value);
  }
  return bodies;
}

async function plan(options: ExportOptions): Promise<ExportPlan> {
  const planned = planExport({ data: snapshot.data, bodies: await bodiesOf(options), now }, options);
  if (!planned.ok) throw new Error(planned.error.message);
  return planned.value;
}

const everything: FeedbackExport = { pack: 'feedback', frameworkId: null, from: null, to: null, includeResolved: true, name: 'Shoniea Example' };
const feedbackOptions = (change: Partial<FeedbackExport> = {}): FeedbackExport => ({ ...everything, ...change });

function optionsFor(document: Made): ExportOptions {
  switch (document) {
    case 'feedback':
      return everything;
    case 'assignment':
      return { pack: 'assignment', frameworkId: sample.unit26.frameworkId, from: null, to: null, name: 'Shoniea Example', course: '', submissionDate: null, wordLimit: null, commentary: {}, references: '' };
    case 'appraisal':
      return { pack: 'appraisal', from: '2019-09-30', to: '2019-10-31', name: 'Shoniea Example', role: '', registration: '' };
  }
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'feedback-pack-'));
  sample = await buildSamplePortfolio(join(folder, 'portfolio'));
  await sample.close();
  feedback = await addSampleFeedback(sample, join(folder, 'mentors'));
  const reading = await readPortfolioSnapshot(sample.folder);
  if (!reading.ok) throw new Error(reading.message);
  snapshot = reading.value;
  await mkdir(artifacts, { recursive: true });
  await Promise.all(
    documents.map(async (document) => {
      const options = optionsFor(document);
      const planned = await plan(options);
      const docx = join(folder, `${document}.docx`);
      await writeFile(docx, await packDocument(planned.document()));
      const [pdf, structure, { html, messages }] = await Promise.all([convertToPdf(docx, folder), readDocxStructure(docx), mammothHtml(docx)]);
      const pages = await pdfPageCount(pdf);
      if (document === 'feedback') {
        const stale = (await readdir(artifacts)).filter((name) => /^export-feedback-p\d+\.png$/.test(name));
        await Promise.all(stale.map((name) => rm(join(artifacts, name), { force: true })));
        await Promise.all(Array.from({ length: pages }, (_, index) => renderPage(pdf, index + 1, join(artifacts, `export-feedback-p${index + 1}`), 72)));
      }
      made[document] = { options, preview: planned.preview, structure, html, messages, pdfText: await pdfText(pdf), pages };
    }),
  );
}, 180_000);

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

const inStyle = (document: Made, style: string) => made[document].structure.paragraphs.filter((paragraph) => paragraph.style === style).map((paragraph) => paragraph.text);
const texts = (document: Made) => made[document].structure.paragraphs.map((paragraph) => paragraph.text);
const pdfWords = (document: Made) => made[document].pdfText.replace(/\s+/g, ' ');
const unit26 = () => snapshot.data.frameworks.find((framework) => framework.id === sample.unit26.frameworkId)!;

describe('the mentor feedback record, as Word sees it', () => {
  it('LibreOffice prints it, every page with its footer and page number', () => {
    const { pages, pdfText: text } = made.feedback;
    expect(pages).toBeGreaterThan(2);
    const footers = text.split('\f').filter((page) => page.trim() !== '').map((page) => /page (\d+) of (\d+)/.exec(page)?.slice(1));
    expect(footers).toEqual(Array.from({ length: pages }, (_, index) => [String(index + 1), String(pages)]));
  });

  it('has its title, author and subject, British English only, PAGE and NUMPAGES in the footer', () => {
    const { structure, preview } = made.feedback;
    expect(structure.core).toEqual({ title: preview.title, author: 'Shoniea Example', subject: 'Mentor feedback' });
    expect(structure.languages).toContain('en-GB');
    expect(structure.languages.filter((language) => language.startsWith('en-') && language !== 'en-GB')).toEqual([]);
    expect(structure.footerFields).toEqual(['PAGE', 'NUMPAGES']);
    expect(structure.footerTexts[0]).toMatch(/^Shoniea Example — Mentor feedback and sign-off record — page {2}of \d+$/);
  });

  it('uses Word’s own styles, no empty paragraphs, and Table Grid tables whose header row repeats on each page', () => {
    const { structure } = made.feedback;
    expect(structure.emptyParagraphs).toBe(0);
    expect(inStyle('feedback', 'Title')).toEqual(['Mentor feedback and sign-off record']);
    const known = new Set(['Normal', 'Title', 'Subtitle', 'Heading 1', 'Heading 2', 'Heading 3', 'Quote', 'Note', 'toc 1', 'toc 2']);
    expect(structure.paragraphs.filter((paragraph) => !known.has(paragraph.style))).toEqual([]);
    expect(structure.tables.length).toBe(2);
    for (const table of structure.tables) {
      expect(table.style).toBe('Table Grid');
      expect(table.headerRepeated).toEqual(table.rows.map((_, index) => index === 0));
    }
    expect(structure.tables.map((table) => table.rows[0])).toEqual([
      ['Code', 'Outcome or criterion', 'Signed off by', 'Date', 'Statement'],
      ['Code', 'Outcome', 'Signed off by', 'Date', 'Statement'],
    ]);
  });

  it('opens with a cover naming the author, the reviewers, the period and the date produced, then contents listing the frameworks and entries', () => {
    const paragraphs = texts('feedback');
    expect(paragraphs.slice(0, 6)).toEqual([
      'Mentor feedback and sign-off record',
      'Shoniea Example',
      'Reviewers: Jo Bloggs (Practice assessor, registration 12A3456E); Ali Khan (Clinical educator)',
      'Period: 30 September 2019 to 25 October 2019',
      'In this document: 6 comments on 5 entries, 4 sign-offs',
      'Produced: 1 November 2019',
    ]);
    const { structure } = made.feedback;
    expect(structure.bodyFields[0]).toBe('TOC \\h \\o "1-2"');
    const listed = [...inStyle('feedback', 'toc 1'), ...inStyle('feedback', 'toc 2')].map((entry) => entry.split('\t')[0]);
    expect(listed.sort()).toEqual([...inStyle('feedback', 'Heading 1'), ...inStyle('feedback', 'Heading 2')].sort());
    expect([...inStyle('feedback', 'toc 1'), ...inStyle('feedback', 'toc 2')].every((entry) => /\t\d+$/.test(entry))).toBe(true);
    // The cover, then the contents, then each part on a page of its own.
    expect(structure.pageBreaks).toBe(1 + 2);
  });

  it('has the sign-off record and the comments as its parts, frameworks and entries (oldest first) under them', () => {
    expect(inStyle('feedback', 'Heading 1')).toEqual(['Sign-off record', 'Comments on entries']);
    expect(inStyle('feedback', 'Heading 2')).toEqual([
      frameworkDisplayName(unit26()),
      'HCPC standards for continuing professional development',
      'Week commencing Monday 30 September 2019',
      'Week commencing Monday 14 October 2019',
      'My own contribution to the team (16 October 2019)',
      'Week commencing Monday 21 October 2019',
      'Entries since deleted',
    ]);
    const html = made.feedback.html;
    expect(made.feedback.messages.filter((message) => message.startsWith('error'))).toEqual([]);
    for (const title of [...inStyle('feedback', 'Heading 1'), ...inStyle('feedback', 'Heading 2')]) expect(html).toMatch(new RegExp(`>${title.replace(/[()]/g, '\\$&')}</h[12]>`));
  });
});

describe('the sign-off record', () => {
  const unitTable = () => made.feedback.structure.tables[0]!;
  const row = (code: string) => unitTable().rows.filter((cells) => cells[0] === code);

  it('lists every outcome and criterion of the framework, in its order, signed off or not', () => {
    const framework = unit26();
    const codes = framework.outcomes.flatMap((outcome) => [outcome.code, ...outcome.criteria.map((criterion) => criterion.code)]);
    expect(unitTable().rows.slice(1).map((cells) => cells[0])).toEqual(codes);
    const criteria = framework.outcomes.reduce((sum, outcome) => sum + outcome.criteria.length, 0);
    expect(texts('feedback')).toContain(`Signed off: 2 of ${framework.outcomes.length} outcomes and 1 of ${criteria} criteria.`);
  });

  it('gives who signed off (name, role, registration number), the date as the UK writes it and the statement', () => {
    expect(row('LO3')).toEqual([['LO3', unit26().outcomes.find((outcome) => outcome.code === 'LO3')!.title, 'Jo Bloggs\nPractice assessor\nRegistration 12A3456E', '24 Oct 2019', words.lo3Statement]]);
    expect(row('P5')[0]?.slice(2)).toEqual(['Jo Bloggs\nPractice assessor\nRegistration 12A3456E', '24 Oct 2019', words.p5Statement]);
    // No registration number given: none printed.
    expect(row('LO4')[0]?.slice(2)).toEqual(['Ali Khan\nClinical educator', '25 Oct 2019', words.lo4Statement]);
  });

  it('shows the gaps as Not signed off, and leaves out the sign-off the mentor withdrew, saying so', () => {
    expect(row('LO1')[0]?.slice(2)).toEqual(['Not signed off', '', '']);
    expect(row('P6')[0]?.slice(2)).toEqual(['Not signed off', '', '']);
    expect(pdfWords('feedback')).not.toContain(words.p6Statement);
    expect(texts('feedback').find((text) => text.startsWith('Every outcome and criterion'))).toContain('1 sign-off withdrawn by the mentor after sending is not listed.');
    expect(made.feedback.preview.notes).toContain('1 sign-off withdrawn by the mentor after sending is left out.');
  });

  it('lists another framework a mentor signed against, its outcomes alone in ordinary rows', () => {
    const hcpc = made.feedback.structure.tables[1]!;
    expect(hcpc.rows.slice(1).map((cells) => [cells[0], cells[2]])).toEqual([
      ['S1', 'Not signed off'],
      ['S2', 'Ali Khan\nClinical educator'],
      ['S3', 'Not signed off'],
      ['S4', 'Not signed off'],
      ['S5', 'Not signed off'],
    ]);
  });
});

describe('the comments, by entry', () => {
  /** The paragraphs from a comment's heading up to the next heading. */
  function commentAfter(headingStart: string, nth = 0): string[] {
    const paragraphs = made.feedback.structure.paragraphs;
    const starts = paragraphs.map((paragraph, index) => (paragraph.style === 'Heading 3' && paragraph.text.startsWith(headingStart) ? index : -1)).filter((index) => index >= 0);
    const start = starts[nth];
    if (start === undefined) throw new Error(`no comment heading "${headingStart}" (${nth})`);
    const end = paragraphs.findIndex((paragraph, index) => index > start && paragraph.style.startsWith('Heading'));
    return paragraphs.slice(start, end < 0 ? undefined : end).map((paragraph) => `${paragraph.style}: ${paragraph.text}`);
  }

  it('quotes an unchanged passage with its section, then the comment, the author’s reply and its status', () => {
    expect(commentAfter('Comment from Jo Bloggs', 0)).toEqual([
      'Heading 3: Comment from Jo Bloggs (Practice assessor), 22 October 2019',
      'Note: On this passage in ‘This week’:',
      `Quote: ${words.exactQuote}`,
      `Normal: ${words.exactComment}`,
      `Normal: Reply from Shoniea Example, 23 October 2019: ${words.exactReply}`,
      'Normal: Status: Resolved',
    ]);
  });

  it('says a passage is no longer in the entry, and a comment is on the whole entry', () => {
    expect(commentAfter('Comment from Jo Bloggs', 1)).toEqual([
      'Heading 3: Comment from Jo Bloggs (Practice assessor), 22 October 2019',
      'Note: On this passage, which is no longer in the entry (the comment now stands for the entry as a whole):',
      `Quote: ${words.goneQuote}`,
      `Normal: ${words.goneComment}`,
      'Normal: Status: Not resolved yet',
    ]);
    const whole = commentAfter('Comment from Ali Khan', 0);
    expect(whole).toEqual([
      'Heading 3: Comment from Ali Khan (Clinical educator), 22 October 2019',
      'Note: On the entry as a whole.',
      'Normal: A thoughtful account of your part in the team.',
      'Normal: Next time, say more about what you would change.',
      `Normal: Reply from Shoniea Example, 23 October 2019: ${words.wholeReplies[0]}`,
      `Normal: Reply from Shoniea Example, 23 October 2019: ${words.wholeReplies[1]}`,
      'Normal: Status: Not resolved yet',
    ]);
  });

  it('quotes an edited passage as the mentor read it and as it reads now', () => {
    expect(commentAfter('Comment from Jo Bloggs', 3)).toEqual([
      'Heading 3: Comment from Jo Bloggs (Practice assessor), 22 October 2019',
      'Note: On this passage in ‘This week’, which has been edited since:',
      `Quote: ${words.editedQuote}`,
      'Note: It now reads:',
      `Quote: ${words.editedNow}`,
      `Normal: ${words.editedComment}`,
      'Normal: Status: Not resolved yet',
    ]);
  });

  it('lists comments on an entry since deleted at the end, with their passage', () => {
    expect(snapshot.data.entries.some((entry) => entry.id === feedback.deletedEntryId)).toBe(false);
    const paragraphs = texts('feedback');
    expect(paragraphs.indexOf('Entries since deleted')).toBeGreaterThan(paragraphs.indexOf('Week commencing Monday 21 October 2019'));
    expect(commentAfter('Comment from Ali Khan', 1)).toEqual([
      'Heading 3: Comment from Ali Khan (Clinical educator), 22 October 2019',
      'Note: On this passage; the entry has since been deleted:',
      `Quote: ${words.hcpcQuote}`,
      `Normal: ${words.hcpcComment}`,
      'Normal: Status: Not resolved yet',
    ]);
    expect(made.feedback.preview.notes).toContain('1 comment is on entries since deleted; listed at the end with the passages quoted.');
  });

  it('leaves out the comment the mentor withdrew', () => {
    expect(pdfWords('feedback')).not.toContain(words.withdrawnComment);
    expect(made.feedback.preview.notes).toContain('1 comment withdrawn by the mentor after sending is left out.');
  });

  it('prints hostile text as the words it is: no markup, no link made from it', () => {
    expect(texts('feedback')).toContain(words.hostileComment);
    expect(pdfWords('feedback')).toContain('<script>alert("x")</script> and javascript:alert(1)');
    expect(made.feedback.structure.hyperlinks.filter((link) => !link.url?.startsWith('#_Toc'))).toEqual([]);
    expect(made.feedback.html).toContain('&lt;script&gt;alert("x")&lt;/script&gt;');
    expect(made.feedback.html).not.toMatch(/<script|href="javascript|href="https:\/\/example/);
  });

  it('LibreOffice prints the quoted passages, the replies and the statements', () => {
    for (const phrase of [words.exactQuote, words.editedNow, words.hcpcQuote, words.exactReply, words.lo4Statement]) expect(pdfWords('feedback')).toContain(phrase);
  });
});

describe('what the feedback record holds, before it is made', () => {
  it('counts comments, entries, replies, sign-offs and gaps, names the reviewers, and reads no entry text', () => {
    const { preview } = made.feedback;
    expect(preview).toMatchObject({ title: 'Mentor feedback and sign-off record', fileName: 'mentor-feedback-2019-11-01.docx', entries: 5 });
    const framework = unit26();
    const gaps = framework.outcomes.reduce((sum, outcome) => sum + 1 + outcome.criteria.length, 0) - 3 + (5 - 1);
    expect(preview.feedback).toEqual({
      comments: 6,
      resolved: 1,
      replies: 3,
      signOffs: 4,
      notSignedOff: gaps,
      reviewers: ['Jo Bloggs (Practice assessor, registration 12A3456E)', 'Ali Khan (Clinical educator)'],
    });
    expect(entriesToPreview(snapshot.data, everything)).toEqual([]);
    expect(nothingToExport(preview)).toBe(false);
  });

  it('needs the text only of entries with comments on passages', () => {
    expect(entriesToLoad(snapshot.data, everything).sort()).toEqual([sample.weeks[0]!.entryId, sample.weeks[2]!.entryId, sample.weeks[3]!.entryId].sort());
  });

  it('can leave resolved comments out', async () => {
    const { preview } = await plan(feedbackOptions({ includeResolved: false }));
    expect(preview.feedback).toMatchObject({ comments: 5, resolved: 0, replies: 2 });
    expect(preview.notes).toContain('1 resolved comment is left out.');
  });

  it('for one framework: all its outcomes in the record, and only comments on entries with evidence for it', async () => {
    const planned = await plan(feedbackOptions({ frameworkId: sample.unit26.frameworkId }));
    const unit = frameworkDisplayName(unit26());
    expect(planned.preview).toMatchObject({ title: `Mentor feedback and sign-off record: ${unit}`, entries: 2, feedback: { comments: 2, signOffs: 3 } });
    expect(planned.preview.fileName).toMatch(/^mentor-feedback-unit-26-[a-z-]+\.docx$/);
    expect(planned.preview.notes).toEqual([
      `3 comments on entries with no evidence for ${unit} are left out.`,
      '1 comment on entries since deleted is left out (choose all frameworks and no dates to include it).',
      '1 sign-off withdrawn by the mentor after sending is left out.',
      '1 comment withdrawn by the mentor after sending is left out.',
    ]);
  });

  it('for entries dated in a range: comments on those entries, every sign-off', async () => {
    const { preview } = await plan(feedbackOptions({ from: '2019-10-14', to: '2019-10-31' }));
    expect(preview).toMatchObject({ title: 'Mentor feedback and sign-off record: 14 October 2019 to 31 October 2019', fileName: 'mentor-feedback-2019-10-14-to-2019-10-31.docx', entries: 3 });
    expect(preview.feedback).toMatchObject({ comments: 4, signOffs: 4 });
    expect(preview.notes).toContain('1 comment on entries dated outside 14 October 2019 to 31 October 2019 is left out.');
  });

  it('with sign-offs but no comments, holds the sign-off record alone and can still be exported', async () => {
    const planned = await plan(feedbackOptions({ from: '2020-01-01', to: null }));
    expect(planned.preview.feedback).toMatchObject({ comments: 0, signOffs: 4 });
    expect(planned.preview.notes[0]).toBe('There are no comments for these choices: the document holds the sign-off record only.');
    expect(nothingToExport(planned.preview)).toBe(false);
    const folderFor = join(folder, 'sign-offs-only.docx');
    await writeFile(folderFor, await packDocument(planned.document()));
    const structure = await readDocxStructure(folderFor);
    expect(structure.paragraphs.map((paragraph) => paragraph.text)).toContain('There are no comments on entries dated from 1 January 2020.');
    expect(structure.tables).toHaveLength(2);
  });

  it('says why there is nothing to export when no feedback has been imported', () => {
    const planned = planExport({ data: { ...snapshot.data, feedback: { comments: [], signOffs: [], imports: [] } }, bodies: new Map(), now }, everything);
    if (!planned.ok) throw new Error(planned.error.message);
    expect(planned.value.preview.notes).toEqual([
      'No mentor feedback has been imported yet. When a mentor sends you a feedback file, import it on the Sharing page; its comments and sign-offs can then be exported.',
    ]);
    expect(nothingToExport(planned.value.preview)).toBe(true);
  });

  it('keeps sign-offs whose framework has since been removed, under the framework’s id', async () => {
    const data = { ...snapshot.data, frameworks: snapshot.data.frameworks.filter((framework) => framework.id !== 'hcpc-cpd-standards') };
    const planned = planExport({ data, bodies: new Map(), now }, feedbackOptions({ includeResolved: false, from: '2020-01-01' }));
    if (!planned.ok) throw new Error(planned.error.message);
    const file = join(folder, 'lost-framework.docx');
    await writeFile(file, await packDocument(planned.value.document()));
    const structure = await readDocxStructure(file);
    expect(structure.paragraphs.filter((paragraph) => paragraph.style === 'Heading 2').map((paragraph) => paragraph.text)).toEqual([
      frameworkDisplayName(unit26()),
      'A framework no longer in this portfolio (hcpc-cpd-standards)',
    ]);
    expect(structure.tables[1]?.rows.slice(1)).toEqual([['—', 'In a framework no longer in this portfolio', 'Ali Khan\nClinical educator', '25 Oct 2019', words.hcpcStatement]]);
  });

  it('lets a row holding more than a page of text break across pages, and keeps every other row whole', async () => {
    // Three mentors' statements on one outcome can fill one cell of the assignment pack's mapping table;
    // a row kept whole that is taller than a page is cut off at the page's foot.
    const statements = [1, 2, 3].map((n) => `${'Shoniea kept a careful record of every handover and asked for feedback after each one. '.repeat(40)}The last words of statement ${n}.`);
    const table = gridTable(
      [
        { header: 'Code', width: 0.2 },
        { header: 'Signed off', width: 0.8 },
      ],
      [['LO2', 'Not signed off'], ['LO3', statements], ['LO4', words.lo4Statement]],
    );
    const document = wordDocument({ title: 'A long cell', subject: 'Tables', author: '', description: '', footer: '', cover: [], coverOwnPage: false, contents: 0, parts: [{ heading: 'Mapping', children: [table] }] });
    const bytes = await packDocument(document);
    const body = parseXml(unzip(bytes).get('word/document.xml')!.toString('utf8'));
    // Word's "Allow row to break across pages" is off where w:cantSplit is present and not "false".
    const whole = descendants(body, 'w:tr').map((row) => descendants(row, 'w:cantSplit').some((element) => !['false', '0', 'off'].includes(element.attributes['w:val'] ?? 'true')));
    expect(whole).toEqual([true, true, false, true]);
    const file = join(folder, 'long-cell.docx');
    await writeFile(file, bytes);
    const text = (await pdfText(await convertToPdf(file, folder))).replace(/\s+/g, ' ');
    for (const n of [1, 2, 3]) expect(text).toContain(`The last words of statement ${n}.`);
  }, 60_000);

  it('answers not-found for a framework not in the portfolio', () => {
    const planned = planExport({ data: snapshot.data, bodies: new Map(), now }, feedbackOptions({ frameworkId: 'no-such-unit' }));
    expect(planned.ok ? null : planned.error).toEqual({ code: 'not-found', message: 'There is no framework with the id "no-such-unit" in this portfolio.' });
    expect(entriesToLoad(snapshot.data, feedbackOptions({ frameworkId: 'no-such-unit' }))).toEqual([]);
  });
});

describe('sign-offs in the assignment and appraisal packs', () => {
  const joLine = (statement: string) => `Signed off by Jo Bloggs, Practice assessor, 12A3456E on 24 October 2019: ${statement}`;

  it('each outcome’s section gives its own and its criteria’s sign-offs', () => {
    const paragraphs = made.assignment.structure.paragraphs;
    const lo3 = paragraphs.findIndex((paragraph) => paragraph.style === 'Heading 1' && paragraph.text.startsWith('LO3 '));
    const next = paragraphs.findIndex((paragraph, index) => index > lo3 && paragraph.style === 'Heading 1');
    const section = paragraphs.slice(lo3, next).map((paragraph) => paragraph.text);
    expect(section.slice(section.indexOf('Sign-off'), section.indexOf('Sign-off') + 3)).toEqual(['Sign-off', `LO3: ${joLine(words.lo3Statement)}`, `P5: ${joLine(words.p5Statement)}`]);
    expect(texts('assignment')).toContain(`LO4: Signed off by Ali Khan, Clinical educator on 25 October 2019: ${words.lo4Statement}`);
    // An outcome nobody signed has no Sign-off heading.
    expect(inStyle('assignment', 'Heading 2').filter((title) => title === 'Sign-off')).toHaveLength(2);
  });

  it('the mapping table has a Signed off column: the sign-off line, or Not signed off', () => {
    const mapping = made.assignment.structure.tables.find((table) => table.rows[0]?.[0] === 'Code' && table.rows[0]?.[2] === 'Evidence')!;
    expect(mapping.rows[0]).toEqual(['Code', 'Outcome or criterion', 'Evidence', 'Words', 'Signed off']);
    const signed = Object.fromEntries(mapping.rows.slice(1).map((cells) => [cells[0], cells[4]]));
    expect(signed).toMatchObject({ LO1: 'Not signed off', LO3: joLine(words.lo3Statement), P5: joLine(words.p5Statement), P6: 'Not signed off' });
    expect(pdfWords('assignment')).not.toContain(words.p6Statement);
    expect(pdfWords('assignment')).toContain('Signed off by Jo Bloggs, Practice assessor, 12A3456E on 24 October 2019');
  });

  it('the appraisal pack lists the sign-offs dated in its period', () => {
    expect(inStyle('appraisal', 'Heading 1')).toContain('Sign-offs from mentors');
    const table = made.appraisal.structure.tables.find((candidate) => candidate.rows[0]?.[0] === 'Outcome')!;
    expect(table.rows.slice(1).map((cells) => [cells[0], cells[2]])).toEqual([
      [`Unit 26\nLO3 ${unit26().outcomes.find((outcome) => outcome.code === 'LO3')!.title}`, '24 Oct 2019'],
      [expect.stringMatching(/^Unit 26\nP5 /), '24 Oct 2019'],
      [expect.stringMatching(/^Unit 26\nLO4 /), '25 Oct 2019'],
      [expect.stringMatching(/^HCPC standards for continuing professional development\nS2 /), '25 Oct 2019'],
    ]);
    expect(table.headerRepeated).toEqual(table.rows.map((_, index) => index === 0));
  });
});
