import {
  AlignmentType,
  BorderStyle,
  Document,
  type FileChild,
  Footer,
  LevelFormat,
  LineRuleType,
  type NumberingDefinition,
  type PageNumberEstimator,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { estimatePageNumbers, estimatePageNumbersWith } from 'docx/layout';

/**
 * The look every pack shares: Word's built-in styles (Title, Heading 1–4, List Paragraph with real
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

/** The heading style one level below `style` (Heading 4 stays Heading 4). */
export function headingBelow(style: HeadingStyle): HeadingStyle {
  return style === wordStyleIds.heading1 ? wordStyleIds.heading2 : style === wordStyleIds.heading2 ? wordStyleIds.heading3 : wordStyleIds.heading4;
}

/** Numbered lists count 1, 2, 3; a numbered list inside another counts a, b, c; one inside that i, ii, iii. */
export const numberStyles = ['decimal', 'letter', 'roman'] as const;
export type NumberStyle = (typeof numberStyles)[number];

export const wordNumbering = {
  bullets: 'bullets',
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

const levelFormats: Record<NumberStyle, (typeof LevelFormat)[keyof typeof LevelFormat]> = { decimal: LevelFormat.DECIMAL, letter: LevelFormat.LOWER_LETTER, roman: LevelFormat.LOWER_ROMAN };

/**
 * The numbering of an ordered list in the given style starting at `start`: every level counts the
 * same way, so a list's style follows how deep it sits among numbered lists, not among bullets.
 */
export function numberedList(style: NumberStyle, start = 1): NumberingDefinition {
  return {
    reference: start === 1 ? `numbers-${style}` : `numbers-${style}-from-${start}`,
    levels: levels.map((level) => ({ level, format: levelFormats[style], text: `%${level + 1}.`, start, alignment: AlignmentType.LEFT, style: { paragraph: indentOf(level) } })),
  };
}

const numbering = {
  config: [
    { reference: wordNumbering.bullets, levels: bulletLevels(['•', '◦', '▪']) },
    ...numberStyles.map((style) => numberedList(style)),
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

/** Line spacing is always a multiple of the line (Word's "auto"): without the rule, LibreOffice reads it as exact and big type overlaps. */
const lines = (multiple: number) => ({ line: Math.round(240 * multiple), lineRule: LineRuleType.AUTO });

const styles = {
  default: {
    document: {
      run: { font: 'Calibri', size: 22, language: { value: 'en-GB', eastAsia: 'en-GB', bidirectional: 'ar-SA' } },
      paragraph: { spacing: { after: 120, ...lines(1.15) } },
    },
    title: { run: { size: 52, color: '1F3864', font: 'Calibri Light' }, paragraph: { spacing: { after: 200, ...lines(1) } } },
    heading1: { run: { size: 32, color: '1F3864', font: 'Calibri Light' }, paragraph: { spacing: { before: 360, after: 120, ...lines(1) }, keepNext: true, keepLines: true } },
    heading2: { run: { size: 26, color: '2E5395', font: 'Calibri Light' }, paragraph: { spacing: { before: 240, after: 80, ...lines(1) }, keepNext: true, keepLines: true } },
    heading3: { run: { size: 23, color: '1F3864', bold: true }, paragraph: { spacing: { before: 200, after: 60, ...lines(1) }, keepNext: true, keepLines: true } },
    heading4: { run: { size: 22, color: '2E5395', bold: true, italics: true }, paragraph: { spacing: { before: 160, after: 40, ...lines(1) }, keepNext: true, keepLines: true } },
    listParagraph: { paragraph: { spacing: { after: 60 } } },
  },
  paragraphStyles: [
    { id: wordStyleIds.subtitle, name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 28, color: '595959' }, paragraph: { spacing: { after: 240 } } },
    {
      id: wordStyleIds.quote,
      name: 'Quote',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { italics: true, color: '404040' },
      paragraph: { indent: { left: 567, right: 567 }, spacing: { before: 120, after: 60 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'A5A5A5', space: 8 } } },
    },
    { id: wordStyleIds.idea, name: 'Idea', basedOn: 'Normal', next: 'Normal', quickFormat: true, paragraph: { indent: { left: 284 }, spacing: { before: 120, after: 120 }, border: { left: { style: BorderStyle.SINGLE, size: 18, color: '2E5395', space: 8 } } } },
    { id: wordStyleIds.code, name: 'Code Block', basedOn: 'Normal', next: 'Normal', run: { font: 'Consolas', size: 20 }, paragraph: { spacing: { after: 120, ...lines(1) }, indent: { left: 284 } } },
    { id: wordStyleIds.listContinue, name: 'List Continue', basedOn: 'Normal', next: 'Normal', paragraph: { spacing: { after: 60 } } },
    { id: wordStyleIds.note, name: 'Note', basedOn: 'Normal', next: 'Normal', run: { color: '595959', size: 20 } },
  ],
  characterStyles: [{ id: wordStyleIds.evidenceCode, name: 'Evidence Code', basedOn: 'DefaultParagraphFont', run: { color: '7F6000', size: 18, bold: true } }],
};

/** One part of the document under its Heading 1 (or none, for a document of one part). */
export interface WordPart {
  heading: string | null;
  children: FileChild[];
  /** Whether the part starts on a new page (default true; the first part after the cover follows the cover's rule; a part without a heading never does). */
  newPage?: boolean;
}

export interface WordDocumentPlan {
  title: string;
  subject: string;
  author: string;
  description: string;
  /** What the footer says before the page number, e.g. "Sam Taylor — Unit 26 assignment evidence". */
  footer: string;
  /** What opens the document (title, who, when, what). */
  cover: FileChild[];
  /** Whether the cover is a page of its own (the contents, if any, then start a new page). */
  coverOwnPage: boolean;
  /** Which heading levels the table of contents lists: 0 for no contents, 1 for Heading 1 only, 2 for Headings 1 and 2. */
  contents: 0 | 1 | 2;
  parts: WordPart[];
}

/** Twips in A4 with 2.54 cm margins: what UK offices print on. */
const a4 = { width: 11906, height: 16838, margin: 1440 };
export const textWidth = a4.width - 2 * a4.margin;

function footer(text: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        style: wordStyleIds.note,
        children: [new TextRun(text ? `${text} — page ` : 'Page '), new TextRun({ children: [PageNumber.CURRENT] }), new TextRun(' of '), new TextRun({ children: [PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}

export function heading(text: string, style: HeadingStyle, options: { pageBreakBefore?: boolean } = {}): Paragraph {
  return new Paragraph({ style, keepNext: true, ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}), children: [new TextRun(text)] });
}

export function textParagraph(text: string, options: { style?: string; bold?: boolean; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({ ...(options.style ? { style: options.style } : {}), ...(options.keepNext ? { keepNext: true } : {}), children: [new TextRun({ text, ...(options.bold ? { bold: true } : {}) })] });
}

/** A "Label: value" line. */
export function labelled(label: string, value: string | ParagraphChild[]): Paragraph {
  return new Paragraph({ keepNext: true, children: [new TextRun({ text: `${label}: `, bold: true }), ...(typeof value === 'string' ? [new TextRun(value)] : value)] });
}

export function bullet(children: string | ParagraphChild[], level = 0): Paragraph {
  return new Paragraph({ numbering: { reference: wordNumbering.bullets, level }, children: typeof children === 'string' ? [new TextRun(children)] : children });
}

/** A ticked or unticked box, as a paper form shows a choice. */
export function checkbox(text: string, ticked: boolean): Paragraph {
  return new Paragraph({ numbering: { reference: ticked ? wordNumbering.tasksDone : wordNumbering.tasksOpen, level: 0 }, children: [new TextRun({ text, ...(ticked ? { bold: true } : {}) })] });
}

/** Lines of text with their line breaks kept. */
export function linesOf(text: string, format: { bold?: boolean; size?: number } = {}): TextRun[] {
  return text.split('\n').map((line, index) => new TextRun({ ...format, text: line, ...(index > 0 ? { break: 1 } : {}) }));
}

/** A table cell: its text (line breaks kept), or several paragraphs of text. */
export type GridCell = string | readonly string[];

/**
 * A row; an `emphasis` row (an outcome above its criteria, a total) is bold and shaded. Cells from
 * `plainFrom` on stay in ordinary type (shaded still), for a long statement on an emphasised row.
 */
export type GridRow = readonly GridCell[] | { cells: readonly GridCell[]; emphasis: boolean; plainFrom?: number };

export interface GridColumn {
  header: string;
  /** Fraction of the text width. */
  width: number;
  /** Numbers sit to the right. */
  align?: 'right';
}

const headerFill = 'D9E2F3';
const emphasisFill = 'F2F2F2';
/** Tables are set a point smaller than the text, as in most reports. */
const tableTextSize = 20;
const cellMargins = { top: 40, bottom: 40, left: 100, right: 100 };
/** Tables this short are kept on one page with their heading (each row keeps with the next). */
const keepTogetherRows = 12;

/**
 * A row with more text than this in one cell may break across pages: kept whole it could be taller
 * than a page, and LibreOffice then cuts off its end (a mentor's long sign-off statement, say).
 */
const longCellChars = 600;
const cellChars = (content: GridCell) => (typeof content === 'string' ? content.length : content.reduce((sum, text) => sum + text.length, 0));

/** How many paragraphs and rows each table made by gridTable holds, for the page-number budget. */
const tableSizes = new WeakMap<object, number>();

/**
 * A Table Grid table with a header row Word repeats on every page and rows that do not split
 * across pages (unless a cell holds more than a page could). Short tables stay together on one page.
 */
export function gridTable(columns: readonly GridColumn[], rows: readonly GridRow[]): Table {
  const columnWidths = columns.map((column) => Math.round(column.width * textWidth));
  const together = rows.length <= keepTogetherRows;
  let size = 0;
  const cell = (content: GridCell, index: number, kind: 'header' | 'emphasis' | 'plain', keepNext: boolean, bold = kind !== 'plain') => {
    const alignment = columns[index]?.align === 'right' ? { alignment: AlignmentType.RIGHT } : {};
    const format = { size: tableTextSize, ...(bold ? { bold: true } : {}) };
    const texts = typeof content === 'string' ? [content] : content.length > 0 ? content : [''];
    size += texts.length;
    return new TableCell({
      width: { size: columnWidths[index] ?? 0, type: WidthType.DXA },
      margins: cellMargins,
      children: texts.map((text) => new Paragraph({ ...alignment, keepNext, children: linesOf(text, format) })),
      ...(kind === 'plain' ? {} : { shading: { type: 'clear', color: 'auto', fill: kind === 'header' ? headerFill : emphasisFill } as const }),
    });
  };
  const table = new Table({
    style: wordStyleIds.tableGrid,
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((column, index) => cell(column.header, index, 'header', true)) }),
      ...rows.map((row, rowIndex) => {
        const { cells, emphasis, plainFrom } = 'cells' in row ? row : { cells: row, emphasis: false, plainFrom: undefined };
        const keepNext = together && rowIndex < rows.length - 1;
        return new TableRow({
          ...(cells.every((content) => cellChars(content) <= longCellChars) ? { cantSplit: true } : {}),
          children: cells.map((content, index) => cell(content, index, emphasis ? 'emphasis' : 'plain', keepNext, emphasis && (plainFrom === undefined || index < plainFrom))),
        });
      }),
    ],
  });
  tableSizes.set(table, size + rows.length);
  return table;
}

/**
 * Page numbers are worked out (as Word would lay the pages out) and written with the document when
 * it is small enough for that to be quick, so the contents show them in any word processor and Word
 * need not ask to update fields. Laying out takes about 10 ms a paragraph; a longer document is
 * written with its fields marked for Word to fill in when it opens it.
 */
export const pageNumberBudget = 400;

const guessing = estimatePageNumbersWith({ guess: true });

/**
 * Word's own layout where the estimator knows everything in the document; where it does not (an
 * emoji, a font it has no widths for) its best guess, rather than contents with no page numbers.
 */
const pageNumbers: PageNumberEstimator = Object.assign((body: Parameters<PageNumberEstimator>[0], context: Parameters<PageNumberEstimator>[1]) => {
  const exact = estimatePageNumbers(body, context);
  return exact.pageCount !== undefined ? exact : guessing(body, context);
}, estimatePageNumbers.listNumbers ? { listNumbers: estimatePageNumbers.listNumbers } : {});

function blocksIn(children: readonly FileChild[]): number {
  return children.reduce((sum, child) => sum + (tableSizes.get(child) ?? 1), 0);
}

/** The whole document: cover, contents, then each part (most on a new page), with the shared look. */
export function wordDocument(plan: WordDocumentPlan): Document {
  const children: FileChild[] = [...plan.cover];
  let first = !plan.coverOwnPage;
  if (plan.contents > 0) {
    children.push(new Paragraph({ style: wordStyleIds.subtitle, pageBreakBefore: !first, keepNext: true, children: [new TextRun('Contents')] }));
    children.push(new TableOfContents('Contents', { hyperlink: true, headingStyleRange: `1-${plan.contents}` }));
    first = false;
  }
  for (const part of plan.parts) {
    const pageBreakBefore = !first && part.newPage !== false;
    // A part without a heading (a document of one part) simply carries on from the cover.
    if (part.heading !== null) children.push(new Paragraph({ style: wordStyleIds.heading1, pageBreakBefore, keepNext: true, children: [new TextRun(part.heading)] }));
    children.push(...part.children);
    first = false;
  }
  const estimate = blocksIn(children) <= pageNumberBudget ? pageNumbers : undefined;
  return new Document({
    title: plan.title,
    subject: plan.subject,
    creator: plan.author || 'Reflective Portfolio',
    lastModifiedBy: plan.author || 'Reflective Portfolio',
    description: plan.description,
    externalStyles: tableGridStyles,
    styles,
    numbering,
    // With its page numbers worked out the document opens as it is; otherwise Word fills them in.
    features: { updateFields: plan.contents > 0 && estimate === undefined },
    ...(estimate ? { pageNumbers: estimate } : {}),
    sections: [
      {
        properties: { page: { size: { width: a4.width, height: a4.height }, margin: { top: a4.margin, bottom: a4.margin, left: a4.margin, right: a4.margin } } },
        footers: { default: footer(plan.footer) },
        children,
      },
    ],
  });
}
