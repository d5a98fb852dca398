// The four Word packs made from the sample portfolio (tests/fixtures/samplePortfolio.ts, built from
// the two samples through the real handlers), read back read-only as the command line reads it, and
// checked as a user's word processor sees them: LibreOffice prints each (once) to a PDF whose pages
// are also rendered to tests/.artifacts/export-<pack>-p<N>.png for a person to look at; python-docx
// reads the styles, tables, fields, footer, language and properties; mammoth reads it back.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PortfolioSnapshot, readPortfolioSnapshot } from '../../electron/storage/readPortfolioSnapshot.js';
import { countWords } from '../../shared/document/editorJson.js';
import type { ExportOptions, ExportPreview } from '../../shared/export/exportOptions.js';
import { type ExportPlan, ExportGap, entriesToLoad, packDocument, planExport } from '../../shared/export/exportPack.js';
import type { EntrySections } from '../../shared/portfolio/weeklyLog.js';
import { type SamplePortfolio, buildSamplePortfolio, samplePortfolioDates } from '../fixtures/samplePortfolio.js';
import { readWordXml } from '../support/docxXml.js';
import { type DocxStructure, convertToPdf, mammothHtml, pdfPageCount, pdfText, readDocxStructure, renderPage } from '../support/wordFile.js';

const now = new Date('2019-11-01T10:00:00Z');
const artifacts = join(import.meta.dirname, '..', '.artifacts');
const packs = ['weeks', 'assignment', 'appraisal', 'reflection'] as const;
type Pack = (typeof packs)[number];

interface Made {
  options: ExportOptions;
  preview: ExportPreview;
  docx: string;
  structure: DocxStructure;
  html: string;
  messages: string[];
  pdfText: string;
  pages: number;
}

let folder = '';
let sample: SamplePortfolio;
let snapshot: PortfolioSnapshot;
const made = {} as Record<Pack, Made>;

async function bodiesFor(options: ExportOptions): Promise<Map<string, EntrySections>> {
  const bodies = new Map<string, EntrySections>();
  for (const id of entriesToLoad(snapshot.data, options)) {
    const reading = await snapshot.sections(id);
    if (!reading.ok) throw new Error(reading.message);
    bodies.set(id, reading.value);
  }
  return bodies;
}

async function plan(options: ExportOptions): Promise<ExportPlan> {
  const planned = planExport({ data: snapshot.data, bodies: await bodiesFor(options), now }, options);
  if (!planned.ok) throw new Error(planned.error.message);
  return planned.value;
}

const commentary = 'These passages show what partnership working achieves for the person and for the services.\n\nThe eight steps come from Helen Sanderson’s work on person-centred outcomes.';
const references = [
  'Age UK (2018) One Croydon: supporting older people to stay independent. London: Age UK.',
  'National Institute for Health and Care Excellence (2018) Decision-making and mental capacity. Available at: https://www.nice.org.uk/guidance/ng108 (Accessed: 20 October 2019).',
].join('\n');

function optionsFor(pack: Pack): ExportOptions {
  switch (pack) {
    case 'weeks':
      return { pack, from: samplePortfolioDates.weeks[0], to: samplePortfolioDates.weeks[3], name: 'Sam Taylor' };
    case 'assignment':
      return {
        pack,
        frameworkId: sample.unit26.frameworkId,
        from: null,
        to: null,
        name: 'Shoniea Example',
        course: 'BTEC Level 3 National Extended Diploma in Health and Social Care',
        submissionDate: '2019-11-08',
        wordLimit: 2500,
        commentary: { [sample.unit26.outcomes['LO3']!]: commentary },
        references,
      };
    case 'appraisal':
      return { pack, from: '2019-09-30', to: '2019-10-31', name: 'Sam Taylor', role: 'Physiotherapist', registration: 'PH123456' };
    case 'reflection':
      return { pack, entryId: sample.reflections.nmcAccount, name: 'Sam Taylor' };
  }
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'export-packs-'));
  sample = await buildSamplePortfolio(join(folder, 'portfolio'));
  await sample.close();
  const reading = await readPortfolioSnapshot(sample.folder);
  if (!reading.ok) throw new Error(reading.message);
  snapshot = reading.value;
  await mkdir(artifacts, { recursive: true });
  await Promise.all(
    packs.map(async (pack) => {
      const options = optionsFor(pack);
      const planned = await plan(options);
      const docx = join(folder, `export-${pack}.docx`);
      await writeFile(docx, await packDocument(planned.document()));
      // One LibreOffice conversion per pack, all four at once (each has its own profile).
      const [pdf, structure, { html, messages }] = await Promise.all([convertToPdf(docx, folder), readDocxStructure(docx), mammothHtml(docx)]);
      const pages = await pdfPageCount(pdf);
      // Pictures of an earlier, longer run's pages would mislead whoever looks.
      const stale = (await readdir(artifacts)).filter((name) => new RegExp(`^export-${pack}-p\\d+\\.png$`).test(name));
      await Promise.all(stale.map((name) => rm(join(artifacts, name), { force: true })));
      await Promise.all(Array.from({ length: pages }, (_, index) => renderPage(pdf, index + 1, join(artifacts, `export-${pack}-p${index + 1}`), 72)));
      made[pack] = { options, preview: planned.preview, docx, structure, html, messages, pdfText: await pdfText(pdf), pages };
    }),
  );
}, 120_000);

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** Paragraph texts in a style, as python-docx names it. */
const inStyle = (pack: Pack, style: string) => made[pack].structure.paragraphs.filter((paragraph) => paragraph.style === style).map((paragraph) => paragraph.text);
/** The PDF's text with its line breaks and runs of spaces as single spaces, to find sentences that wrap. */
const pdfWords = (pack: Pack) => made[pack].pdfText.replace(/\s+/g, ' ');
const tableWithHeader = (pack: Pack, first: string) => made[pack].structure.tables.filter((table) => table.rows[0]?.[0] === first);

describe.each(packs)('every pack: %s', (pack) => {
  it('LibreOffice prints it, and every page has its footer with the page number', () => {
    const { pages, pdfText: text } = made[pack];
    expect(pages).toBeGreaterThan(0);
    const footers = text.split('\f').filter((page) => page.trim() !== '').map((page) => /page (\d+) of (\d+)/.exec(page)?.slice(1));
    expect(footers).toEqual(Array.from({ length: pages }, (_, index) => [String(index + 1), String(pages)]));
  });

  it('has its title, author and subject, British English, PAGE and NUMPAGES in the footer', () => {
    const { structure, preview, options } = made[pack];
    expect(structure.core.title).toBe(preview.title);
    expect(structure.core.author).toBe(options.name);
    expect(structure.core.subject).not.toBe('');
    expect(structure.languages).toContain('en-GB');
    expect(structure.languages.filter((language) => language.startsWith('en-') && language !== 'en-GB')).toEqual([]);
    expect(structure.footerFields).toEqual(['PAGE', 'NUMPAGES']);
    // PAGE is worked out on each page; NUMPAGES is written with the page count estimated for Word.
    expect(structure.footerTexts[0]).toMatch(new RegExp(`^${options.name} — .+ — page  of \\d+$`));
  });

  it('uses Word’s built-in styles, no empty paragraphs for spacing, and Table Grid tables whose header row repeats', () => {
    const { structure } = made[pack];
    expect(structure.emptyParagraphs).toBe(0);
    expect(inStyle(pack, 'Title')).toHaveLength(1);
    const known = new Set(['Normal', 'Title', 'Subtitle', 'Heading 1', 'Heading 2', 'Heading 3', 'Heading 4', 'List Paragraph', 'List Continue', 'Quote', 'Idea', 'Note', 'Code Block', 'toc 1', 'toc 2']);
    expect(structure.paragraphs.filter((paragraph) => !known.has(paragraph.style))).toEqual([]);
    for (const table of structure.tables) {
      expect(table.style).toBe('Table Grid');
      expect(table.headerRepeated).toEqual(table.rows.map((_, index) => index === 0));
    }
  });

  it('mammoth reads it back without errors, its headings as headings', () => {
    const { html, messages, structure } = made[pack];
    expect(messages.filter((message) => message.startsWith('error'))).toEqual([]);
    for (const title of structure.paragraphs.filter((paragraph) => paragraph.style === 'Heading 1').map((paragraph) => paragraph.text)) {
      expect(html).toContain(`${escapeHtml(title)}</h1>`);
    }
  });
});

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('contents', () => {
  it('the weekly logs, assignment and appraisal packs have a contents field listing their parts with page numbers; a single reflection has none', () => {
    for (const pack of ['weeks', 'assignment', 'appraisal'] as const) {
      const { structure } = made[pack];
      expect(structure.bodyFields[0]).toBe('TOC \\h \\o "1-1"');
      const entries = inStyle(pack, 'toc 1');
      expect(entries.map((entry) => entry.split('\t')[0])).toEqual(inStyle(pack, 'Heading 1'));
      // Page numbers are written with the document, so any word processor shows them.
      expect(entries.every((entry) => /\t\d+$/.test(entry))).toBe(true);
      expect(structure.hyperlinks.filter((link) => link.url?.startsWith('#_Toc'))).toHaveLength(entries.length);
    }
    expect(made.reflection.structure.bodyFields).toEqual([]);
  });

  it('every part starts a page where a person would start one', () => {
    // Weekly logs: the contents, then each week.
    expect(made.weeks.structure.pageBreaks).toBe(1 + 4);
    // Assignment: contents, four outcomes, the mapping, the references, the appendix (the word count follows the mapping).
    expect(made.assignment.structure.pageBreaks).toBe(1 + 4 + 1 + 1 + 1);
    // Appraisal: contents, summary (with achievements, ideas and plan), accounts, CPD log.
    expect(made.appraisal.structure.pageBreaks).toBe(1 + 1 + 1 + 1);
    expect(made.reflection.structure.pageBreaks).toBe(0);
  });
});

describe('weekly logs pack', () => {
  it('previews four weeks with their ideas and words', () => {
    const { preview } = made.weeks;
    const weeks = snapshot.data.entries.filter((entry) => entry.kind === 'weekly-log');
    expect(preview).toEqual({
      title: 'Weekly reflective logs: w/c 30 Sep 2019 to w/c 21 Oct 2019',
      fileName: 'weekly-logs-2019-09-30-to-2019-10-21.docx',
      entries: 4,
      passages: 0,
      words: weeks.reduce((sum, entry) => sum + entry.summary.words, 0),
      quotedWords: 0,
      notes: [],
    });
  });

  it('reads as the weekly log does: each week, its review of last week’s plans, ideas with their numbers, key thoughts, achievements, plans', () => {
    expect(inStyle('weeks', 'Title')).toEqual(['Weekly reflective logs']);
    expect(inStyle('weeks', 'Heading 1')).toEqual(samplePortfolioDates.weeks.map((week) => `Week commencing Monday ${{ '2019-09-30': '30 September', '2019-10-07': '7 October', '2019-10-14': '14 October', '2019-10-21': '21 October' }[week]} 2019`));
    const secondWeek = made.weeks.structure.paragraphs.slice(made.weeks.structure.paragraphs.findIndex((paragraph) => paragraph.text === 'Week commencing Monday 7 October 2019'));
    expect(secondWeek.filter((paragraph) => paragraph.style === 'Heading 2').slice(0, 5).map((paragraph) => paragraph.text)).toEqual([
      'Review of last week’s plans',
      'This week',
      'Key thoughts',
      'Achievements this week',
      'Next week I plan to',
    ]);
    expect(inStyle('weeks', 'Heading 3')).toEqual(['Regional social prescribing event']);
    expect(inStyle('weeks', 'Idea').map((idea) => idea.slice(0, 8))).toEqual(['Idea 7: ', 'Idea 8: ', 'Idea 9: ', 'Idea 10:']);
    expect(inStyle('weeks', 'Idea')[0]).toBe('Idea 7: Arrange a meeting with the communications team to help me plan how to proceed forwards in promoting the programme.');
    expect(inStyle('weeks', 'Quote')).toEqual(['Social prescribing is everyone’s responsibility, not just the link workers’.']);
    expect(inStyle('weeks', 'Code Block')).toEqual(['Sent: 14 Oct, 09:00\nReminder: 21 Oct']);
    expect(inStyle('weeks', 'List Paragraph')).toContain('Strategic co-production is incredibly powerful');
    expect(inStyle('weeks', 'List Continue')).toContain('Questions the training has to answer:');
    expect(made.weeks.structure.paragraphs.find((paragraph) => paragraph.text.startsWith('CPD time'))?.text).toBe('CPD time: 6 hours (formal or educational, participatory)');
  });

  it('reviews last week’s plans in a table: done, partly, carried forward and what became of the carried one', () => {
    const reviews = tableWithHeader('weeks', 'Plan');
    expect(reviews.map((table) => table.rows[0])).toEqual([
      ['Plan', 'Made in', 'How it went'],
      ['Plan', 'Made in', 'How it went'],
      ['Plan', 'Made in', 'How it went'],
    ]);
    expect(reviews.map((table) => table.rows.slice(1).map((row) => row.slice(1)))).toEqual([
      [
        ['w/c 30 Sep 2019', 'Done'],
        ['w/c 30 Sep 2019', 'Partly'],
      ],
      [
        ['w/c 7 Oct 2019', 'Carried forward'],
        ['w/c 7 Oct 2019', 'Done'],
      ],
      [
        ['w/c 7 Oct 2019, carried forward', 'Done'],
        ['w/c 14 Oct 2019', 'Partly'],
      ],
    ]);
    expect(reviews[2]?.rows[1]?.[0]).toBe('Collate data from questionnaire responses sent to community therapists');
  });

  it('keeps the web link and drops the javascript: one to its words; LibreOffice prints the sample’s words', () => {
    expect(made.weeks.structure.hyperlinks.filter((link) => !link.url?.startsWith('#'))).toEqual([{ text: 'Nesta', url: 'https://www.nesta.org.uk/' }]);
    const words = pdfWords('weeks');
    expect(words).toContain('A link pasted from an email that should never become a link: open the survey.');
    expect(words).toContain('And just like that, it is October!');
    expect(words).toContain('Idea 9: Spend time understanding the community navigator role');
    expect(words).toContain('[LO2]');
    expect(words).toContain('Review of last week’s plans');
  });

  it('mammoth reads the lists back: bullets, numbered lists, a numbered list inside a bulleted item', () => {
    const { html } = made.weeks;
    expect(html).toMatch(/<h2>(<a id="[^"]+"><\/a>)?Key thoughts<\/h2><ul><li>Strategic co-production is incredibly powerful<\/li><\/ul>/);
    // Mammoth knows only numbered paragraphs as list items: the item's later paragraphs (indented
    // under it in Word, in List Continue) end its list, and the numbered list inside stays a level deeper.
    expect(html).toMatch(
      /<ul><li>Before I go and talk to the workforce[^<]*<\/li><\/ul><p>Although in reality[^<]*<\/p><p>Questions the training has to answer:<\/p><ul><li><ol><li>What elements need to be included\?<\/li><li>Who can help with the delivery of training\?<\/li><li>What foundations can we already build upon\?<\/li><\/ol><\/li><\/ul>/,
    );
    expect(html).toContain('<ol><li>Describe the change</li><li>Say who it involved</li><li>Reflect on what I would do differently</li></ol>');
    expect(html).toContain('<a href="https://www.nesta.org.uk/">Nesta</a>');
    expect(html).not.toContain('javascript:');
  });
});

describe('assignment evidence pack', () => {
  it('previews its entries, passages and words with and without quotations, and notes the outcome without evidence', () => {
    const { preview } = made.assignment;
    const quotes = [...new Set(inStyle('assignment', 'Quote'))];
    const quotedWords = quotes.reduce((sum, quote) => sum + countWords(quote), 0);
    expect(preview).toEqual({
      title: 'Assignment evidence: Unit 26: Supporting Team and Partnership Working Across Health and Social Care Services',
      fileName: 'assignment-evidence-unit-26-supporting-team-and-partnership-working-across.docx',
      entries: 4,
      passages: quotes.length,
      words: quotedWords + countWords(commentary),
      quotedWords,
      notes: ['No evidence yet for LO1.', expect.stringMatching(/^1 entry tagged as a whole \([\d,]+ words\) is given in full in an appendix, not counted\.$/)],
    });
    expect(preview.passages).toBe(9);
  });

  it('has a cover page with name, course, unit, submission date and word count against the limit', () => {
    expect(inStyle('assignment', 'Title')).toEqual(['Unit 26: Supporting Team and Partnership Working Across Health and Social Care Services']);
    const { preview } = made.assignment;
    const cover = made.assignment.structure.paragraphs.slice(0, 6).map((paragraph) => paragraph.text);
    expect(cover).toEqual([
      'Unit 26: Supporting Team and Partnership Working Across Health and Social Care Services',
      'Assignment evidence',
      'Name: Shoniea Example',
      'Course: BTEC Level 3 National Extended Diploma in Health and Social Care',
      'Submission date: 8 November 2019',
      `Word count: ${countWords(commentary)} words without quotations, ${preview.words} with them (limit 2,500)`,
    ]);
  });

  it('gives each outcome its criteria, the student’s commentary and every tagged passage quoted with its source and date', () => {
    expect(inStyle('assignment', 'Heading 1')).toEqual([
      'LO1 Understand what helps teams in health and social care work well',
      'LO2 Examine how services work in partnership with each other',
      'LO3 Understand the outcomes of partnership working',
      'LO4 Reflect on your own contribution to working as part of a team',
      'Mapping of evidence to outcomes',
      'Word count',
      'References',
      'Appendix: entries given in full',
    ]);
    expect(inStyle('assignment', 'Heading 3').filter((title) => title.startsWith('For '))).toEqual(['For LO3 as a whole', 'For P5', 'For P6', 'For D1', 'For LO4 as a whole', 'For P7', 'For P8', 'For M4', 'For D2']);
    const criteria = tableWithHeader('assignment', 'Criterion');
    expect(criteria.map((table) => table.rows.slice(1).map((row) => row[0]))).toEqual([
      ['P1', 'P2', 'M1'],
      ['P3', 'P4', 'M2'],
      ['P5', 'P6', 'M3', 'D1'],
      ['P7', 'P8', 'M4', 'D2'],
    ]);
    expect(criteria[2]?.rows[1]).toEqual(['P5', 'Explain the outcomes of partnership working for:\n- the person who uses services\n- their family and carers', '1 passage']);
    expect(criteria[2]?.rows[3]).toEqual(['M3', 'Assess how well partnership working met the needs of one person', 'None yet']);
    expect(made.assignment.structure.paragraphs.filter((paragraph) => paragraph.text.startsWith('These passages show')).map((paragraph) => paragraph.style)).toEqual(['Normal']);

    const paragraphs = made.assignment.structure.paragraphs;
    const qualityOfLife = paragraphs.findIndex((paragraph) => paragraph.style === 'Quote' && paragraph.text.startsWith('Quality of life – people are treated with dignity and respect.'));
    expect(qualityOfLife).toBeGreaterThan(0);
    expect(paragraphs[qualityOfLife + 1]).toEqual({
      style: 'Note',
      styleId: 'Note',
      text: `Source: Outcomes of partnership working: planning with the person, 2 October 2019, ‘What matters to the person’ (${countWords(paragraphs[qualityOfLife]!.text)} words).`,
    });
    expect(paragraphs.map((paragraph) => paragraph.text)).toContain('Source: Weekly log, w/c 7 Oct 2019, ‘This week’ (72 words).');
    // The sentence tagged D1 inside the passage tagged P6 is quoted under each.
    const d1 = paragraphs.find((paragraph) => paragraph.style === 'Quote' && paragraph.text.startsWith('Partnership working, effective communication'));
    expect(paragraphs.find((paragraph) => paragraph.style === 'Quote' && paragraph.text.startsWith('Positive working outcomes for professionals'))?.text).toContain(d1?.text);
    expect(paragraphs.find((paragraph) => paragraph.text.startsWith('The whole entry '))?.text).toMatch(/^The whole entry ‘My own contribution to the team’, 16 October 2019, is evidence here \([\d,]+ words\); it is given in full in the appendix\.$/);
    const words = pdfWords('assignment');
    expect(words).toContain('Quality of life – people are treated with dignity and respect.');
    expect(words).toContain('I need to try not to harbour feelings of superiority in myself');
    expect(words).toContain('For P5');
  });

  it('maps outcomes and criteria to their evidence, counts words against the limit, lists the references with their links, and gives the whole entry in full', () => {
    const [mapping] = tableWithHeader('assignment', 'Code');
    const row = (code: string) => mapping?.rows.find((candidate) => candidate[0] === code);
    expect(mapping?.rows[0]).toEqual(['Code', 'Outcome or criterion', 'Evidence', 'Words']);
    expect(mapping?.rows.map((candidate) => candidate[0])).toEqual(['Code', 'LO1', 'P1', 'P2', 'M1', 'LO2', 'P3', 'P4', 'M2', 'LO3', 'P5', 'P6', 'M3', 'D1', 'LO4', 'P7', 'P8', 'M4', 'D2']);
    expect(row('LO1')).toEqual(['LO1', 'Understand what helps teams in health and social care work well', 'None yet', '0']);
    expect(row('LO2')?.[2]).toBe('Weekly log, w/c 30 Sep 2019: 1 passage');
    expect(row('LO4')?.[2]).toBe('Weekly log, w/c 7 Oct 2019: 1 passage\nMy own contribution to the team (16 Oct 2019): whole entry and 3 passages');
    expect(row('P8')?.[2]).toBe('Weekly log, w/c 7 Oct 2019: 1 passage');

    const { preview } = made.assignment;
    const own = countWords(commentary);
    const [count] = tableWithHeader('assignment', 'Counted');
    expect(count?.rows).toEqual([
      ['Counted', 'Words', 'Against the limit'],
      ['Commentary written for this document', String(own), ''],
      ['Passages quoted from the portfolio', String(preview.quotedWords), ''],
      ['Total without quotations', String(own), `Within the limit (${(2500 - own).toLocaleString('en-GB')} to spare)`],
      ['Total with quotations', String(preview.words), `Within the limit (${(2500 - preview.words).toLocaleString('en-GB')} to spare)`],
      ['Entries given in full in the appendix (not counted)', expect.stringMatching(/^[\d,]+$/), ''],
    ]);

    expect(made.assignment.structure.paragraphs.filter((paragraph) => paragraph.text.startsWith('Age UK (2018)') || paragraph.text.startsWith('National Institute')).map((paragraph) => paragraph.text)).toEqual(references.split('\n'));
    expect(made.assignment.structure.hyperlinks.filter((link) => !link.url?.startsWith('#'))).toEqual([{ text: 'https://www.nice.org.uk/guidance/ng108', url: 'https://www.nice.org.uk/guidance/ng108' }]);

    const appendix = made.assignment.structure.paragraphs.slice(made.assignment.structure.paragraphs.findIndex((paragraph) => paragraph.text === 'Appendix: entries given in full'));
    expect(appendix.filter((paragraph) => paragraph.style.startsWith('Heading')).map((paragraph) => `${paragraph.style}: ${paragraph.text}`)).toEqual([
      'Heading 1: Appendix: entries given in full',
      'Heading 2: My own contribution to the team (16 October 2019)',
      'Heading 3: Description',
      'Heading 3: Feelings',
      'Heading 3: Evaluation',
      'Heading 3: Analysis',
      'Heading 4: Attention',
      'Heading 4: Retention',
      'Heading 3: Conclusion',
      'Heading 3: Action plan',
    ]);
    expect(pdfWords('assignment')).toMatch(/My co workers have often told me I raise the feel of the atmosphere in the establishment and impressed with my caring abilities\. \[LO4 M4\]/);
  });

  it('mammoth reads the outcomes as headings and the tables as tables', () => {
    const { html } = made.assignment;
    expect(html).toMatch(/<h1>(<a id="[^"]+"><\/a>)?LO3 Understand the outcomes of partnership working<\/h1>/);
    expect(html).toMatch(/<h3>(<a id="[^"]+"><\/a>)?For P5<\/h3>/);
    expect((html.match(/<table>/g) ?? []).length).toBe(made.assignment.structure.tables.length);
    expect(html).toContain('<a href="https://www.nice.org.uk/guidance/ng108">https://www.nice.org.uk/guidance/ng108</a>');
  });
});

describe('appraisal and revalidation pack', () => {
  it('previews every entry of the period', () => {
    const inPeriod = snapshot.data.entries.filter((entry) => entry.date >= '2019-09-30' && entry.date <= '2019-10-31');
    expect(made.appraisal.preview).toEqual({
      title: 'Appraisal and revalidation record: 30 September 2019 to 31 October 2019',
      fileName: 'appraisal-2019-09-30-to-2019-10-31.docx',
      entries: 8,
      passages: 0,
      words: inPeriod.reduce((sum, entry) => sum + entry.summary.words, 0),
      quotedWords: 0,
      notes: [],
    });
  });

  it('summarises the period in counts, and lists achievements, ideas with their status, and a development plan from the plans', () => {
    expect(inStyle('appraisal', 'Heading 1')).toEqual(['Summary', 'Achievements', 'Ideas and what became of them', 'Development plan', 'Reflective accounts', 'CPD log']);
    expect(made.appraisal.structure.paragraphs.slice(0, 6).map((paragraph) => paragraph.text)).toEqual([
      'Appraisal and revalidation record',
      'Sam Taylor',
      'Role: Physiotherapist',
      'Registration number: PH123456',
      'Period: 30 September 2019 to 31 October 2019',
      'Prepared: 1 November 2019',
    ]);
    const [summary] = tableWithHeader('appraisal', 'Record');
    expect(summary?.rows.slice(1, -1)).toEqual([
      ['Weekly logs', '4'],
      ['Reflections', '4 (1 on the NMC reflective account form)'],
      ['Ideas', '4 (1 done, 2 in progress)'],
      ['Plans made', '6 (3 done, 3 still open)'],
      ['CPD time', '11 hours, all participatory'],
    ]);
    const [ideas] = tableWithHeader('appraisal', 'Idea');
    expect(ideas?.rows.map((row) => [row[0], row[2], row[3]])).toEqual([
      ['Idea', 'Written in', 'Status'],
      ['7', 'w/c 30 Sep 2019', 'Done'],
      ['8', 'w/c 30 Sep 2019', 'In progress'],
      ['9', 'w/c 7 Oct 2019', 'In progress'],
      ['10', 'w/c 7 Oct 2019', 'New'],
    ]);
    const [stillToDo, done] = tableWithHeader('appraisal', 'Plan');
    expect(stillToDo?.rows.slice(1).map((row) => row[2])).toEqual(['Partly', 'Partly', 'Not reviewed yet']);
    expect(done?.rows.slice(1).map((row) => row[0])).toEqual([
      expect.stringMatching(/^Consider how training for the workforce may look/),
      'Collate data from questionnaire responses sent to community therapists',
      expect.stringMatching(/^Plan one of my Mary Seacole assignments/),
    ]);
    expect(inStyle('appraisal', 'Heading 2').slice(0, 4)).toEqual(['Week commencing Monday 30 September 2019', 'Week commencing Monday 7 October 2019', 'Week commencing Monday 14 October 2019', 'Week commencing Monday 21 October 2019']);
    expect(inStyle('appraisal', 'List Paragraph')).toContain('Meeting our local strategic co-production group and seeing the impact of this group in action!');
  });

  it('gives the NMC reflective account in the form’s layout with its Code themes ticked, then the other reflections', () => {
    const paragraphs = made.appraisal.structure.paragraphs;
    const start = paragraphs.findIndex((paragraph) => paragraph.text === 'Rushing care on a short-staffed shift (10 October 2019)');
    expect(paragraphs[start]?.style).toBe('Heading 2');
    expect(paragraphs.slice(start + 1, start + 6).map((paragraph) => [paragraph.style, paragraph.text])).toEqual([
      ['Heading 3', 'NMC Code: the four themes'],
      ['List Paragraph', 'Prioritise people'],
      ['List Paragraph', 'Practise effectively'],
      ['List Paragraph', 'Preserve safety'],
      ['List Paragraph', 'Promote professionalism and trust'],
    ]);
    expect(paragraphs.filter((paragraph, index) => index > start && paragraph.style === 'Heading 3').map((paragraph) => paragraph.text)).toEqual([
      'NMC Code: the four themes',
      'The activity, feedback or experience',
      'What I learned',
      'How I changed or improved my practice',
      'How this relates to the Code',
    ]);
    const words = pdfWords('appraisal');
    expect(words).toContain('☑ Prioritise people ☐ Practise effectively ☑ Preserve safety ☐ Promote professionalism and trust');
    expect(words).toContain('One of the main barriers as mentioned previously I often experienced during my work experience was lack of staffing.');
    const [others] = tableWithHeader('appraisal', 'Date').filter((table) => table.rows[0]?.[1] === 'Reflection');
    expect(others?.rows.slice(1).map((row) => row.slice(0, 3))).toEqual([
      ['2 Oct 2019', 'Outcomes of partnership working: planning with the person', 'Person-centred outcomes plan (8 steps)'],
      ['9 Oct 2019', 'Regional social prescribing event', 'HCPC CPD activity'],
      ['16 Oct 2019', 'My own contribution to the team', 'Gibbs reflective cycle'],
    ]);
  });

  it('has a CPD log with hours and a total, and the HCPC standards the period’s entries are tagged with', () => {
    const [cpd] = tableWithHeader('appraisal', 'Date').filter((table) => table.rows[0]?.[1] === 'Activity');
    expect(cpd?.rows).toEqual([
      ['Date', 'Activity', 'Type', 'Time', 'Participatory'],
      ['7 Oct 2019', 'Weekly log', 'Formal or educational', '6 hours', 'Yes'],
      ['9 Oct 2019', 'Regional social prescribing event', 'Professional activity', '5 hours', 'Yes'],
      ['', 'Total', '', '11 hours', '11 hours'],
    ]);
    const [hcpc] = tableWithHeader('appraisal', 'Standard');
    expect(hcpc?.rows.map((row) => [row[0], row[2]])).toEqual([
      ['Standard', 'Evidence in this period'],
      ['S1', 'None in this period'],
      ['S2', 'Regional social prescribing event (9 Oct 2019): whole entry'],
      ['S3', 'None in this period'],
      ['S4', 'Regional social prescribing event (9 Oct 2019): 1 passage'],
      ['S5', 'None in this period'],
    ]);
    expect(pdfWords('appraisal')).toContain('HCPC standards for CPD');
  });
});

describe('single reflection pack', () => {
  it('lays the NMC account out as its form: title, details, the Code themes, the notice, each section with its prompt', () => {
    const paragraphs = made.reflection.structure.paragraphs;
    expect(paragraphs.slice(0, 4).map((paragraph) => [paragraph.style, paragraph.text])).toEqual([
      ['Title', 'Rushing care on a short-staffed shift'],
      ['Subtitle', 'Sam Taylor'],
      ['Normal', 'Written with: NMC written reflective account'],
      ['Normal', 'Date: 10 October 2019'],
    ]);
    expect(inStyle('reflection', 'Heading 1')).toEqual(['NMC Code: the four themes', 'The activity, feedback or experience', 'What I learned', 'How I changed or improved my practice', 'How this relates to the Code']);
    expect(inStyle('reflection', 'Note')[0]).toMatch(/^Leave out anything that could identify a patient/);
    expect(inStyle('reflection', 'Note')[1]).toBe('What was the learning activity, the feedback on your practice, or the event you are reflecting on?');
    expect(made.reflection.preview).toMatchObject({ title: 'Rushing care on a short-staffed shift', fileName: 'rushing-care-on-a-short-staffed-shift-2019-10-10.docx', entries: 1, notes: [] });
    expect(pdfWords('reflection')).toContain('☑ Prioritise people');
    expect(made.reflection.html).toContain('<ul><li>Give people time to do what they can for themselves, even on a short shift</li><li>Explain what I am about to do, every time</li></ul>');
  });

  it('an HCPC activity shows its CPD time and its standards; a weekly log alone reads as in the weekly logs pack', async () => {
    const hcpc = readWordXml(await packDocument((await plan({ pack: 'reflection', entryId: sample.reflections.hcpcActivity, name: '' })).document()));
    const texts = hcpc.paragraphs.map((paragraph) => paragraph.text);
    expect(texts).toContain('CPD time: 5 hours (professional activity, participatory)');
    expect(texts.slice(texts.indexOf('HCPC standards for continuing professional development'), texts.indexOf('HCPC standards for continuing professional development') + 6)).toEqual([
      'HCPC standards for continuing professional development',
      'Keep an ongoing, current and accurate record of your CPD',
      'Learn in a range of ways that matter to your practice now or in the future',
      'Make sure your CPD has improved the quality of your practice and the service you deliver',
      'Make sure your CPD benefits the people who use your service',
      'Be able to give a written CPD profile, your own work backed by evidence, when asked',
    ]);
    // The passage tagged against an HCPC standard is shaded with its code.
    expect(texts.some((text) => text.includes('[S4]'))).toBe(true);

    const week = await plan({ pack: 'reflection', entryId: sample.weeks[1]!.entryId, name: 'Sam Taylor' });
    expect(week.preview).toMatchObject({ title: 'Weekly reflective log: Week commencing Monday 7 October 2019', fileName: 'weekly-log-2019-10-07.docx', entries: 1 });
    const weekly = readWordXml(await packDocument(week.document()));
    expect(weekly.paragraphs.filter((paragraph) => paragraph.style === 'Heading1').map((paragraph) => paragraph.text)).toEqual(['Review of last week’s plans', 'This week', 'Key thoughts', 'Achievements this week', 'Next week I plan to']);
    expect(weekly.paragraphs.map((paragraph) => paragraph.text)).toContain('Week commencing: Monday 7 October 2019');
  });
});

describe('planning answers', () => {
  it('an unknown framework or entry is a plain not-found answer, and needs no text loaded', () => {
    const data = snapshot.data;
    const unknownFramework: ExportOptions = { ...(optionsFor('assignment') as Extract<ExportOptions, { pack: 'assignment' }>), frameworkId: 'no-such-unit' };
    expect(entriesToLoad(data, unknownFramework)).toEqual([]);
    expect(planExport({ data, bodies: new Map(), now }, unknownFramework)).toEqual({ ok: false, error: { code: 'not-found', message: 'There is no framework with the id "no-such-unit" in this portfolio.' } });
    const unknownEntry: ExportOptions = { pack: 'reflection', entryId: 'deleted-entry', name: '' };
    expect(entriesToLoad(data, unknownEntry)).toEqual([]);
    expect(planExport({ data, bodies: new Map(), now }, unknownEntry)).toMatchObject({ ok: false, error: { code: 'not-found', message: 'That entry is not in this portfolio (it may have been deleted).' } });
  });

  it('text that could not be read is a plain answer naming the entry, never a crash', () => {
    const data = snapshot.data;
    expect(planExport({ data, bodies: new Map(), now }, optionsFor('assignment'))).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/^The text of .+ could not be read\.$/) } });
    const weeks = planExport({ data, bodies: new Map(), now }, optionsFor('weeks'));
    if (!weeks.ok) throw new Error(weeks.error.message);
    expect(() => weeks.value.document()).toThrow(ExportGap);
    expect(() => weeks.value.document()).toThrow('The text of Weekly log, w/c 30 Sep 2019 could not be read.');
  });

  it('an empty range says so in its notes and still makes a document that says so', async () => {
    const oneWeek = await plan({ pack: 'weeks', from: '2020-01-08', to: '2020-01-08', name: '' });
    expect(oneWeek.preview).toMatchObject({ title: 'Weekly reflective log: Week commencing Monday 6 January 2020', entries: 0, words: 0, notes: ['There are no weekly logs for the week commencing Monday 6 January 2020.'] });
    const range = await plan({ pack: 'weeks', from: '2020-01-06', to: '2020-03-30', name: '' });
    expect(range.preview.notes).toEqual(['There are no weekly logs from w/c 6 Jan 2020 to w/c 30 Mar 2020.']);
    const empty = readWordXml(await packDocument(range.document()));
    expect(empty.paragraphs.map((paragraph) => paragraph.text)).toEqual(['Weekly reflective log', 'There are no weekly logs from w/c 6 Jan 2020 to w/c 30 Mar 2020.']);

    const appraisal = await plan({ pack: 'appraisal', from: '2020-01-01', to: '2020-03-31', name: '', role: '', registration: '' });
    expect(appraisal.preview).toMatchObject({ entries: 0, words: 0, notes: ['There are no entries dated 1 January 2020 to 31 March 2020.'] });
    const appraisalXml = readWordXml(await packDocument(appraisal.document()));
    expect(appraisalXml.paragraphs.map((paragraph) => paragraph.text)).toContain('No CPD time is recorded in this period.');

    const assignment = await plan({ ...(optionsFor('assignment') as Extract<ExportOptions, { pack: 'assignment' }>), from: '2020-01-01', to: null, commentary: {} });
    expect(assignment.preview).toMatchObject({ entries: 0, passages: 0, words: 0, quotedWords: 0, notes: ['Nothing is tagged against Unit 26: Supporting Team and Partnership Working Across Health and Social Care Services in from 1 January 2020.'] });
  });

  it('previews words with and without quotations against a limit, and a period without NMC accounts says so', async () => {
    const base = optionsFor('assignment') as Extract<ExportOptions, { pack: 'assignment' }>;
    const tight = await plan({ ...base, wordLimit: 100 });
    expect(tight.preview.notes).toContain(`With quotations the document has ${tight.preview.words} words, over the word limit of 100.`);
    const tighter = await plan({ ...base, wordLimit: 10 });
    expect(tighter.preview.notes).toContain(`Your commentary (${countWords(commentary)} words) is over the word limit of 10.`);
    const noCommentary = await plan({ ...base, commentary: {}, wordLimit: null });
    expect(noCommentary.preview.words).toBe(noCommentary.preview.quotedWords);
    const word = readWordXml(await packDocument(noCommentary.document()));
    expect(word.paragraphs.map((paragraph) => paragraph.text)).toContain(`Word count: 0 words without quotations, ${noCommentary.preview.words} with them`);
    const lo4Only = await plan({ ...base, from: samplePortfolioDates.teamworkReflection, to: samplePortfolioDates.teamworkReflection });
    expect(lo4Only.preview).toMatchObject({ entries: 1, notes: expect.arrayContaining(['No evidence yet for LO1, LO2, LO3.']) });

    const beforeAccount = await plan({ pack: 'appraisal', from: '2019-09-30', to: '2019-10-06', name: '', role: '', registration: '' });
    expect(beforeAccount.preview).toMatchObject({ entries: 2, notes: ['No NMC reflective accounts are dated in this period.'] });
  });
});
