// The Word-file harness (tests/support/wordFile.ts) on a small document made with the docx package:
// LibreOffice prints it, python-docx and mammoth read it, and each sees what was put in.
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  convertToPdf,
  type DocxStructure,
  mammothHtml,
  pdfPageCount,
  pdfText,
  readDocxStructure,
  renderPage,
} from '../support/wordFile.js';

/** Word's own "Table Grid" style, which the docx package does not write: a table naming the id
 * TableGrid without it has no style (and no borders) in Word. Given as `externalStyles`, which
 * keeps docx's own styles (`styles.importedStyles` would replace them all, Normal and headings too). */
const TABLE_GRID_STYLES = `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style></w:styles>`;

function cell(text: string): TableCell {
  return new TableCell({ children: [new Paragraph(text)] });
}

function sampleDocument(): Document {
  return new Document({
    title: 'Harness sample',
    creator: 'Test Author',
    subject: 'Word export checks',
    features: { updateFields: true },
    externalStyles: TABLE_GRID_STYLES,
    styles: {
      default: { document: { run: { language: { value: 'en-GB' } } } },
      paragraphStyles: [
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true }, paragraph: { indent: { left: 720 } } },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [
            { level: 0, format: LevelFormat.BULLET, text: '\u2022', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } },
          ],
        },
      ],
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT] })] })],
          }),
        },
        children: [
          new Paragraph({ text: 'Portfolio export', heading: HeadingLevel.TITLE }),
          new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-3' }),
          new Paragraph({ text: 'Weekly reflections', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Week one on the ward', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Handover practice', numbering: { reference: 'bullets', level: 0 } }),
          new Paragraph({ text: 'Medicines round', numbering: { reference: 'bullets', level: 0 } }),
          new Paragraph({ text: 'Listening is part of care.', style: 'Quote' }),
          new Table({
            style: 'TableGrid',
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: [cell('Standard'), cell('Evidence')] }),
              new TableRow({ children: [cell('1.1'), cell('Reflection on handover')] }),
              new TableRow({ children: [cell('2.4'), cell('Medicines log')] }),
            ],
          }),
          new Paragraph({
            children: [
              new TextRun('See '),
              new ExternalHyperlink({ link: 'https://www.nmc.org.uk/standards/code/', children: [new TextRun({ text: 'The Code', style: 'Hyperlink' })] }),
              new TextRun('.'),
            ],
          }),
        ],
      },
    ],
  });
}

describe('Word file harness', () => {
  let folder = '';
  let docxPath = '';
  let pdfPath = '';
  let structure: DocxStructure;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'word-harness-'));
    docxPath = join(folder, 'sample.docx');
    await writeFile(docxPath, await Packer.toBuffer(sampleDocument()));
    [pdfPath, structure] = await Promise.all([convertToPdf(docxPath, folder), readDocxStructure(docxPath)]);
  }, 60_000);

  afterAll(async () => {
    // WORD_HARNESS_KEEP=1 keeps the .docx, PDF and page picture to look at.
    if (process.env.WORD_HARNESS_KEEP) console.log(`Word harness files kept in ${folder}`);
    else if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('LibreOffice prints it to a PDF whose text has the headings, list, table and footer', async () => {
    expect(await pdfPageCount(pdfPath)).toBeGreaterThan(0);
    const text = await pdfText(pdfPath);
    for (const words of ['Portfolio export', 'Weekly reflections', 'Week one on the ward', 'Medicines round', 'Reflection on handover', 'The Code']) {
      expect(text).toContain(words);
    }
    expect(text).toMatch(/Page 1/);
    const png = await renderPage(pdfPath, 1, join(folder, 'page-1'));
    expect((await stat(png)).size).toBeGreaterThan(1000);
  });

  it('python-docx sees the styles, the table with its repeated header row, and the properties', () => {
    const styles = structure.paragraphs.map((p) => [p.style, p.text]);
    expect(styles).toContainEqual(['Title', 'Portfolio export']);
    expect(styles).toContainEqual(['Heading 1', 'Weekly reflections']);
    expect(styles).toContainEqual(['Heading 2', 'Week one on the ward']);
    expect(styles).toContainEqual(['Quote', 'Listening is part of care.']);
    expect(structure.paragraphs.find((p) => p.text === 'Handover practice')?.style).toBe('List Paragraph');
    expect(structure.paragraphs.find((p) => p.text.startsWith('See '))?.text).toBe('See The Code.');

    expect(structure.tables).toHaveLength(1);
    const [table] = structure.tables;
    expect(table).toEqual({
      style: 'Table Grid',
      styleId: 'TableGrid',
      rows: [
        ['Standard', 'Evidence'],
        ['1.1', 'Reflection on handover'],
        ['2.4', 'Medicines log'],
      ],
      headerRepeated: [true, false, false],
    });

    expect(structure.core).toEqual({ title: 'Harness sample', author: 'Test Author', subject: 'Word export checks' });
    expect(structure.languages).toContain('en-GB');
    expect(structure.footerTexts).toEqual(['Page ']);
    expect(structure.footerFields.map((field) => field.split(' ')[0])).toContain('PAGE');
    expect(structure.bodyFields.some((field) => field.startsWith('TOC '))).toBe(true);
    expect(structure.hyperlinks).toContainEqual({ text: 'The Code', url: 'https://www.nmc.org.uk/standards/code/' });
    expect(structure.emptyParagraphs).toBe(0);
    expect(structure.pageBreaks).toBe(0);
  });

  it('mammoth reads headings, the bulleted list and the link', async () => {
    const { html } = await mammothHtml(docxPath);
    // docx bookmarks each heading for the table of contents' links: <h1><a id="_Toc1"></a>…
    expect(html).toMatch(/<h1>(<a id="[^"]+"><\/a>)?Weekly reflections<\/h1>/);
    expect(html).toMatch(/<h2>(<a id="[^"]+"><\/a>)?Week one on the ward<\/h2>/);
    expect(html).toMatch(/<ul><li>Handover practice<\/li><li>Medicines round<\/li><\/ul>/);
    expect(html).toContain('<a href="https://www.nmc.org.uk/standards/code/">The Code</a>');
  });

  it('fails loudly, naming the tool and the file', async () => {
    const notWord = join(folder, 'not-word.docx');
    await writeFile(notWord, 'plain text, not a zip');
    await expect(readDocxStructure(notWord)).rejects.toThrow(/python3.*not-word\.docx[\s\S]*stderr: .+/);
    await expect(mammothHtml(notWord)).rejects.toThrow(/mammoth could not read .*not-word\.docx/);
    await expect(pdfPageCount(join(folder, 'missing.pdf'))).rejects.toThrow(/PDF file not found: .*missing\.pdf/);
  });
});
