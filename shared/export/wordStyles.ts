import {
  AlignmentType,
  BorderStyle,
  Document,
  type FileChild,
  Footer,
  LevelFormat,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/**
 * The look every pack shares: Word's built-in styles (Title, Heading 1–3, List Paragraph with real
 * numbering, Quote, Table Grid, TOC), A4 pages with page numbers in the footer, the document's
 * title, author and subject, and British English on every run.
 */
export const wordStyleIds = {
  title: 'Title',
  subtitle: 'Subtitle',
  heading1: 'Heading1',
  heading2: 'Heading2',
  heading3: 'Heading3',
  heading4: 'Heading4',
  quote: 'Quote',
  hyperlink: 'Hyperlink',
  idea: 'Idea',
  code: 'CodeBlock',
  listContinue: 'ListContinue',
  evidenceCode: 'EvidenceCode',
  note: 'Note',
  tableGrid: 'TableGrid',
} as const;

export type HeadingStyle = (typeof wordStyleIds)['heading1' | 'heading2' | 'heading3' | 'heading4'];

export const wordNumbering = {
  bullets: 'bullets',
  numbers: 'numbers',
  tasksOpen: 'tasks-open',
  tasksDone: 'tasks-done',
} as const;

const levels = Array.from({ length: 9 }, (_, level) => level);
const indentOf = (level: number) => ({ indent: { left: 720 * (level + 1), hanging: 360 } });

function bulletLevels(glyphs: readonly string[]) {
  return levels.map((level) => ({
    level,
    format: LevelFormat.BULLET,
    text: glyphs[level % glyphs.length]!,
    alignment: AlignmentType.LEFT,
    style: { paragraph: indentOf(level) },
  }));
}

const numberFormats = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN] as const;

const numbering = {
  config: [
    { reference: wordNumbering.bullets, levels: bulletLevels(['•', '◦', '▪']) },
    {
      reference: wordNumbering.numbers,
      levels: levels.map((level) => ({
        level,
        format: numberFormats[level % numberFormats.length]!,
        text: `%${level + 1}.`,
        alignment: AlignmentType.LEFT,
        style: { paragraph: indentOf(level) },
      })),
    },
    { reference: wordNumbering.tasksOpen, levels: bulletLevels(['☐']) },
    { reference: wordNumbering.tasksDone, levels: bulletLevels(['☑']) },
  ],
};

/**
 * Word's built-in Table Grid style. docx does not write it, and styles given as `importedStyles`
 * would replace docx's own (Normal, Title, headings); as external styles it is added beside them.
 */
const tableGridStyles =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style></w:styles>';

const styles = {
  default: {
    document: {
      run: { font: 'Calibri', size: 22, language: { value: 'en-GB', eastAsia: 'en-GB', bidirectional: 'ar-SA' } },
      paragraph: { spacing: { after: 120, line: 276 } },
    },
    title: { run: { size: 52, color: '1F3864', font: 'Calibri Light' }, paragraph: { spacing: { after: 240 } } },
    heading1: { run: { size: 32, color: '1F3864', font: 'Calibri Light' }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
    heading2: { run: { size: 26, color: '2E5395', font: 'Calibri Light' }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } },
    heading3: { run: { size: 23, color: '1F3864', bold: true }, paragraph: { spacing: { before: 200, after: 60 }, keepNext: true } },
    heading4: { run: { size: 22, color: '2E5395', italics: true }, paragraph: { spacing: { before: 160, after: 40 }, keepNext: true } },
    listParagraph: { paragraph: { spacing: { after: 60 } } },
  },
  paragraphStyles: [
    { id: wordStyleIds.subtitle, name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 28, color: '595959' }, paragraph: { spacing: { after: 160 } } },
    {
      id: wordStyleIds.quote,
      name: 'Quote',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { italics: true, color: '404040' },
      paragraph: { indent: { left: 567, right: 567 }, spacing: { before: 120, after: 120 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'A5A5A5', space: 8 } } },
    },
    { id: wordStyleIds.idea, name: 'Idea', basedOn: 'Normal', next: 'Normal', quickFormat: true, paragraph: { indent: { left: 284 }, spacing: { before: 120, after: 120 }, border: { left: { style: BorderStyle.SINGLE, size: 18, color: '2E5395', space: 8 } } } },
    { id: wordStyleIds.code, name: 'Code Block', basedOn: 'Normal', next: 'Normal', run: { font: 'Consolas', size: 20 }, paragraph: { spacing: { after: 0 } } },
    { id: wordStyleIds.listContinue, name: 'List Continue', basedOn: 'Normal', next: 'Normal', paragraph: { spacing: { after: 60 } } },
    { id: wordStyleIds.note, name: 'Note', basedOn: 'Normal', next: 'Normal', run: { color: '595959', size: 20 } },
  ],
  characterStyles: [{ id: wordStyleIds.evidenceCode, name: 'Evidence Code', basedOn: 'DefaultParagraphFont', run: { color: '7F6000', size: 18, bold: true } }],
};

/** One part of the document under its Heading 1; each part starts on a new page. */
export interface WordPart {
  heading: string;
  children: FileChild[];
}

export interface WordDocumentPlan {
  title: string;
  subject: string;
  author: string;
  description: string;
  /** What opens the document (title, who, when, what). */
  cover: FileChild[];
  /** Whether the cover is a page of its own (the contents, if any, then start a new page). */
  coverOwnPage: boolean;
  contents: boolean;
  parts: WordPart[];
}

/** Twips in A4 with 2.54 cm margins: what UK offices print on. */
const a4 = { width: 11906, height: 16838, margin: 1440 };
export const textWidth = a4.width - 2 * a4.margin;

function footer(title: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        style: wordStyleIds.note,
        children: [new TextRun(`${title} — page `), new TextRun({ children: [PageNumber.CURRENT] }), new TextRun(' of '), new TextRun({ children: [PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}

export function heading(text: string, style: HeadingStyle): Paragraph {
  return new Paragraph({ style, keepNext: true, children: [new TextRun(text)] });
}

export function textParagraph(text: string, options: { style?: string; bold?: boolean } = {}): Paragraph {
  return new Paragraph({ ...(options.style ? { style: options.style } : {}), children: [new TextRun({ text, ...(options.bold ? { bold: true } : {}) })] });
}

/** A "Label: value" line. */
export function labelled(label: string, value: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
}

export function bullet(children: string | TextRun[], level = 0): Paragraph {
  return new Paragraph({ numbering: { reference: wordNumbering.bullets, level }, children: typeof children === 'string' ? [new TextRun(children)] : children });
}

/**
 * A Table Grid table with a header row Word repeats on every page. `widths` are fractions of the
 * text width. Cells hold plain text or paragraphs.
 */
export function gridTable(header: readonly string[], rows: readonly (readonly (string | Paragraph[])[])[], widths: readonly number[]): Table {
  const columnWidths = widths.map((fraction) => Math.round(fraction * textWidth));
  const cell = (content: string | Paragraph[], index: number, isHeader: boolean) =>
    new TableCell({
      width: { size: columnWidths[index] ?? 0, type: WidthType.DXA },
      children: typeof content === 'string' ? [new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text: content, ...(isHeader ? { bold: true } : {}) })] })] : content.length > 0 ? content : [new Paragraph({ children: [] })],
      ...(isHeader ? { shading: { type: 'clear', color: 'auto', fill: 'D9E2F3' } as const } : {}),
    });
  return new Table({
    style: wordStyleIds.tableGrid,
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((text, index) => cell(text, index, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((content, index) => cell(content, index, false)) })),
    ],
  });
}

/** The whole document: cover, contents, then each part on a new page, with the shared look. */
export function wordDocument(plan: WordDocumentPlan): Document {
  const children: FileChild[] = [...plan.cover];
  let first = !plan.coverOwnPage;
  if (plan.contents) {
    children.push(new Paragraph({ style: wordStyleIds.subtitle, pageBreakBefore: !first, keepNext: true, children: [new TextRun('Contents')] }));
    children.push(new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' }));
    first = false;
  }
  for (const part of plan.parts) {
    children.push(new Paragraph({ style: wordStyleIds.heading1, pageBreakBefore: !first, keepNext: true, children: [new TextRun(part.heading)] }), ...part.children);
    first = false;
  }
  return new Document({
    title: plan.title,
    subject: plan.subject,
    creator: plan.author || 'Reflective Portfolio',
    lastModifiedBy: plan.author || 'Reflective Portfolio',
    description: plan.description,
    externalStyles: tableGridStyles,
    styles,
    numbering,
    features: { updateFields: plan.contents },
    sections: [
      {
        properties: { page: { size: { width: a4.width, height: a4.height }, margin: { top: a4.margin, bottom: a4.margin, left: a4.margin, right: a4.margin } } },
        footers: { default: footer(plan.title) },
        children,
      },
    ],
  });
}
