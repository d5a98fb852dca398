import { AlignmentType, ExternalHyperlink, type FileChild, type NumberingDefinition, type ParagraphChild, Paragraph, ShadingType, TextRun } from 'docx';
import type { EditorMark, EditorNode } from '../document/editorJson.js';
import { type EvidenceTag, evidenceMarkType, tagFromMarkAttrs, tagKey } from '../frameworks/framework.js';
import { ideaNodeType } from '../portfolio/weeklyLog.js';
import { type HeadingStyle, numberStyles, numberedList, wordNumbering, wordStyleIds } from './wordStyles.js';

/**
 * The editor's JSON (every node and mark the section editors store) as Word paragraphs, using
 * Word's own styles and numbering. Pure: the same call gives the same paragraphs for the app,
 * the command line and the tests. Text is only ever text: nothing in an entry becomes markup.
 */
export interface WordContext {
  /** The number an idea is shown with ("Idea 7"), or null when it is not known. */
  ideaNumber(ideaId: string): number | null;
  /** The short code an evidence tag is shown with ("LO3 P5"), or null for a tag whose outcome is gone. */
  tagCode(tag: EvidenceTag): string | null;
  /** The style a heading typed inside an entry becomes (it sits under the section's own heading). */
  headingStyle: HeadingStyle;
  /** Whether tagged passages are shaded and followed by their codes. */
  showTags: boolean;
  /** A fresh numbering instance, so each numbered list in the document starts again at 1. */
  nextListInstance(): number;
}

/** Links worth keeping in a Word file: web and mail addresses only (a `javascript:` link is left as its words). */
export function safeLinkTarget(href: unknown): string | null {
  if (typeof href !== 'string' || href.length > 2_000) return null;
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:' ? url.href : null;
  } catch {
    return null;
  }
}

interface RunFormat {
  bold?: boolean;
  italics?: boolean;
  underline?: Record<string, never>;
  strike?: boolean;
  font?: string;
  shading?: { type: typeof ShadingType.CLEAR; color: string; fill: string };
}

const tagShading = { type: ShadingType.CLEAR, color: 'auto', fill: 'FFF4CC' } as const;

function formatOf(marks: readonly EditorMark[] | undefined, context: WordContext): RunFormat {
  const format: RunFormat = {};
  for (const mark of marks ?? []) {
    if (mark.type === 'bold') format.bold = true;
    else if (mark.type === 'italic') format.italics = true;
    else if (mark.type === 'underline') format.underline = {};
    else if (mark.type === 'strike') format.strike = true;
    else if (mark.type === 'code') format.font = 'Consolas';
    else if (mark.type === evidenceMarkType && context.showTags) {
      // A tag whose outcome has gone from its framework is no longer evidence of anything: its words are plain.
      const tag = tagFromMarkAttrs(mark.attrs);
      if (tag && context.tagCode(tag) !== null) format.shading = tagShading;
    }
  }
  return format;
}

function tagsOf(node: EditorNode): EvidenceTag[] {
  const tags: EvidenceTag[] = [];
  for (const mark of node.marks ?? []) {
    if (mark.type !== evidenceMarkType) continue;
    const tag = tagFromMarkAttrs(mark.attrs);
    if (tag) tags.push(tag);
  }
  return tags;
}

function linkOf(node: EditorNode): string | null {
  const mark = node.marks?.find((candidate) => candidate.type === 'link');
  return mark ? safeLinkTarget(mark.attrs?.['href']) : null;
}

/** Words in a text node, with line breaks kept. */
function textRuns(text: string, format: RunFormat, style?: string): TextRun[] {
  return text.split('\n').map((line, index) => new TextRun({ ...format, text: line, ...(index > 0 ? { break: 1 } : {}), ...(style ? { style } : {}) }));
}

/**
 * The inline content of one block as runs: formatting marks as run properties, links as real
 * hyperlinks, and (when tags are shown) each tagged passage shaded with its codes after it.
 */
export function inlineRuns(nodes: readonly EditorNode[], context: WordContext): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  const open = new Map<string, EvidenceTag>();
  const closeTags = (still: ReadonlySet<string>) => {
    const ending = [...open].filter(([key]) => !still.has(key));
    if (ending.length === 0) return;
    for (const [key] of ending) open.delete(key);
    const codes = ending.map(([, tag]) => context.tagCode(tag)).filter((code): code is string => code !== null);
    if (codes.length > 0) children.push(new TextRun({ text: ` [${codes.join(', ')}]`, style: wordStyleIds.evidenceCode }));
  };
  for (const node of nodes) {
    const tags = context.showTags ? tagsOf(node) : [];
    closeTags(new Set(tags.map(tagKey)));
    for (const tag of tags) open.set(tagKey(tag), tag);
    if (node.type === 'hardBreak') {
      children.push(new TextRun({ break: 1 }));
      continue;
    }
    if (node.type !== 'text' || !node.text) continue;
    const format = formatOf(node.marks, context);
    const link = linkOf(node);
    if (link) children.push(new ExternalHyperlink({ link, children: textRuns(node.text, format, wordStyleIds.hyperlink) }));
    else children.push(...textRuns(node.text, format));
  }
  closeTags(new Set());
  return children;
}

const hasWords = (node: EditorNode): boolean => (node.content ?? []).some((child) => (child.type === 'text' && (child.text ?? '').trim() !== '') || hasWords(child));

interface ListPlace {
  reference: string | NumberingDefinition;
  level: number;
  instance?: number;
}

/** Where a run of blocks sits: in which list item (if any), inside a quote or not, under how many numbered lists. */
interface Place {
  list: ListPlace | null;
  quoted: boolean;
  numberedDepth: number;
}

const maxListLevel = 8;

/** Where an ordered list starts counting (the editor's `start`), 1 unless it says otherwise. */
function startOf(node: EditorNode): number {
  const start = node.attrs?.['start'];
  return typeof start === 'number' && Number.isInteger(start) && start >= 0 && start <= 32_767 ? start : 1;
}

/** Block nodes as Word paragraphs. */
function blocks(nodes: readonly EditorNode[], context: WordContext, place: Place): FileChild[] {
  const out: FileChild[] = [];
  const { list, quoted } = place;
  // Only a list item's first paragraph carries the bullet or number; the rest sit indented under it.
  let listPlace = list;
  const paragraphOptions = (extraStyle?: string) => {
    const current = listPlace;
    listPlace = null;
    const style = extraStyle ?? (quoted ? wordStyleIds.quote : undefined);
    if (current) return { numbering: { reference: current.reference, level: current.level, ...(current.instance !== undefined ? { instance: current.instance } : {}) }, ...(style ? { style } : {}) };
    if (list) return { style: style ?? wordStyleIds.listContinue, indent: { left: 720 * (list.level + 1) } };
    return style ? { style } : {};
  };
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph': {
        if (!hasWords(node)) continue;
        out.push(new Paragraph({ ...paragraphOptions(), children: inlineRuns(node.content ?? [], context) }));
        break;
      }
      case 'heading': {
        if (!hasWords(node)) continue;
        listPlace = null;
        out.push(new Paragraph({ style: context.headingStyle, keepNext: true, children: inlineRuns(node.content ?? [], context) }));
        break;
      }
      case ideaNodeType: {
        if (!hasWords(node)) continue;
        const id = typeof node.attrs?.['id'] === 'string' ? node.attrs['id'] : '';
        const number = context.ideaNumber(id);
        const label = new TextRun({ text: number === null ? 'Idea: ' : `Idea ${number}: `, bold: true });
        out.push(new Paragraph({ ...paragraphOptions(wordStyleIds.idea), children: [label, ...inlineRuns(node.content ?? [], context)] }));
        break;
      }
      case 'blockquote':
        if (!hasWords(node)) continue;
        out.push(...blocks(node.content ?? [], context, { ...place, list: listPlace, quoted: true }));
        listPlace = null;
        break;
      case 'codeBlock': {
        if (!hasWords(node)) continue;
        const text = (node.content ?? []).map((child) => child.text ?? '').join('');
        out.push(new Paragraph({ ...paragraphOptions(wordStyleIds.code), children: textRuns(text.replace(/\n+$/, ''), {}) }));
        break;
      }
      case 'horizontalRule':
        listPlace = null;
        out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('*\u2003*\u2003*')] }));
        break;
      case 'bulletList':
      case 'orderedList':
      case 'taskList': {
        if (!hasWords(node)) continue;
        // A list as a list item's first block puts its first item on the item's own line, as the editor shows it.
        listPlace = null;
        const level = list ? Math.min(list.level + 1, maxListLevel) : 0;
        const numbered = node.type === 'orderedList';
        const numbers = numbered ? numberedList(numberStyles[place.numberedDepth % numberStyles.length]!, startOf(node)) : null;
        const instance = numbered ? context.nextListInstance() : undefined;
        for (const item of node.content ?? []) {
          const reference = numbers ?? (node.type === 'bulletList' ? wordNumbering.bullets : item.attrs?.['checked'] === true ? wordNumbering.tasksDone : wordNumbering.tasksOpen);
          const itemPlace: ListPlace = { reference, level, ...(instance !== undefined ? { instance } : {}) };
          out.push(...blocks(item.content ?? [], context, { list: itemPlace, quoted, numberedDepth: place.numberedDepth + (numbered ? 1 : 0) }));
        }
        break;
      }
      default:
        // A node this version does not know still keeps its words.
        if (node.content) out.push(...blocks(node.content, context, { ...place, list: listPlace }));
        else if (node.type === 'text' && node.text?.trim()) out.push(new Paragraph({ ...paragraphOptions(), children: inlineRuns([node], context) }));
        listPlace = null;
    }
  }
  return out;
}

/** One section's document as Word paragraphs; empty paragraphs (spacing in the editor) are left out. */
export function editorDocToWord(doc: EditorNode, context: WordContext): FileChild[] {
  return blocks(doc.content ?? [], context, { list: null, quoted: false, numberedDepth: 0 });
}

/** Plain text (from the export screen) as paragraphs: a blank line starts a new paragraph, a single line break stays a line break. */
export function plainTextToWord(text: string, style?: string): Paragraph[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => new Paragraph({ ...(style ? { style } : {}), children: textRuns(paragraph, {}) }));
}
